// Write and space amplification per configuration, as the engine reported them (median over
// repeats); configurations whose engine reports neither are left out.

import type { TopLevelSpec } from 'vega-lite';
import type { ReportModel } from '../model/report-model.js';
import { BASE_CONFIG, VEGA_LITE_SCHEMA, type Chart } from './chart.js';
import { CHART_IDS } from '../../core/result/chart-ids.js';
import { reportPalette } from './palette.js';

export function amplificationChart(model: ReportModel): Chart | null {
  const rows = model.configurations.flatMap((s) =>
    (
      [
        ['write amplification', s.writeAmp],
        ['space amplification', s.spaceAmp],
      ] as const
    ).flatMap(([metric, value]) =>
      value === null ? [] : [{ workload: s.config.workload, backend: s.config.backend, config: s.config.label, metric, value }],
    ),
  );
  if (rows.length === 0) return null;
  const x = { field: 'config', type: 'nominal', sort: null, title: 'configuration', axis: { labelAngle: -35, labelLimit: 420 } };
  const spec = {
    $schema: VEGA_LITE_SCHEMA,
    config: BASE_CONFIG,
    data: { values: rows },
    facet: {
      row: { field: 'metric', type: 'nominal', title: null },
      column: { field: 'workload', type: 'nominal', title: 'workload', sort: null },
    },
    resolve: { scale: { y: 'independent' } },
    spec: {
      width: { step: 22 },
      height: 160,
      layer: [
        {
          mark: { type: 'bar', opacity: 0.8 },
          encoding: {
            x,
            y: { field: 'value', type: 'quantitative', title: 'x (engine-reported)' },
            color: { field: 'backend', type: 'nominal', title: 'backend', scale: reportPalette(model).backends(rows.map((r) => r.backend)) },
            tooltip: [
              { field: 'config', type: 'nominal', title: 'configuration' },
              { field: 'metric', type: 'nominal' },
              { field: 'value', type: 'quantitative', format: ',.2f' },
            ],
          },
        },
        { mark: { type: 'rule', strokeDash: [2, 2], color: '#888' }, encoding: { y: { datum: 1 } } },
      ],
    },
  } as unknown as TopLevelSpec; // assembled from parts; the compile test checks it against Vega-Lite
  return {
    id: CHART_IDS.amplification,
    title: 'Write and space amplification',
    caption:
      'Write amplification: bytes the engine wrote (flush + compaction) per byte the workload wrote. Space amplification: bytes on disk per live logical byte. The dotted rule marks 1.',
    spec,
  };
}
