// Bootstrap confidence interval of the ratio of means (head / base): resample each side with
// replacement, take the ratio of the resampled means, read the interval off the percentiles.
// Seeded, so the same inputs give the same interval on every machine.

import { createRng } from '../../core/rng.js';
import type { ChangeInterval } from './types.js';

/** Fewer repeats than this give a bootstrap distribution of a handful of values: no interval. */
export const BOOTSTRAP_MIN_REPEATS = 3;

export interface BootstrapOptions {
  readonly resamples: number;
  readonly confidence: number;
  readonly seed: number;
}

function mean(xs: readonly number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return s / xs.length;
}

/** The relative change head/base - 1 of the means, with its percentile interval; null when base's mean is 0. */
export function bootstrapRatioOfMeans(
  base: readonly number[],
  head: readonly number[],
  o: BootstrapOptions,
): ChangeInterval | null {
  if (base.length === 0 || head.length === 0) return null;
  const baseMean = mean(base);
  if (!(baseMean > 0)) return null;
  const rng = createRng(o.seed);
  const ratios = new Float64Array(o.resamples);
  let kept = 0;
  for (let r = 0; r < o.resamples; r++) {
    let sb = 0;
    for (let i = 0; i < base.length; i++) sb += base[rng.int(base.length)] as number;
    let sh = 0;
    for (let i = 0; i < head.length; i++) sh += head[rng.int(head.length)] as number;
    // A resample of base can only have mean 0 when some base values are 0: drop it.
    if (sb > 0) ratios[kept++] = (sh / head.length) / (sb / base.length);
  }
  if (kept === 0) return null;
  const sorted = ratios.subarray(0, kept).sort();
  const alpha = 1 - o.confidence;
  return {
    estimate: mean(head) / baseMean - 1,
    low: percentile(sorted, alpha / 2) - 1,
    high: percentile(sorted, 1 - alpha / 2) - 1,
  };
}

/** Linear interpolation between order statistics of a sorted array. */
function percentile(sorted: Float64Array, p: number): number {
  const pos = p * (sorted.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.min(sorted.length - 1, lo + 1);
  const f = pos - lo;
  return (sorted[lo] as number) * (1 - f) + (sorted[hi] as number) * f;
}
