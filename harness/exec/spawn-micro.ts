// The parent side of a micro cell: its job in a child process (exec/spawn.ts), its lines relayed,
// and every way the child can end made a cell result (a child that dies yields an errored cell).

import type { ChildProcess } from 'node:child_process';
import type { CellResult } from '../../core/result/schema.js';
import { unfinishedCell } from './cell-stub.js';
import { describeEnd, spawnJob } from './spawn.js';
import { microWorkloadRef, type MicroCellSpec, type MicroStateInfo } from '../micro/spec.js';

export interface SpawnedMicroCell {
  readonly child: ChildProcess;
  readonly result: Promise<{ cell: CellResult; state: MicroStateInfo | null }>;
  /** Ask the child to stop after its current task and report what it measured. */
  stop(): void;
  kill(): void;
}

export function spawnMicroCell(spec: MicroCellSpec, onLine?: (line: string) => void): SpawnedMicroCell {
  const job = spawnJob({ kind: 'micro', spec }, { onLine });
  const result = job.outcome.then((o) => {
    if (o.status === 'done') return o.result;
    const ref = { ...spec, workload: microWorkloadRef(spec) };
    if (o.status === 'interrupted') return { cell: unfinishedCell(ref, o), state: null };
    // A message from the child says what failed; otherwise how the process ended is the news.
    const error = o.crash !== null ? `micro cell failed: ${o.crash}` : `micro cell process ${describeEnd(o)}`;
    return { cell: unfinishedCell(ref, { status: 'errored', error }), state: null };
  });
  return { child: job.child, result, stop: job.stop, kill: job.kill };
}
