// The keys of a micro run, all drawn before anything is timed.
//
// Key ids interleave four disjoint sets over the same range, so every kind of key lies among the
// preloaded ones (a miss cannot be answered by a key-range check alone):
//   4r     preloaded records, r in [0, records)     get-hit, overwrite, scans, delete
//   4r + 1 never written                             get-miss
//   4r + 2 written by batch-put-100, then removed    batch-put-100
//   4r + 3 written by put, then removed              put

import type { Rng } from '../../core/rng.js';

/** Length of the random key arrays the read tasks cycle through (a power of two: index & mask). */
export const DRAW_COUNT = 1 << 16;
/** Most keys a write pool holds: put, batch-put and delete refill or clear a pool when it runs out. */
export const MAX_POOL = 100_000;

export const preloadedId = (r: number): number => 4 * r;
export const missId = (r: number): number => 4 * r + 1;
export const batchId = (r: number): number => 4 * r + 2;
export const putId = (r: number): number => 4 * r + 3;

/** `count` uniform draws of f(r), r in [0, n). */
export function drawIds(rng: Rng, n: number, count: number, f: (r: number) => number): Float64Array {
  const out = new Float64Array(count);
  for (let i = 0; i < count; i++) out[i] = f(rng.int(n));
  return out;
}

/** `count` distinct ids f(r), r in [0, n), in random order (count <= n). */
export function distinctIds(rng: Rng, n: number, count: number, f: (r: number) => number): Float64Array {
  const out = new Float64Array(count);
  if (count * 2 >= n) {
    // Dense: a partial Fisher-Yates shuffle of [0, n).
    const all = new Uint32Array(n);
    for (let i = 0; i < n; i++) all[i] = i;
    for (let i = 0; i < count; i++) {
      const j = i + rng.int(n - i);
      const t = all[i] as number;
      all[i] = all[j] as number;
      all[j] = t;
      out[i] = f(all[i] as number);
    }
    return out;
  }
  // Sparse: rejection against a set stays cheap while count is well below n.
  const seen = new Set<number>();
  let i = 0;
  while (i < count) {
    const r = rng.int(n);
    if (seen.has(r)) continue;
    seen.add(r);
    out[i++] = f(r);
  }
  return out;
}

/** The size of a write pool for `records` preloaded records: a tenth of them, at least 100, at most MAX_POOL. */
export function poolSize(records: number): number {
  return Math.min(MAX_POOL, records, Math.max(100, Math.ceil(records / 10)));
}

/** Start ids of scans that can return `length` entries: preloaded ids with r in [0, records - length]. */
export function scanStarts(rng: Rng, records: number, length: number): Float64Array {
  return drawIds(rng, Math.max(1, records - length + 1), DRAW_COUNT, preloadedId);
}
