// Calibration: what an A/A experiment (the same configuration run K times, N repeats each) says
// about the noise, and so about what the gate can see. Per metric:
// - within-run CV (pooled over the runs) and between-run CV (the spread of run means beyond what
//   the within-run noise explains: a BASE and a HEAD are separate runs, so both count);
// - the standard error of a relative change with n repeats per side,
//   SE(n) = sqrt(2 (cvWithin^2 / n + cvBetween^2)), and the interval's half width t(2n-2) SE(n);
// - the smallest change the gate flags 80 % of the time at N repeats with threshold T:
//   T + (t + z_0.8) SE(N) (the whole interval must clear T);
// - the repeats needed for the gate to flag a change of D (default 2T) 80 % of the time.
// These are normal-theory approximations for either interval method; the A/A comparisons of
// consecutive runs (false alarms) are counted with the real method alongside.

import type { ResultDocument } from '../../core/result/schema.js';
import { compareDocuments, DEFAULT_COMPARE_OPTIONS, minRepeatsFor } from './compare.js';
import { normalQuantile } from './mann-whitney.js';
import { cellMetrics, metricLabel } from './metrics.js';
import { describeGroups } from './pairing.js';
import { t975 } from './student-t.js';
import { parseThresholds } from './thresholds.js';
import type { Direction, Method, Verdict } from './types.js';

export const MAX_REPEATS_SEARCHED = 200;
const Z80 = normalQuantile(0.8);

export interface NoiseOptions {
  readonly repeat: number;
  readonly thresholdPct: number;
  /** The change the gate should catch; default twice the threshold. */
  readonly detectPct: number;
  readonly method: Method;
}

export interface NoiseRow {
  readonly benchmark: string;
  readonly metric: string;
  readonly id: string;
  readonly unit: string;
  readonly direction: Direction;
  readonly runs: number;
  readonly values: number;
  readonly mean: number;
  readonly cvWithinPct: number;
  /** null with a single run: between-run noise cannot be told apart then. */
  readonly cvBetweenPct: number | null;
  /** Half width of the 95 % interval of a relative change at `repeat` repeats per side. */
  readonly halfWidthPct: number;
  /** Smallest change flagged 80 % of the time at `repeat` repeats with the threshold. */
  readonly smallestDetectablePct: number;
  /** Repeats per side for the gate to flag a change of detectPct 80 % of the time; null when none up to MAX_REPEATS_SEARCHED do. */
  readonly repeatsNeeded: number | null;
  /** Verdicts of the A/A comparisons of consecutive runs (run i vs run i+1). */
  readonly aa: Readonly<Record<Verdict, number>>;
}

export interface NoiseReport {
  readonly options: NoiseOptions;
  readonly runs: number;
  readonly rows: readonly NoiseRow[];
  readonly aaComparisons: number;
  /** A/A comparisons whose gate would have failed (any regression verdict). */
  readonly aaFalseAlarms: number;
}

const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
function variance(xs: readonly number[]): number {
  if (xs.length < 2) return 0;
  const m = mean(xs);
  return xs.reduce((a, x) => a + (x - m) ** 2, 0) / (xs.length - 1);
}
const round2 = (x: number): number => Math.round(x * 100) / 100;

export function standardError(n: number, cvWithin: number, cvBetween: number): number {
  return Math.sqrt(2 * ((cvWithin * cvWithin) / n + cvBetween * cvBetween));
}

export function smallestDetectable(n: number, threshold: number, cvWithin: number, cvBetween: number): number {
  return threshold + (t975(2 * n - 2) + Z80) * standardError(n, cvWithin, cvBetween);
}

export function repeatsNeeded(threshold: number, detect: number, cvWithin: number, cvBetween: number, minRepeats: number): number | null {
  for (let n = Math.max(2, minRepeats); n <= MAX_REPEATS_SEARCHED; n++) {
    if (smallestDetectable(n, threshold, cvWithin, cvBetween) <= detect) return n;
  }
  return null;
}

export function estimateNoise(runs: readonly ResultDocument[], o: NoiseOptions): NoiseReport {
  // values[group key][metric id][run index] = that run's repeats
  const byMetric = new Map<string, { benchmark: string; id: string; label: string; unit: string; direction: Direction; perRun: number[][] }>();
  runs.forEach((doc, runIndex) => {
    for (const { identity, group } of describeGroups(doc)) {
      for (const cell of group.cells) {
        if (cell.status !== 'ok') continue;
        for (const { def, value } of cellMetrics(cell)) {
          const key = `${identity.key}\u0000${def.id}`;
          let entry = byMetric.get(key);
          if (!entry) {
            entry = { benchmark: identity.benchmark, id: def.id, label: metricLabel(def), unit: def.unit, direction: def.direction, perRun: runs.map(() => []) };
            byMetric.set(key, entry);
          }
          entry.perRun[runIndex]?.push(value);
        }
      }
    }
  });

  // The real gate on consecutive runs: how often would it have cried wolf?
  const aaByMetric = new Map<string, Record<Verdict, number>>();
  let aaFalseAlarms = 0;
  let aaComparisons = 0;
  const minRepeats = minRepeatsFor(o.method);
  for (let i = 0; i + 1 < runs.length; i++) {
    const c = compareDocuments(runs[i] as ResultDocument, runs[i + 1] as ResultDocument, {
      ...DEFAULT_COMPARE_OPTIONS,
      thresholds: parseThresholds([`${o.thresholdPct}%`]),
      method: o.method,
      seed: i + 1,
    });
    aaComparisons++;
    if (c.counts.regressed > 0) aaFalseAlarms++;
    for (const p of c.pairs) {
      for (const m of p.metrics) {
        const key = `${p.key}\u0000${m.id}`;
        const counts = aaByMetric.get(key) ?? { improved: 0, regressed: 0, unchanged: 0, inconclusive: 0 };
        counts[m.verdict]++;
        aaByMetric.set(key, counts);
      }
    }
  }

  const rows: NoiseRow[] = [];
  for (const [key, e] of byMetric) {
    const runsWithValues = e.perRun.filter((r) => r.length > 0);
    const all = runsWithValues.flat();
    const grand = mean(all);
    if (!(grand > 0)) continue;
    // Pooled within-run variance, and the variance of run means beyond what it explains.
    let ss = 0;
    let df = 0;
    for (const r of runsWithValues) {
      ss += variance(r) * (r.length - 1);
      df += r.length - 1;
    }
    const cvWithin = df > 0 ? Math.sqrt(ss / df) / grand : 0;
    const meanRepeats = all.length / runsWithValues.length;
    const cvBetween =
      runsWithValues.length >= 2
        ? Math.sqrt(Math.max(0, variance(runsWithValues.map(mean)) / (grand * grand) - (cvWithin * cvWithin) / meanRepeats))
        : null;
    const t = o.thresholdPct / 100;
    rows.push({
      benchmark: e.benchmark,
      metric: e.label,
      id: e.id,
      unit: e.unit,
      direction: e.direction,
      runs: runsWithValues.length,
      values: all.length,
      mean: grand,
      cvWithinPct: round2(cvWithin * 100),
      cvBetweenPct: cvBetween === null ? null : round2(cvBetween * 100),
      halfWidthPct: round2(t975(2 * o.repeat - 2) * standardError(o.repeat, cvWithin, cvBetween ?? 0) * 100),
      smallestDetectablePct: round2(smallestDetectable(o.repeat, t, cvWithin, cvBetween ?? 0) * 100),
      repeatsNeeded: repeatsNeeded(t, o.detectPct / 100, cvWithin, cvBetween ?? 0, minRepeats),
      aa: aaByMetric.get(key) ?? { improved: 0, regressed: 0, unchanged: 0, inconclusive: 0 },
    });
  }
  return { options: o, runs: runs.length, rows, aaComparisons, aaFalseAlarms };
}
