// The parent side of a run cell: its job in a child process (exec/spawn.ts), progress relayed, and
// every way the child can end made a cell result. A child that dies (crash, kill -9, out of
// memory) yields an errored cell carrying the phases it had already reported.

import type { ChildProcess } from 'node:child_process';
import type { CellResult, PhaseResult } from '../../core/result/schema.js';
import { unfinishedCell } from './cell-stub.js';
import { describeEnd, spawnJob } from './spawn.js';
import type { PhaseProgress } from '../runner/phase.js';
import type { CellSpec } from '../cell/spec.js';
import { describeSpecRef } from './spec-ref.js';

export interface SpawnedCell {
  readonly child: ChildProcess;
  readonly result: Promise<CellResult>;
  /** Ask the child to stop at its next interval boundary and report what it measured. */
  stop(): void;
  /** Kill the child at once. */
  kill(): void;
}

export function spawnCell(
  spec: CellSpec,
  onProgress?: (p: PhaseProgress) => void,
  onPhase?: (name: 'load' | 'run', result: PhaseResult) => void,
): SpawnedCell {
  const phases: { load?: PhaseResult; run?: PhaseResult } = {};
  const job = spawnJob(
    { kind: 'cell', spec },
    {
      onProgress,
      onPhase: (name, result) => {
        phases[name] = result;
        onPhase?.(name, result);
      },
    },
  );
  const result = job.outcome.then((o) =>
    o.status === 'done'
      ? o.result
      : unfinishedCell(describeSpecRef(spec), o.status === 'interrupted' ? o : { status: 'errored', error: `cell process ${describeEnd(o)}` }, phases),
  );
  return { child: job.child, result, stop: job.stop, kill: job.kill };
}
