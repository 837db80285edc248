// Knob sweep curves: one chart per (backend, knob) that takes two or more values, knob value on x,
// median throughput (with the min..max spread over repeats) and p99 on y, one line per workload
// and combination of the backend's other varying knobs (and thread count, in a threaded run).

import type { TopLevelSpec } from 'vega-lite';
import type { ReportModel } from '../model/report-model.js';
import type { ConfigurationStats } from '../model/stats.js';
import { formatKnobValue } from '../model/format.js';
import { BASE_CONFIG, VEGA_LITE_SCHEMA, chartId, wantsLogScale, type Chart } from './chart.js';
import { reportPalette, type Palette } from './palette.js';
import { CHART_IDS } from '../../core/result/chart-ids.js';

const BYTE_KNOB = /(size|bytes|base)$/i;
const MiB = 1024 * 1024;

export function knobSweepCharts(model: ReportModel): Chart[] {
  const byBackend = new Map<string, ConfigurationStats[]>();
  for (const s of model.configurations) {
    if (s.throughput === null && s.allOps?.p99 == null) continue;
    const list = byBackend.get(s.config.backend) ?? [];
    list.push(s);
    byBackend.set(s.config.backend, list);
  }
  const charts: Chart[] = [];
  const palette = reportPalette(model);
  for (const [backend, stats] of byBackend) {
    const knobs = stats[0]!.config.varying.map(([name]) => name);
    for (const knob of knobs) {
      const distinct = new Set(stats.map((s) => JSON.stringify(s.config.knobs[knob] ?? null)));
      if (distinct.size < 2) continue;
      charts.push(sweepChart(backend, knob, stats, palette));
    }
  }
  return charts;
}

function sweepChart(backend: string, knob: string, stats: readonly ConfigurationStats[], palette: Palette): Chart {
  const values = stats.map((s) => s.config.knobs[knob] ?? null);
  const numeric = values.every((v) => typeof v === 'number');
  const nums = values as number[];
  const bytes = numeric && BYTE_KNOB.test(knob) && Math.max(...nums) >= MiB;
  const order = [...new Set(values.map((v) => formatKnobValue(knob, v)))];

  const rows = stats.map((s) => {
    const raw = s.config.knobs[knob] ?? null;
    const others = s.config.varying.filter(([k]) => k !== knob).map(([k, v]) => `${k}=${formatKnobValue(k, v)}`);
    // A thread sweep's counts are lines of their own: a sum over threads is no point on a one-thread line.
    if (s.config.showsThreads) others.push(`threads=${s.config.threads}`);
    return {
      series: [s.config.workload, ...others].join(' · '),
      config: s.config.label,
      x: numeric ? (raw as number) / (bytes ? MiB : 1) : formatKnobValue(knob, raw),
      xLabel: formatKnobValue(knob, raw),
      throughput: s.throughput?.median ?? null,
      tpMin: s.throughput?.min ?? null,
      tpMax: s.throughput?.max ?? null,
      p99Us: s.allOps?.p99 ?? null,
    };
  });
  const xTitle = `${backend}.${knob}${bytes ? ' (MiB)' : ''}`;
  const x = numeric
    ? { field: 'x', type: 'quantitative', title: xTitle, scale: wantsLogScale(nums, 8) ? { type: 'log' } : { zero: false } }
    : { field: 'x', type: 'ordinal', title: xTitle, sort: order };
  const color = {
    field: 'series',
    type: 'nominal',
    title: 'workload · other knobs',
    sort: null,
    // A sweep's lines are one backend's: shades of its colour.
    scale: palette.shades(backend, rows.map((r) => r.series)),
  };
  const tooltip = [
    { field: 'config', type: 'nominal', title: 'configuration' },
    { field: 'series', type: 'nominal', title: 'series' },
    { field: 'xLabel', type: 'nominal', title: knob },
    { field: 'throughput', type: 'quantitative', title: 'median ops/s', format: ',.0f' },
    { field: 'p99Us', type: 'quantitative', title: 'p99 µs', format: ',.1f' },
  ];
  const p99s = rows.map((r) => r.p99Us).filter((v): v is number => v !== null);
  const spec = {
    $schema: VEGA_LITE_SCHEMA,
    config: BASE_CONFIG,
    data: { values: rows },
    hconcat: [
      {
        width: 360,
        height: 220,
        title: { text: 'throughput (ops/s, median over repeats)', anchor: 'start', fontSize: 12 },
        transform: [{ filter: 'isValid(datum.throughput)' }],
        layer: [
          { mark: { type: 'rule', opacity: 0.6 }, encoding: { x, y: { field: 'tpMin', type: 'quantitative' }, y2: { field: 'tpMax' }, color } },
          {
            mark: { type: 'line', point: true },
            encoding: { x, y: { field: 'throughput', type: 'quantitative', title: 'ops/s' }, color, tooltip },
          },
        ],
      },
      {
        width: 360,
        height: 220,
        title: { text: 'p99 latency, all operations (µs)', anchor: 'start', fontSize: 12 },
        transform: [{ filter: 'isValid(datum.p99Us) && datum.p99Us > 0' }],
        mark: { type: 'line', point: true },
        encoding: {
          x,
          y: { field: 'p99Us', type: 'quantitative', title: 'µs', scale: { type: wantsLogScale(p99s) ? 'log' : 'linear' } },
          color,
          tooltip,
        },
      },
    ],
    resolve: { scale: { color: 'shared' } },
  } as unknown as TopLevelSpec; // assembled from parts; the compile test checks it against Vega-Lite
  return {
    id: chartId(CHART_IDS.knobSweep, backend, knob),
    title: `Knob sweep: ${backend}.${knob}`,
    caption: `How ${backend}.${knob} moves throughput (rules: min..max over repeats) and p99 latency, per workload and setting of the other varying knobs.`,
    spec,
  };
}
