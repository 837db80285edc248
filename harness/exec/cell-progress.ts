// A run cell's progress on the progress sink (run, tune): its start, the bar while it runs, each
// phase as it ends, and how it ended with its run-phase rate.

import type { CellResult } from '../../core/result/schema.js';
import type { CellSpec } from '../cell/spec.js';
import { spawnCell, type SpawnedCell } from './spawn-cell.js';
import type { ProgressSink } from './progress.js';

/** Spawns the cell and shows it; `phases: false` leaves out the line per finished phase (tune). */
export function spawnShownCell(spec: CellSpec, index: number, total: number, progress: ProgressSink | undefined, phases = true): SpawnedCell {
  progress?.cellStarted(index, total, spec.id);
  return spawnCell(
    spec,
    (p) => progress?.update(p),
    phases ? (name, r) => progress?.phaseFinished(name, r.ops, r.durationMs, r.throughputOpsPerSec) : undefined,
  );
}

export function showCellEnd(progress: ProgressSink | undefined, id: string, cell: CellResult): void {
  const rate = cell.status === 'skipped' ? null : (cell.phases.run?.throughputOpsPerSec ?? null);
  progress?.cellFinished(id, cell.status === 'errored' ? `errored: ${cell.error}` : cell.status, rate);
}
