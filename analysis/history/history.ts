// A history of result documents judged: one series per cell group and metric (series.ts), change
// points by E-Divisive means (e-divisive.ts), and for each change the levels before and after, the
// relative change with its 95 % interval (Hodges-Lehmann and Mann-Whitney, as compare computes
// it) and compare's verdict against the threshold; changes within the threshold are dropped. The newest change point of each gating series
// decides the exit code: 1 when it is a regression, so the series ends at the worse level.
// Pure: ordered documents in, a History out.

import { sortedMedian } from '../../core/stats.js';
import { CONFIDENCE } from '../compare/compare.js';
import { hodgesLehmannChange } from '../compare/mann-whitney.js';
import { metricLabel, MIN_TAIL_SAMPLES, tailQuantile } from '../compare/metrics.js';
import { checkSelectorsMatch, normaliseSelector, selectorMatches } from '../compare/selectors.js';
import { thresholdFor, type Thresholds } from '../compare/thresholds.js';
import { decideVerdict } from '../compare/verdict.js';
import { detectChangePoints, permutationsFor, type DetectedChange } from './e-divisive.js';
import type { Ordering } from './order.js';
import { buildSeries, type Gap, type RawSeries } from './series.js';
import type { ChangePoint, History, HistoryDocument, HistoryRegression, HistorySeries, Segment, SeriesPoint } from './types.js';

export interface HistoryOptions {
  readonly alpha: number;
  /** Permutations per candidate; default ten times finer than alpha (permutationsFor). */
  readonly permutations?: number;
  readonly minSegment: number;
  readonly seed: number;
  readonly thresholds: Thresholds;
  readonly failOn: readonly string[];
  readonly ignoreKnobs: readonly string[];
}

export const DEFAULT_HISTORY_OPTIONS: Omit<HistoryOptions, 'thresholds'> = {
  alpha: 0.001,
  // Four documents on each side: the fewest the 95 % Mann-Whitney interval of the change can use.
  minSegment: 4,
  seed: 1,
  failOn: ['all'],
  ignoreKnobs: [],
};

const pct = (x: number): number => Math.round(x * 1e6) / 1e4;

/** Median and noise band of a run of values: median ± 2 × 1.4826 × the median absolute deviation. */
function segment(points: readonly SeriesPoint[]): Segment {
  const values = points.map((p) => p.value).sort((a, b) => a - b);
  const mid = sortedMedian(values);
  const mad = sortedMedian(values.map((v) => Math.abs(v - mid)).sort((a, b) => a - b));
  const spread = 2 * 1.4826 * mad;
  return {
    from: (points[0] as SeriesPoint).position,
    to: (points[points.length - 1] as SeriesPoint).position,
    n: points.length,
    median: mid,
    bandLow: mid - spread,
    bandHigh: mid + spread,
  };
}

function gapNote(gaps: readonly Gap[], documents: readonly HistoryDocument[]): string | null {
  if (gaps.length === 0) return null;
  const shown = gaps.slice(0, 3).map((g) => `${documents[g.position]?.label ?? g.position} (${g.reason})`);
  return `no value in ${gaps.length} of ${documents.length} documents, left out: ${shown.join(', ')}${gaps.length > 3 ? ', ...' : ''}`;
}

function judge(raw: RawSeries, documents: readonly HistoryDocument[], o: HistoryOptions, permutations: number, failOn: readonly string[]): HistorySeries {
  const { def, points } = raw;
  const common = {
    ...def,
    key: raw.identity.key,
    benchmark: raw.identity.benchmark,
    identity: raw.identity,
    points,
    thresholdPct: thresholdFor(o.thresholds, def),
    gating: !failOn.includes('none') && failOn.some((s) => selectorMatches(s, def)),
  };
  const gaps = gapNote(raw.gaps, documents);
  const unjudged = (status: HistorySeries['status'], why: string): HistorySeries => ({
    ...common,
    status,
    note: [why, gaps].filter((x) => x !== null).join('; '),
    segments: points.length > 0 ? [segment(points)] : [],
    changePoints: [],
    negligibleChanges: 0,
  });
  const q = tailQuantile(def.family);
  if (q !== null && Number.isFinite(raw.minTimed) && raw.minTimed * (1 - q) < MIN_TAIL_SAMPLES) {
    const needed = Math.ceil(MIN_TAIL_SAMPLES / (1 - q));
    return unjudged('too-few-timed', `not judged: ${metricLabel(def)} needs ${needed.toLocaleString('en-US')} timed ops per cell, a cell here has ${raw.minTimed.toLocaleString('en-US')}`);
  }
  if (points.length < 2 * o.minSegment) {
    return unjudged('too-few-points', `not judged: ${points.length} point(s); a change point needs ${o.minSegment} on each side, so at least ${2 * o.minSegment}`);
  }
  const found = detectChangePoints(
    points.map((p) => p.value),
    { alpha: o.alpha, permutations, minSegment: o.minSegment, seed: o.seed },
  );
  const measure = (kept: readonly DetectedChange[]): { segments: Segment[]; changePoints: ChangePoint[] } => {
    const edges = [0, ...kept.map((c) => c.index), points.length];
    const runs = edges.slice(0, -1).map((start, i) => points.slice(start, edges[i + 1]));
    const segments = runs.map(segment);
    const changePoints = kept.map((c, i) => changePoint(c, runs[i] as SeriesPoint[], runs[i + 1] as SeriesPoint[], segments[i] as Segment, segments[i + 1] as Segment));
    return { segments, changePoints };
  };
  const changePoint = (c: DetectedChange, before: SeriesPoint[], after: SeriesPoint[], s0: Segment, s1: Segment): ChangePoint => {
    const change = hodgesLehmannChange(before.map((p) => p.value), after.map((p) => p.value), CONFIDENCE);
    const previous = (before[before.length - 1] as SeriesPoint).position;
    const position = (after[0] as SeriesPoint).position;
    return {
      position,
      previous,
      pValue: c.pValue,
      before: s0,
      after: s1,
      changePct: change ? pct(change.estimate) : s0.median !== 0 ? pct(s1.median / s0.median - 1) : null,
      ciLowPct: change ? pct(change.low) : null,
      ciHighPct: change ? pct(change.high) : null,
      verdict: change ? decideVerdict(change, def.direction, common.thresholdPct / 100) : 'inconclusive',
      commitBefore: documents[previous]?.gitCommit ?? null,
      commitAfter: documents[position]?.gitCommit ?? null,
    };
  };
  // A change whose whole interval lies within ± the threshold is real but negligible (a runner's
  // drift of a per cent or two): it is dropped, the smallest first, as Otava drops changes below
  // its minimum magnitude, and the levels around it are measured again without it.
  let kept = found;
  let levels = measure(kept);
  for (;;) {
    const negligible = levels.changePoints
      .map((cp, i) => ({ i, size: Math.abs(cp.changePct ?? 0), unchanged: cp.verdict === 'unchanged' }))
      .filter((x) => x.unchanged)
      .sort((a, b) => a.size - b.size)[0];
    if (!negligible) break;
    kept = kept.filter((_, i) => i !== negligible.i);
    levels = measure(kept);
  }
  const { segments, changePoints } = levels;
  const negligibleChanges = found.length - kept.length;
  return { ...common, status: 'judged', note: gaps, segments, changePoints, negligibleChanges };
}

export function analyseHistory(ordering: Ordering, o: HistoryOptions): History {
  const documents: HistoryDocument[] = ordering.documents.map(({ label, doc }) => ({ label, createdAt: doc.createdAt, gitCommit: doc.environment.gitCommit }));
  const failOn = o.failOn.map(normaliseSelector);
  const raws = buildSeries(
    ordering.documents.map((d) => d.doc),
    o.ignoreKnobs,
  );
  const defs = raws.map((r) => r.def);
  checkSelectorsMatch('--fail-on', failOn, defs);
  checkSelectorsMatch('--threshold', Object.keys(o.thresholds.bySelector), defs);
  const permutations = o.permutations ?? permutationsFor(o.alpha);
  const series = raws.map((r) => judge(r, documents, o, permutations, failOn));
  const regressions: HistoryRegression[] = [];
  for (const s of series) {
    const newest = s.changePoints[s.changePoints.length - 1];
    if (s.gating && newest?.verdict === 'regressed') regressions.push({ benchmark: s.benchmark, metric: metricLabel(s), position: newest.position, changePct: newest.changePct });
  }
  return {
    documents,
    orderedBy: ordering.orderedBy,
    orderNote: ordering.note,
    settings: {
      alpha: o.alpha,
      permutations,
      minSegment: o.minSegment,
      seed: o.seed,
      defaultThresholdPct: o.thresholds.defaultPct,
      thresholdsPct: { ...o.thresholds.bySelector },
      failOn,
      ignoreKnobs: [...o.ignoreKnobs],
    },
    series,
    regressions,
    exitCode: regressions.length > 0 ? 1 : 0,
  };
}
