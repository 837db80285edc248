// Building blocks for OpSources: a bounded or unbounded stream filled one op at a time, a
// weighted choice of operation kinds, and per-key-space state that survives from one phase to
// the next (warm-up then run share an event clock, for instance).

import type { KeySpace, OpBatch, OpSource } from './types.js';

/** `emit(batch, i)` writes op i of the batch; the source stops after `total` ops when bounded. */
export function opSource(total: number | null, emit: (batch: OpBatch, i: number) => void): OpSource {
  let produced = 0;
  return {
    total,
    fill(batch: OpBatch, max: number): number {
      const n = total === null ? Math.min(max, batch.capacity) : Math.min(max, batch.capacity, total - produced);
      for (let i = 0; i < n; i++) emit(batch, i);
      produced += n;
      return n;
    },
  };
}

/** Picks an index with probability proportional to its weight, from one uniform draw. */
export class WeightedChoice {
  private readonly cumulative: Float64Array;
  constructor(weights: readonly number[]) {
    const total = weights.reduce((s, w) => s + w, 0);
    if (!(total > 0)) throw new RangeError('weights must have a positive sum');
    this.cumulative = new Float64Array(weights.length);
    let acc = 0;
    weights.forEach((w, i) => {
      acc += w / total;
      this.cumulative[i] = acc;
    });
    this.cumulative[weights.length - 1] = 1;
  }
  pick(u: number): number {
    const c = this.cumulative;
    for (let i = 0; i < c.length - 1; i++) if (u < (c[i] as number)) return i;
    return c.length - 1;
  }
}

/** State a workload keeps per key space, created on first use. */
export function spaceState<T extends object>(store: WeakMap<KeySpace, T>, space: KeySpace, create: () => T): T {
  let s = store.get(space);
  if (!s) {
    s = create();
    store.set(space, s);
  }
  return s;
}

/** Keys the run phase chooses among: what was loaded or inserted, else the records parameter. */
export function liveKeys(space: KeySpace, records: number): number {
  return space.inserted > 0 ? space.inserted : records;
}
