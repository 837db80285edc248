// Delay-backend cells for the gate's self-test, measured by the real cell code path: runCell
// (harness/cell/run-cell.ts) in this process, with the ycsb-a workload from the catalogue, the
// runner's phase loop and recorder. Only the child process is left out, so that 400 cells stay
// within a test's time; what comes back is the cell a `statebench run` would write.

import { delayBackend } from '../backends/delay/backend.js';
import { runCell } from '../harness/cell/run-cell.js';
import { inProcessCellSpec, type CellSpec } from '../harness/cell/spec.js';
import { cellId } from '../harness/plan/run-cells.js';
import { resolveKnobs } from '../backends/resolve-knobs.js';
import type { CellResult } from '../core/result/schema.js';

export const GATE_WORKLOAD = 'ycsb-a';

export interface DelayCellOptions {
  /** Delay knobs as strings (latencyUs, jitter, slowdownGet ...), resolved like --set values. */
  readonly knobs: Readonly<Record<string, string>>;
  readonly seed: number;
  readonly repeat: number;
  /** Operations of the measured run phase (the load phase inserts `records` keys first). */
  readonly ops: number;
  readonly records: number;
  readonly valueSize: number;
  /** The cell's data directory; the delay backend keeps nothing there, but the cell measures its size. */
  readonly dataDir: string;
}

export function delayCellSpec(o: DelayCellOptions): CellSpec {
  return inProcessCellSpec({
    id: cellId('delay', GATE_WORKLOAD, {}, o.repeat),
    backend: 'delay',
    // The slowdown is a knob of the cell, as with `--set delay.slowdownGet=1.1`; the comparison
    // leaves it out of the pairing (--ignore-knob slowdownGet) so base and head pair.
    knobs: resolveKnobs(delayBackend.describe(), o.knobs),
    workload: GATE_WORKLOAD,
    workloadParams: { records: o.records, valueSize: { kind: 'constant', bytes: o.valueSize } },
    ops: o.ops,
    seed: o.seed,
    repeat: o.repeat,
    dataDir: o.dataDir,
    // Every operation timed: a delay call lasts tens of microseconds, so timing costs ~0.1 %.
    sampleEvery: 1,
  });
}

export async function runDelayCell(o: DelayCellOptions): Promise<CellResult> {
  return runCell(delayCellSpec(o));
}
