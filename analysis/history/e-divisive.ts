// E-Divisive with means (Matteson and James, "A nonparametric approach for multiple change point
// analysis of multivariate data", 2014), as MongoDB's signal-processing-algorithms and Apache
// Otava (formerly Hunter) find change points in a series of benchmark results: the split of a
// window that maximises the energy-distance statistic q̂ is the candidate; a permutation test
// (the points of every window shuffled within it, the largest q̂ found each time) gives its
// p-value; a significant candidate splits its window and the search goes on. Pure and seeded:
// the same values and seed give the same change points.

import { createRng, type Rng } from '../../core/rng.js';

export interface EDivisiveOptions {
  /** Significance: a candidate is a change point when its permutation p-value is at most this. */
  readonly alpha: number;
  /** Permutations per candidate (the test stops early once the p-value can no longer reach alpha). */
  readonly permutations: number;
  /** Fewest points on each side of a change point. */
  readonly minSegment: number;
  readonly seed: number;
}

export interface DetectedChange {
  /** The first point after the change (0-based). */
  readonly index: number;
  /** (permuted q̂ at least as large + 1) / (permutations run + 1). */
  readonly pValue: number;
  readonly qhat: number;
}

/** Permutations enough for p-values ten times finer than alpha: 9,999 at 0.001. */
export function permutationsFor(alpha: number): number {
  return Math.ceil(10 / alpha) - 1;
}

interface Split {
  readonly tau: number;
  readonly qhat: number;
}

/**
 * The best split of `w` into w[0, tau) and w[tau, n), each at least minSegment long: the largest
 * q̂ = (m k / (m + k)) (2/(m k) Σ|x - y| - Σ|x - x'| / C(m, 2) - Σ|y - y'| / C(k, 2)), with the
 * sums over pairs across, within the left and within the right part, updated in O(n) per tau.
 */
export function bestSplit(w: ArrayLike<number>, minSegment: number): Split | null {
  const n = w.length;
  if (n < 2 * minSegment) return null;
  let within = 0;
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) within += Math.abs((w[i] as number) - (w[j] as number));
  let cross = 0;
  let left = 0;
  let right = within;
  let best: Split | null = null;
  for (let t = 0; t < n - minSegment; t++) {
    // Point t moves from the right part to the left one.
    const wt = w[t] as number;
    let toLeft = 0;
    for (let i = 0; i < t; i++) toLeft += Math.abs(wt - (w[i] as number));
    let toRight = 0;
    for (let j = t + 1; j < n; j++) toRight += Math.abs(wt - (w[j] as number));
    cross += toRight - toLeft;
    left += toLeft;
    right -= toRight;
    const m = t + 1;
    const k = n - m;
    if (m < minSegment) continue;
    const pairs = (c: number): number => (c * (c - 1)) / 2;
    const e = (2 * cross) / (m * k) - (m > 1 ? left / pairs(m) : 0) - (k > 1 ? right / pairs(k) : 0);
    const qhat = ((m * k) / (m + k)) * e;
    if (!best || qhat > best.qhat) best = { tau: m, qhat };
  }
  return best;
}

function shuffled(values: readonly number[], rng: Rng): Float64Array {
  const out = Float64Array.from(values);
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const t = out[i] as number;
    out[i] = out[j] as number;
    out[j] = t;
  }
  return out;
}

/** The windows between the change points found so far: [start, end) pairs. */
function windows(n: number, changes: readonly number[]): [number, number][] {
  const edges = [0, ...changes, n];
  const out: [number, number][] = [];
  for (let i = 0; i + 1 < edges.length; i++) out.push([edges[i] as number, edges[i + 1] as number]);
  return out;
}

/** Change points of a series, in the order of the series. Series shorter than 2 × minSegment have none. */
export function detectChangePoints(values: readonly number[], o: EDivisiveOptions): DetectedChange[] {
  const rng = createRng(o.seed);
  const found: DetectedChange[] = [];
  // Significance is reached only when at most this many permutations match or beat the candidate.
  const allowed = Math.floor(o.alpha * (o.permutations + 1)) - 1;
  for (;;) {
    const changes = found.map((c) => c.index).sort((a, b) => a - b);
    const parts = windows(values.length, changes).map(([a, b]) => values.slice(a, b));
    let candidate: { index: number; qhat: number } | null = null;
    let start = 0;
    for (const part of parts) {
      const split = bestSplit(part, o.minSegment);
      if (split && (!candidate || split.qhat > candidate.qhat)) candidate = { index: start + split.tau, qhat: split.qhat };
      start += part.length;
    }
    if (!candidate || allowed < 0) return sortByIndex(found);
    let atLeast = 0;
    let run = 0;
    while (run < o.permutations && atLeast <= allowed) {
      run++;
      let most = -Infinity;
      for (const part of parts) {
        const split = bestSplit(shuffled(part, rng), o.minSegment);
        if (split && split.qhat > most) most = split.qhat;
      }
      if (most >= candidate.qhat) atLeast++;
    }
    const pValue = (atLeast + 1) / (run + 1);
    if (atLeast > allowed || pValue > o.alpha) return sortByIndex(found);
    found.push({ index: candidate.index, pValue, qhat: candidate.qhat });
  }
}

function sortByIndex(changes: DetectedChange[]): DetectedChange[] {
  return [...changes].sort((a, b) => a.index - b.index);
}
