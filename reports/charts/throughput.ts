// Throughput per configuration, one panel per workload, bars coloured by backend: the bar is the
// median over repeats, the rule spans min to max, a tick marks each repeat.

import type { TopLevelSpec } from 'vega-lite';
import type { ReportModel } from '../model/report-model.js';
import { mainPhase } from '../model/configurations.js';
import { BASE_CONFIG, VEGA_LITE_SCHEMA, type Chart } from './chart.js';
import { CHART_IDS } from '../../core/result/chart-ids.js';
import { reportPalette } from './palette.js';

export function throughputChart(model: ReportModel): Chart | null {
  const rows = model.configurations.flatMap(({ config }) =>
    config.ok.flatMap((cell) => {
      const tp = mainPhase(cell)?.throughputOpsPerSec;
      return tp === null || tp === undefined
        ? []
        : [{ workload: config.workload, backend: config.backend, config: config.label, repeat: cell.repeat, cell: cell.id, throughput: tp }];
    }),
  );
  if (rows.length === 0) return null;
  const x = {
    field: 'config',
    type: 'nominal',
    sort: null,
    title: 'configuration',
    axis: { labelAngle: -35, labelLimit: 420 },
  } as const;
  const spec: TopLevelSpec = {
    $schema: VEGA_LITE_SCHEMA,
    config: BASE_CONFIG,
    data: { values: rows },
    // x stays shared across workloads: configurations (backend + knobs) are the same in each.
    facet: { row: { field: 'workload', type: 'nominal', title: 'workload', sort: null } },
    spec: {
      width: { step: 36 },
      height: 220,
      layer: [
        {
          mark: { type: 'bar', opacity: 0.75 },
          encoding: {
            x,
            y: { aggregate: 'median', field: 'throughput', type: 'quantitative', title: 'throughput (ops/s, median)', stack: null },
            color: { field: 'backend', type: 'nominal', title: 'backend', scale: reportPalette(model).backends(rows.map((r) => r.backend)) },
            tooltip: [
              { field: 'config', type: 'nominal', title: 'configuration' },
              { aggregate: 'median', field: 'throughput', type: 'quantitative', title: 'median ops/s', format: ',.0f' },
              { aggregate: 'count', type: 'quantitative', title: 'repeats' },
            ],
          },
        },
        // The median as text above its bar: a bar a fiftieth of the tallest still reads.
        {
          mark: { type: 'text', dy: -8, fontSize: 10, color: '#333' },
          encoding: {
            x,
            y: { aggregate: 'max', field: 'throughput', type: 'quantitative' },
            text: { aggregate: 'median', field: 'throughput', type: 'quantitative', format: '.3~s' },
          },
        },
        {
          mark: { type: 'rule', color: '#333' },
          encoding: {
            x,
            y: { aggregate: 'min', field: 'throughput', type: 'quantitative' },
            y2: { aggregate: 'max', field: 'throughput' },
          },
        },
        {
          mark: { type: 'tick', color: '#111', thickness: 1.5, size: 10 },
          encoding: {
            x,
            y: { field: 'throughput', type: 'quantitative' },
            tooltip: [
              { field: 'cell', type: 'nominal', title: 'cell' },
              { field: 'repeat', type: 'quantitative', title: 'repeat' },
              { field: 'throughput', type: 'quantitative', title: 'ops/s', format: ',.0f' },
            ],
          },
        },
      ],
    },
  };
  return {
    id: CHART_IDS.throughput,
    title: 'Throughput per configuration',
    caption: 'Bars: median throughput over repeats; the vertical rule spans the slowest to the fastest repeat; ticks are single repeats.',
    spec,
  };
}
