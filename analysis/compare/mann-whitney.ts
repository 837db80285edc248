// Distribution-free interval for a relative change: the Hodges-Lehmann estimate of the shift
// between log(head) and log(base), with the confidence interval from the exact Mann-Whitney U
// distribution (Hollander and Wolfe, Nonparametric Statistical Methods, 4.3). The interval
// [D(k), D(mn+1-k)] of the sorted pairwise differences covers the shift with probability at
// least the confidence; exp(shift) - 1 is the relative change. Needs positive values.

import { sortedMedian } from '../../core/stats.js';
import type { ChangeInterval } from './types.js';

/** P(U <= u) for every u, sample sizes m and n, by counting arrangements (exact). */
function uCumulative(m: number, n: number): Float64Array {
  const maxU = m * n;
  // counts[i][j][u]: arrangements of i and j items with U = u, built up one item at a time.
  let prev: Float64Array[] = [];
  for (let i = 0; i <= m; i++) {
    const row: Float64Array[] = [];
    for (let j = 0; j <= n; j++) {
      const c = new Float64Array(maxU + 1);
      if (i === 0 || j === 0) c[0] = 1;
      else {
        const a = prev[j] as Float64Array; // (i-1, j): the last item is from the first sample, beating j items
        const b = row[j - 1] as Float64Array; // (i, j-1)
        for (let u = 0; u <= maxU; u++) c[u] = (u >= j ? (a[u - j] as number) : 0) + (b[u] as number);
      }
      row.push(c);
    }
    prev = row;
  }
  const counts = prev[n] as Float64Array;
  let total = 0;
  for (const c of counts) total += c;
  const cdf = new Float64Array(maxU + 1);
  let run = 0;
  for (let u = 0; u <= maxU; u++) {
    run += counts[u] as number;
    cdf[u] = run / total;
  }
  return cdf;
}

/**
 * The rank k of the interval's lower end (1-based order statistic of the mn differences):
 * the largest k with P(U <= k - 1) <= alpha / 2. 0 means no interval at this confidence.
 */
export function mannWhitneyRank(m: number, n: number, confidence: number): number {
  const alpha = 1 - confidence;
  if (m * n > 2500) {
    // Normal approximation for large samples (with continuity correction).
    const z = normalQuantile(1 - alpha / 2);
    const k = Math.floor((m * n) / 2 - z * Math.sqrt((m * n * (m + n + 1)) / 12) + 0.5);
    return Math.max(0, k);
  }
  const cdf = uCumulative(m, n);
  let k = 0;
  while (k < m * n && (cdf[k] as number) <= alpha / 2 + 1e-12) k++;
  return k;
}

/** Smallest repeat count on each side for which the test can give an interval at all. */
export function mannWhitneyMinRepeats(confidence: number): number {
  for (let n = 2; n < 50; n++) if (mannWhitneyRank(n, n, confidence) >= 1) return n;
  return 50;
}

export function hodgesLehmannChange(base: readonly number[], head: readonly number[], confidence: number): ChangeInterval | null {
  if (base.length === 0 || head.length === 0) return null;
  if (base.some((x) => !(x > 0)) || head.some((x) => !(x > 0))) return null;
  const k = mannWhitneyRank(head.length, base.length, confidence);
  if (k < 1) return null;
  const diffs: number[] = [];
  for (const h of head) for (const b of base) diffs.push(Math.log(h) - Math.log(b));
  diffs.sort((a, b) => a - b);
  const N = diffs.length;
  return {
    estimate: Math.exp(sortedMedian(diffs)) - 1,
    low: Math.exp(diffs[k - 1] as number) - 1,
    high: Math.exp(diffs[N - k] as number) - 1,
  };
}

/** Inverse of the standard normal distribution (Acklam's rational approximation, |error| < 1.2e-9). */
export function normalQuantile(p: number): number {
  const a = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
  const b = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
  const c = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
  const pl = 0.02425;
  const A = (i: number): number => a[i] as number;
  const B = (i: number): number => b[i] as number;
  const C = (i: number): number => c[i] as number;
  const D = (i: number): number => d[i] as number;
  if (p < pl) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((C(0) * q + C(1)) * q + C(2)) * q + C(3)) * q + C(4)) * q + C(5)) / ((((D(0) * q + D(1)) * q + D(2)) * q + D(3)) * q + 1);
  }
  if (p > 1 - pl) return -normalQuantile(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return ((((((A(0) * r + A(1)) * r + A(2)) * r + A(3)) * r + A(4)) * r + A(5)) * q) / (((((B(0) * r + B(1)) * r + B(2)) * r + B(3)) * r + B(4)) * r + 1);
}
