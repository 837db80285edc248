// --threads N: what each slot (worker thread) of a cell runs. The cell's records, ops and open-loop
// rate are totals, divided among the slots as a TaskManager's key groups are divided among its
// slots: the same state spread over N instances, so cells at 1 and N threads hold the same data.

import { join } from 'node:path';
import type { SlotContext } from '../../backends/types.js';
import type { CellSpec } from './spec.js';

/** Slot `index`'s part of `total` split as evenly as whole numbers allow (the first slots take the remainder). */
export function shareOf(total: number, index: number, count: number): number {
  return Math.floor(total / count) + (index < total % count ? 1 : 0);
}

export function slotContext(spec: CellSpec, index: number): SlotContext {
  return { index, count: spec.threads ?? 1, sharedDir: spec.dataDir };
}

/** The one-thread spec slot `index` runs: its own directory, its share of the work, its own seed. */
export function slotSpec(spec: CellSpec, index: number): CellSpec {
  const n = spec.threads ?? 1;
  const records = spec.workloadParams.records;
  return {
    ...spec,
    id: `${spec.id}@${index}`,
    threads: 1,
    dataDir: join(spec.dataDir, `slot-${index}`),
    workloadParams: { ...spec.workloadParams, ...(records !== undefined ? { records: Math.max(1, shareOf(records, index, n)) } : {}) },
    ops: spec.ops !== null ? Math.max(1, shareOf(spec.ops, index, n)) : null,
    warmupOps: spec.warmupOps !== null ? Math.max(1, shareOf(spec.warmupOps, index, n)) : null,
    targetRate: spec.targetRate !== null ? spec.targetRate / n : null,
    // Slot 0 draws what a one-thread cell draws; the others their own streams.
    seed: (spec.seed + Math.imul(index, 0x85ebca6b)) | 0,
  };
}
