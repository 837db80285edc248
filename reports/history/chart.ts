// One trend chart per series (a benchmark's metric over the documents): the points in order, each
// segment between change points as its median (dashed) and noise band (shaded: median ± 2 robust
// standard deviations), and every change point as a vertical rule coloured by its verdict.

import type { TopLevelSpec } from 'vega-lite';
import { metricLabel } from '../../analysis/compare/metrics.js';
import type { History, HistorySeries } from '../../analysis/history/types.js';
import { BASE_CONFIG, chartId, VEGA_LITE_SCHEMA, type Chart } from '../charts/chart.js';
import { formatInterval, formatPct } from '../compare/numbers.js';

const VERDICT_COLOURS = { regressed: '#d62728', improved: '#2ca02c', unchanged: '#7f7f7f', inconclusive: '#ff7f0e' } as const;
const BAND = '#4c78a8';

function seriesChart(h: History, s: HistorySeries): Chart {
  const yTitle = `${metricLabel(s)} (${s.unit})`;
  const x = { type: 'quantitative' as const, title: 'document (in order)', axis: { tickMinStep: 1 }, scale: { nice: false, zero: false } };
  const points = s.points.map((p) => ({
    position: p.position,
    value: p.value,
    document: h.documents[p.position]?.label ?? '',
    commit: h.documents[p.position]?.gitCommit?.slice(0, 10) ?? '-',
    repeats: p.repeats,
  }));
  // A segment of one point still gets a visible band.
  const segments = s.segments.map((g) => ({ from: g.from - 0.4, to: g.to + 0.4, median: g.median, low: g.bandLow, high: g.bandHigh, documents: g.n }));
  const changes = s.changePoints.map((cp) => ({
    x: cp.position - 0.5,
    verdict: cp.verdict,
    change: `${formatPct(cp.changePct)} ${formatInterval(cp.ciLowPct, cp.ciHighPct)}`,
    document: h.documents[cp.position]?.label ?? '',
  }));
  const layers: unknown[] = [
    {
      data: { values: segments },
      mark: { type: 'rect', color: BAND, opacity: 0.15 },
      encoding: {
        x: { field: 'from', ...x },
        x2: { field: 'to' },
        y: { field: 'low', type: 'quantitative', title: yTitle, scale: { zero: false } },
        y2: { field: 'high' },
        tooltip: [{ field: 'median', format: ',.4~r' }, { field: 'low', title: 'band low', format: ',.4~r' }, { field: 'high', title: 'band high', format: ',.4~r' }, { field: 'documents' }],
      },
    },
    {
      data: { values: segments },
      mark: { type: 'rule', color: BAND, strokeDash: [4, 3] },
      encoding: { x: { field: 'from', ...x }, x2: { field: 'to' }, y: { field: 'median', type: 'quantitative', title: yTitle } },
    },
    {
      data: { values: points },
      mark: { type: 'line', color: '#1d1d1f', strokeWidth: 1, point: { filled: true, size: 28, color: '#1d1d1f' } },
      encoding: {
        x: { field: 'position', ...x },
        y: { field: 'value', type: 'quantitative', title: yTitle },
        tooltip: [{ field: 'document' }, { field: 'commit' }, { field: 'value', format: ',.4~r' }, { field: 'repeats' }],
      },
    },
  ];
  if (changes.length > 0) {
    layers.push({
      data: { values: changes },
      mark: { type: 'rule', strokeWidth: 2 },
      encoding: {
        x: { field: 'x', ...x },
        color: { field: 'verdict', type: 'nominal', title: 'change point', scale: { domain: Object.keys(VERDICT_COLOURS), range: Object.values(VERDICT_COLOURS) } },
        tooltip: [{ field: 'document', title: 'first document after' }, { field: 'change' }, { field: 'verdict' }],
      },
    });
  }
  const spec = { $schema: VEGA_LITE_SCHEMA, config: BASE_CONFIG, width: 760, height: 220, layer: layers } as TopLevelSpec;
  const newest = s.changePoints[s.changePoints.length - 1];
  const caption =
    s.status !== 'judged'
      ? (s.note ?? 'Not judged.')
      : newest
        ? `${s.changePoints.length} change point(s); the newest before document #${newest.position}: ${formatPct(newest.changePct)} ${formatInterval(newest.ciLowPct, newest.ciHighPct)}, ${newest.verdict}. Shaded: each segment's noise band (median ± 2 robust standard deviations).`
        : 'No change point. Shaded: the noise band (median ± 2 robust standard deviations).';
  return { id: chartId('history', s.benchmark, s.id), title: `${s.benchmark} · ${metricLabel(s)}`, caption, spec };
}

export function historyCharts(h: History): Chart[] {
  return h.series.filter((s) => s.points.length > 0).map((s) => seriesChart(h, s));
}
