// Trade-off scatter: throughput against p99 per configuration, sized by peak memory, with the
// Pareto front (no other configuration is both faster and has a lower p99) joined and labelled.
// One panel per workload: fronts across different workloads would compare unlike things.

import type { TopLevelSpec } from 'vega-lite';
import type { ReportModel } from '../model/report-model.js';
import { BASE_CONFIG, VEGA_LITE_SCHEMA, wantsLogScale, type Chart } from './chart.js';
import { CHART_IDS } from '../../core/result/chart-ids.js';
import { reportPalette } from './palette.js';
import { paretoFront } from './pareto.js';

const MiB = 1024 * 1024;

export function tradeoffChart(model: ReportModel): Chart | null {
  const candidates = model.configurations.flatMap((s) =>
    s.throughput !== null && s.allOps?.p99 != null && s.allOps.p99 > 0
      ? [{ stats: s, throughput: s.throughput.median, p99Us: s.allOps.p99 }]
      : [],
  );
  if (candidates.length === 0) return null;
  const byWorkload = new Map<string, typeof candidates>();
  for (const c of candidates) {
    const list = byWorkload.get(c.stats.config.workload) ?? [];
    list.push(c);
    byWorkload.set(c.stats.config.workload, list);
  }
  const rows = [...byWorkload.values()].flatMap((list) => {
    const front = paretoFront(list);
    return list.map((c, i) => ({
      workload: c.stats.config.workload,
      backend: c.stats.config.backend,
      config: c.stats.config.label,
      throughput: c.throughput,
      p99Us: c.p99Us,
      rssMiB: c.stats.rssPeakBytes === null ? null : c.stats.rssPeakBytes / MiB,
      pareto: front.has(i),
    }));
  });
  const hasMemory = rows.some((r) => r.rssMiB !== null);
  const x = {
    field: 'p99Us',
    type: 'quantitative',
    title: 'p99 latency, all operations (µs)',
    scale: wantsLogScale(rows.map((r) => r.p99Us), 10) ? { type: 'log' } : { zero: false },
  };
  const y = {
    field: 'throughput',
    type: 'quantitative',
    title: 'throughput (ops/s, median)',
    scale: wantsLogScale(rows.map((r) => r.throughput), 30) ? { type: 'log' } : { zero: false },
  };
  const spec = {
    $schema: VEGA_LITE_SCHEMA,
    config: BASE_CONFIG,
    data: { values: rows },
    facet: { column: { field: 'workload', type: 'nominal', title: 'workload', sort: null } },
    spec: {
      width: 340,
      height: 260,
      layer: [
        {
          transform: [{ filter: 'datum.pareto' }],
          mark: { type: 'line', color: '#444', strokeDash: [5, 3] },
          encoding: { x, y, order: { field: 'p99Us', type: 'quantitative' } },
        },
        {
          mark: { type: 'point', filled: true, opacity: 0.75 },
          encoding: {
            x,
            y,
            // By configuration, so the legend names each point (its durability class included when the document has several).
            color: { field: 'config', type: 'nominal', title: 'configuration', sort: null, scale: reportPalette(model).configurations(rows.map((r) => r.config)) },
            ...(hasMemory ? { size: { field: 'rssMiB', type: 'quantitative', title: 'peak RSS (MiB)', scale: { range: [30, 600] } } } : {}),
            stroke: { field: 'pareto', type: 'nominal', title: 'Pareto front', scale: { domain: [true, false], range: ['#000', 'transparent'] } },
            tooltip: [
              { field: 'config', type: 'nominal', title: 'configuration' },
              { field: 'throughput', type: 'quantitative', title: 'median ops/s', format: ',.0f' },
              { field: 'p99Us', type: 'quantitative', title: 'p99 µs', format: ',.1f' },
              { field: 'rssMiB', type: 'quantitative', title: 'peak RSS MiB', format: ',.1f' },
              { field: 'pareto', type: 'nominal', title: 'on the front' },
            ],
          },
        },
        {
          transform: [{ filter: 'datum.pareto' }],
          mark: { type: 'text', align: 'left', dx: 8, dy: -6, fontSize: 9, limit: 180 },
          encoding: { x, y, text: { field: 'config', type: 'nominal' } },
        },
      ],
    },
  } as unknown as TopLevelSpec; // assembled from parts; the compile test checks it against Vega-Lite
  return {
    id: CHART_IDS.tradeoff,
    title: 'Throughput against p99 latency',
    caption:
      'One point per configuration (medians over repeats)' +
      (hasMemory ? ', sized by peak resident memory' : ' (no memory figures in this document)') +
      '. Outlined points joined by the dashed line form the Pareto front: nothing else is both faster and has a lower p99.',
    spec,
  };
}
