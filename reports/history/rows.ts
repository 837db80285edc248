// The lines every history output shows, in one order: a row per series, a line per change point,
// the series not judged, the settings and the outcome. Text and Markdown differ only in layout.

import { metricLabel } from '../../analysis/compare/metrics.js';
import type { ChangePoint, History, HistorySeries } from '../../analysis/history/types.js';
import { formatInterval, formatPct, formatValue } from '../compare/numbers.js';

export const SERIES_COLUMNS = ['benchmark', 'metric', 'points', 'latest level', 'change points', 'newest change', 'change', '95% CI', 'threshold', 'verdict'] as const;

const short = (commit: string | null): string => (commit === null ? '?' : commit.slice(0, 10));

/** Where a change point is: the document after it, with the commits around it when known. */
export function whereLine(h: History, cp: ChangePoint): string {
  const doc = h.documents[cp.position];
  const commits = cp.commitBefore !== null || cp.commitAfter !== null ? `, commits ${short(cp.commitBefore)}..${short(cp.commitAfter)}` : '';
  return `#${cp.position} ${doc?.label ?? ''}${commits}`;
}

function verdictText(s: HistorySeries, cp: ChangePoint | undefined): string {
  if (s.status !== 'judged') return 'not judged';
  if (!cp) return 'no change';
  return cp.verdict === 'regressed' && !s.gating ? 'regressed (not gating)' : cp.verdict;
}

export function seriesCells(h: History, s: HistorySeries): string[] {
  const newest = s.changePoints[s.changePoints.length - 1];
  const latest = s.segments[s.segments.length - 1];
  return [
    s.benchmark,
    metricLabel(s),
    String(s.points.length),
    latest ? `${formatValue(latest.median)} ${s.unit}` : '-',
    s.status === 'judged' ? String(s.changePoints.length) : '-',
    newest ? whereLine(h, newest) : '-',
    newest ? formatPct(newest.changePct) : '-',
    newest ? formatInterval(newest.ciLowPct, newest.ciHighPct) : '-',
    `±${s.thresholdPct}%`,
    verdictText(s, newest),
  ];
}

/** One line per change point of every series, oldest first within a series. */
export function changeLines(h: History): string[] {
  return h.series.flatMap((s) =>
    s.changePoints.map(
      (cp) =>
        `${s.benchmark} ${metricLabel(s)} at ${whereLine(h, cp)}: median ${formatValue(cp.before.median)} -> ${formatValue(cp.after.median)} ${s.unit} ` +
        `(${cp.before.n} -> ${cp.after.n} documents), ${formatPct(cp.changePct)} ${formatInterval(cp.ciLowPct, cp.ciHighPct)}, ${cp.verdict}, p = ${cp.pValue.toPrecision(2)}`,
    ),
  );
}

export function noteLines(h: History): string[] {
  return [...(h.orderNote ? [h.orderNote] : []), ...h.series.filter((s) => s.note !== null).map((s) => `${s.benchmark} ${metricLabel(s)}: ${s.note}`)];
}

export function orderLine(h: History): string {
  const first = h.documents[0];
  const last = h.documents[h.documents.length - 1];
  return `${h.documents.length} documents in ${h.orderedBy === 'git' ? 'commit order' : 'the order they were made (createdAt)'}, ${first?.label ?? ''} ... ${last?.label ?? ''}`;
}

export function settingsLine(h: History): string {
  const s = h.settings;
  const per = Object.entries(s.thresholdsPct).map(([k, v]) => `${k}=${v}%`);
  return (
    `E-Divisive means, permutation test at alpha ${s.alpha} (${s.permutations} permutations, seed ${s.seed}), at least ${s.minSegment} documents on each side of a change; ` +
    `Hodges-Lehmann change with 95% Mann-Whitney interval, changes wholly within the threshold dropped; threshold ${s.defaultThresholdPct}%${per.length ? ` (${per.join(', ')})` : ''}; gating metrics: ${s.failOn.join(', ')}` +
    `${s.ignoreKnobs.length ? `; knobs ignored for grouping: ${s.ignoreKnobs.join(', ')}` : ''}`
  );
}

export function summaryLine(h: History): string {
  const judged = h.series.filter((s) => s.status === 'judged').length;
  const changes = h.series.reduce((n, s) => n + s.changePoints.length, 0);
  const outcome =
    h.exitCode === 1
      ? `FAIL: ${h.regressions.length} series end in a regression (${h.regressions.map((r) => `${r.benchmark} ${r.metric}`).join('; ')})`
      : 'PASS: no gating series ends in a regression';
  return `${outcome}; ${changes} change point(s) in ${judged} judged series, ${h.series.length - judged} not judged`;
}
