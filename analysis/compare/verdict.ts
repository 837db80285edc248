// The verdict on one metric, criterion.rs style: a change counts only when the whole confidence
// interval lies beyond the threshold. Worse means lower throughput, or higher latency or amplification.

import type { ChangeInterval, Direction, Verdict } from './types.js';

/**
 * regressed: the whole interval is worse than the threshold; improved: the whole interval is
 * better than it; unchanged: the whole interval lies within +/- threshold; inconclusive otherwise
 * (the interval straddles a threshold: more repeats would tell).
 */
export function decideVerdict(change: ChangeInterval, direction: Direction, threshold: number): Verdict {
  // Turn the interval into "how much worse" so one rule serves both directions.
  const worseLow = direction === 'lower-is-better' ? change.low : -change.high;
  const worseHigh = direction === 'lower-is-better' ? change.high : -change.low;
  if (worseLow > threshold) return 'regressed';
  if (worseHigh < -threshold) return 'improved';
  if (worseLow >= -threshold && worseHigh <= threshold) return 'unchanged';
  return 'inconclusive';
}
