// Cells without a measurement of their own: skipped before they ran (interrupted run, unavailable
// backend, over the memory budget), or whose child died (errored, or interrupted by a kill) with
// only the phases it had reported. One builder for every executor.

import type { CellResult, PhaseResult, WorkloadRef } from '../../core/result/schema.js';
import type { ResolvedKnobs } from '../../backends/types.js';

/** What names a cell when nothing was measured: from its plan or spec alone. */
export interface CellRef {
  readonly id: string;
  readonly backend: string;
  readonly knobs: ResolvedKnobs;
  readonly workload: WorkloadRef;
  readonly repeat: number;
  readonly seed: number;
  /** --threads above 1 (absent: one thread). */
  readonly threads?: number;
}

function base(ref: CellRef) {
  return {
    id: ref.id,
    backend: ref.backend,
    knobs: { ...ref.knobs },
    workload: ref.workload,
    repeat: ref.repeat,
    seed: ref.seed,
    ...(ref.threads !== undefined && ref.threads > 1 ? { threads: ref.threads } : {}),
    startedAt: null,
    warnings: [] as string[],
  };
}

export function skippedCell(ref: CellRef, reason: string): CellResult {
  return { ...base(ref), status: 'skipped', reason };
}

/** A cell whose process ended without a result: interrupted (killed on request) or errored. */
export function unfinishedCell(
  ref: CellRef,
  end: { readonly status: 'interrupted' } | { readonly status: 'errored'; readonly error: string },
  phases: { load?: PhaseResult; run?: PhaseResult } = {},
): CellResult {
  const measured = { phases, engine: null, resources: null, checkpoints: [] };
  return end.status === 'interrupted'
    ? { ...base(ref), status: 'interrupted', ...measured }
    : { ...base(ref), status: 'errored', error: end.error, ...measured };
}
