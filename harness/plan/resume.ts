// Which planned cells a stopped run already measured: a cell counts as done when it finished ok
// with the same id, backend, resolved knobs, workload, repeat and seed as the planned one, so a
// results.jsonl of a different run (other knobs, other seed) is never taken for this one.

import { canonicalJson } from '../../core/canonical-json.js';
import type { PlannedCell } from './run-cells.js';
import type { CellResult } from '../../core/result/schema.js';

function sameCell(planned: PlannedCell, done: CellResult): boolean {
  if (done.status !== 'ok') return false;
  if (done.backend !== planned.backend || done.repeat !== planned.repeat || done.seed !== planned.seed) return false;
  if (canonicalJson(done.knobs) !== canonicalJson(planned.knobs)) return false;
  const records = planned.workloadParams.records;
  return records === undefined || done.workload.records === undefined || done.workload.records === records;
}

export interface ResumeMatch {
  /** Finished cells by planned cell id. */
  readonly done: Map<string, CellResult>;
  /** Cells in the file that match no planned cell (another run's, or not ok). */
  readonly ignored: number;
}

export function matchResumed(planned: readonly PlannedCell[], previous: readonly CellResult[]): ResumeMatch {
  const byId = new Map<string, CellResult>();
  for (const c of previous) if (c.status === 'ok') byId.set(c.id, c);
  const done = new Map<string, CellResult>();
  for (const p of planned) {
    const c = byId.get(p.id);
    if (c && sameCell(p, c)) done.set(p.id, c);
  }
  return { done, ignored: previous.length - done.size };
}
