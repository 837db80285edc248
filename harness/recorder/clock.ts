// The clock the runner times operations with, and a measurement of its resolution and cost.
// performance.now() returns milliseconds as a double with sub-microsecond precision on Linux
// and, unlike process.hrtime.bigint(), allocates nothing.

import { performance } from 'node:perf_hooks';
import { median } from '../../core/stats.js';

export const now: () => number = performance.now.bind(performance);

export interface ClockInfo {
  readonly source: string;
  /** Smallest non-zero difference between two consecutive readings, in nanoseconds. */
  readonly resolutionNs: number | null;
  /** Median cost of one reading, in nanoseconds. */
  readonly overheadNs: number | null;
}

export function measureClock(samples = 200_000): ClockInfo {
  let resolution = Infinity;
  let prev = now();
  for (let i = 0; i < samples; i++) {
    const t = now();
    const d = t - prev;
    if (d > 0 && d < resolution) resolution = d;
    prev = t;
  }
  const rounds: number[] = [];
  for (let r = 0; r < 9; r++) {
    const n = 20_000;
    const t0 = now();
    for (let i = 0; i < n; i++) now();
    rounds.push(((now() - t0) * 1e6) / n);
  }
  return {
    source: 'performance.now',
    resolutionNs: Number.isFinite(resolution) ? Math.round(resolution * 1e6 * 100) / 100 : null,
    overheadNs: Math.round((median(rounds) ?? 0) * 100) / 100,
  };
}
