// When space comes back from a TTL state: per cell and TTL state, over the run, the entries it
// stores, how many of them are expired but still stored, its SST bytes (lsm: its column family),
// and the entries its cleanup removed (the lsm compaction filter's drops, the heap's incremental
// cleanup). One panel per figure, each with its own y scale; one line per cell.

import type { TopLevelSpec } from 'vega-lite';
import { CHART_IDS } from '../../core/result/chart-ids.js';
import type { ReportModel } from '../model/report-model.js';
import { ttlSeries } from '../model/ttl-over-time.js';
import type { TtlFigure } from '../../core/result/ttl-series.js';
import { BASE_CONFIG, VEGA_LITE_SCHEMA, type Chart } from './chart.js';
import { reportPalette, type ColourScale } from './palette.js';

const PANELS: readonly [TtlFigure, string][] = [
  ['stored', 'entries stored'],
  ['expired', 'expired but still stored'],
  ['sstBytes', 'SST bytes (MiB)'],
  ['filterDrops', 'dropped by the compaction filter'],
  ['cleaned', 'removed by incremental cleanup'],
];

interface Row {
  series: string;
  panel: string;
  t: number;
  v: number;
}

export function ttlCleanupChart(model: ReportModel): Chart | null {
  const all = ttlSeries(model.doc).filter((s) => s.points.length >= 2);
  if (all.length === 0) return null;
  const states = new Set(all.map((s) => s.state));
  const rows: Row[] = [];
  const byBackend = new Map<string, string[]>();
  for (const s of all) {
    const series = `${s.cellId}, ttlCleanup ${s.cleanup}${states.size > 1 ? `, ${s.state}` : ''}`;
    byBackend.set(s.backend, [...(byBackend.get(s.backend) ?? []), series]);
    for (const p of s.points) {
      for (const [figure, panel] of PANELS) {
        const v = p[figure];
        if (v === undefined) continue;
        rows.push({ series, panel, t: Number((p.tMs / 1000).toFixed(3)), v: figure === 'sstBytes' ? Number((v / 2 ** 20).toFixed(3)) : v });
      }
    }
  }
  // Shades of each backend's hue, one per cell.
  const palette = reportPalette(model);
  const colours: ColourScale = { domain: [], range: [] };
  for (const [backend, series] of byBackend) {
    const scale = palette.shades(backend, series);
    colours.domain.push(...scale.domain);
    colours.range.push(...scale.range);
  }
  const panels = PANELS.map(([, title]) => title).filter((title) => rows.some((r) => r.panel === title));
  const spec = {
    $schema: VEGA_LITE_SCHEMA,
    config: BASE_CONFIG,
    data: { values: rows },
    facet: { row: { field: 'panel', type: 'nominal', title: null, sort: panels, header: { labelAngle: 0, labelAlign: 'left', labelAnchor: 'start', labelOrient: 'top' } } },
    spec: {
      width: 640,
      height: 130,
      mark: { type: 'line', point: { size: 18 }, interpolate: 'step-before' },
      encoding: {
        x: { field: 't', type: 'quantitative', title: 'time (s)' },
        y: { field: 'v', type: 'quantitative', title: null },
        color: { field: 'series', type: 'nominal', title: 'cell', sort: null, scale: colours },
        tooltip: [
          { field: 'series', type: 'nominal', title: 'cell' },
          { field: 'panel', type: 'nominal', title: 'figure' },
          { field: 't', type: 'quantitative', title: 'time (s)' },
          { field: 'v', type: 'quantitative', title: 'value', format: ',.6~g' },
        ],
      },
    },
    resolve: { scale: { y: 'independent' } },
  } as unknown as TopLevelSpec;
  return {
    id: CHART_IDS.ttlCleanup,
    title: 'TTL state over time: when space comes back',
    caption:
      'Per cell and TTL state, sampled at each interval outside the timed operations: the entries the state stores, how many of them are expired but still stored (a pass over the state, against the workload\'s clock), its SST bytes on lsm, and what its cleanup removed so far. A level stored count and falling expired count show the cleanup keeping up; SST bytes fall when a compaction drops what the filter found.',
    spec,
  };
}
