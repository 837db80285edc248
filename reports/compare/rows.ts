// The rows every comparison output shows, in one order: per pair, per metric; plus the summary
// line. Text and Markdown differ only in how they lay these out.

import { metricLabel } from '../../analysis/compare/metrics.js';
import type { Comparison, MetricComparison, PairComparison } from '../../analysis/compare/types.js';
import { formatInterval, formatPct, formatValue } from './numbers.js';

export interface Row {
  readonly benchmark: string;
  readonly metric: string;
  readonly base: string;
  readonly head: string;
  readonly change: string;
  readonly interval: string;
  readonly threshold: string;
  readonly verdict: MetricComparison['verdict'];
  readonly gating: boolean;
}

export const COLUMNS = ['benchmark', 'metric', 'base', 'head', 'change', '95% CI', 'threshold', 'verdict'] as const;

function valueWithUnit(mean: number | null, unit: string, n: number): string {
  return `${formatValue(mean)} ${unit} (n=${n})`;
}

export function metricRow(p: PairComparison, m: MetricComparison): Row {
  return {
    benchmark: p.benchmark,
    metric: metricLabel(m),
    base: valueWithUnit(m.base.mean, m.unit, m.base.n),
    head: valueWithUnit(m.head.mean, m.unit, m.head.n),
    change: formatPct(m.changePct),
    interval: formatInterval(m.ciLowPct, m.ciHighPct),
    threshold: `±${m.thresholdPct}%`,
    verdict: m.verdict,
    gating: m.gating,
  };
}

export function rowCells(r: Row): string[] {
  const verdict = r.verdict === 'regressed' && !r.gating ? 'regressed (not gating)' : r.verdict;
  return [r.benchmark, r.metric, r.base, r.head, r.change, r.interval, r.threshold, verdict];
}

export function summaryLine(c: Comparison): string {
  const { regressed, improved, unchanged, inconclusive } = c.counts;
  const outcome = c.exitCode === 1 ? `FAIL: ${c.gatingRegressions.length} gating regression(s)` : 'PASS: no gating regression';
  return `${outcome}; ${regressed} regressed, ${improved} improved, ${unchanged} unchanged, ${inconclusive} inconclusive; ${c.pairs.length} pair(s), ${c.unpaired.length} unpaired group(s)`;
}

export function settingsLine(c: Comparison): string {
  const s = c.settings;
  const per = Object.entries(s.thresholdsPct).map(([k, v]) => `${k}=${v}%`);
  return `${s.method === 'mann-whitney' ? 'Mann-Whitney / Hodges-Lehmann' : `bootstrap of the ratio of means (${s.resamples} resamples, seed ${s.seed})`}, ${Math.round(s.confidence * 100)}% intervals, at least ${s.minRepeats} repeats per side; threshold ${s.defaultThresholdPct}%${per.length ? ` (${per.join(', ')})` : ''}; gating metrics: ${s.failOn.join(', ')}${s.ignoreKnobs.length ? `; knobs ignored for pairing: ${s.ignoreKnobs.join(', ')}` : ''}`;
}

export function unpairedLines(c: Comparison): string[] {
  return c.unpaired.map((u) => `${u.side}: ${u.benchmark}: ${u.reason} (${u.cells.length} cell(s))`);
}

export function noteLines(c: Comparison): string[] {
  const lines: string[] = [];
  for (const p of c.pairs) for (const n of p.notes) lines.push(`${p.benchmark}: ${n}`);
  return lines;
}
