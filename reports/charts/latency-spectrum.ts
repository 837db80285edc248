// Latency percentile spectrum, one panel per operation kind and workload, one line per
// configuration, on a log scale: where the tail starts and how far it reaches.

import type { TopLevelSpec } from 'vega-lite';
import type { ReportModel } from '../model/report-model.js';
import { PERCENTILES } from '../model/stats.js';
import { BASE_CONFIG, VEGA_LITE_SCHEMA, type Chart } from './chart.js';
import { reportPalette } from './palette.js';
import { CHART_IDS } from '../../core/result/chart-ids.js';

export function latencySpectrumChart(model: ReportModel): Chart | null {
  const rows: Record<string, string | number>[] = [];
  let fromPercentiles = false;
  for (const stats of model.configurations) {
    for (const [op, percentiles] of stats.operations) {
      for (const p of PERCENTILES) {
        const us = percentiles[p.key];
        if (us === null || !(us > 0)) continue; // a log scale has no place for zero
        rows.push({ workload: stats.config.workload, config: stats.config.label, op, panel: `${stats.config.workload} · ${op}`, percentile: p.label, us });
      }
      if (stats.latencySource === 'percentiles') fromPercentiles = true;
    }
  }
  if (rows.length === 0) return null;
  const spec: TopLevelSpec = {
    $schema: VEGA_LITE_SCHEMA,
    config: BASE_CONFIG,
    data: { values: rows },
    // One panel per workload and operation kind that exists (workloads have different kinds: a
    // workload x operation grid would leave empty axes), wrapped two to a row.
    facet: { field: 'panel', type: 'nominal', title: null, sort: null, header: { labelFontSize: 12, labelFontWeight: 'bold' } },
    columns: 2,
    spec: {
      width: 300,
      height: 200,
      layer: [
        {
          mark: { type: 'line', point: true, strokeWidth: 1.5 },
          encoding: {
            x: { field: 'percentile', type: 'ordinal', sort: PERCENTILES.map((p) => p.label), title: 'percentile', axis: { labelAngle: 0 } },
            y: { field: 'us', type: 'quantitative', scale: { type: 'log' }, title: 'latency (µs, log)' },
            color: { field: 'config', type: 'nominal', title: 'configuration', sort: null, scale: reportPalette(model).configurations(rows.map((r) => r.config as string)) },
            tooltip: [
              { field: 'config', type: 'nominal', title: 'configuration' },
              { field: 'op', type: 'nominal', title: 'operation' },
              { field: 'percentile', type: 'ordinal' },
              { field: 'us', type: 'quantitative', title: 'µs', format: ',.3~f' },
            ],
          },
        },
      ],
    },
  };
  return {
    id: CHART_IDS.latencySpectrum,
    title: 'Latency percentile spectrum',
    caption:
      'Latency at each percentile per operation kind, over all repeats of a configuration (log scale)' +
      (fromPercentiles ? '; where a document has no histograms, medians of the repeats\u2019 percentiles.' : ', from the merged HDR histograms.'),
    spec,
  };
}
