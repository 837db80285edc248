// What a cell's engine may hold in memory, from its knobs, before it runs (the budget check
// skips cells that cannot fit). Each backend answers for itself (BackendTraits.estimateMemory:
// backends/lsm/memory-estimate.ts, backends/lmdb/memory-estimate.ts); a backend whose memory only
// a measurement can tell (the heap) says so, and is measured after the cell (measured.ts).

import { backendTraits } from '../../backends/registry.js';
import type { MemoryContext, MemoryEstimate, ResolvedKnobs } from '../../backends/types.js';

export function estimateCellMemory(backend: string, knobs: ResolvedKnobs, ctx: MemoryContext): MemoryEstimate {
  return backendTraits(backend)?.estimateMemory?.(knobs, ctx) ?? { bytes: null, breakdown: 'not bounded by its knobs' };
}
