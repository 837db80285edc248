// Flink's benchmark regression rule (flink-benchmarks, regression_report_v2.py), applied at each
// position of a series as a nightly check would be: over the last up to 33 samples, the baseline
// is the best rolling min-of-3 before the current three (for a latency, the best rolling max-of-3
// inverted: scores are negated as the script negates less-is-better series), the current value
// the best of the last three, and an alert is raised when the current is worse than the baseline
// by more than max(4 %, 2 × the last sample's standard deviation / current).

import type { Direction } from '../analysis/compare/types.js';

const WINDOW = 33;
const MIN_SAMPLES = 6;
const MIN_RATIO = 0.04;
const INSTABILITY = 2;

/** Whether the rule alerts at the last of `values` (oldest first); `sd` the last sample's standard deviation. */
export function flinkAlerts(values: readonly number[], sd: number, direction: Direction): boolean {
  const scores = values.slice(-WINDOW).map((v) => (direction === 'higher-is-better' ? v : -v));
  if (scores.length < MIN_SAMPLES) return false;
  let baseline = -Infinity;
  for (let i = 3; i <= scores.length - 3; i++) baseline = Math.max(baseline, Math.min(...scores.slice(i - 3, i)));
  const current = Math.max(...scores.slice(-3));
  const worse = direction === 'higher-is-better' ? 1 - current / baseline : current / baseline - 1;
  return worse > Math.max(MIN_RATIO, (INSTABILITY * sd) / Math.abs(current));
}

/** The sample standard deviation of a document's repeats (0 for one repeat). */
export function sampleSd(values: readonly number[]): number {
  if (values.length < 2) return 0;
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / (values.length - 1));
}
