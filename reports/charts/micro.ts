// Micro-benchmarks side by side: nanoseconds per operation for each task, one colour per
// configuration, on a log scale (a get and a 100-key scan differ by orders of magnitude). Batch
// tasks are drawn per key; tasks at the timer's resolution are hollow, the null task is the floor.

import type { TopLevelSpec } from 'vega-lite';
import type { ReportModel } from '../model/report-model.js';
import { perOperation } from '../model/micro.js';
import { BASE_CONFIG, VEGA_LITE_SCHEMA, type Chart } from './chart.js';
import { reportPalette } from './palette.js';
import { CHART_IDS } from '../../core/result/chart-ids.js';

interface MicroPoint {
  config: string;
  cell: string;
  task: string;
  mean: number;
  p50?: number;
  p99?: number;
  opsPerSec?: number;
  rme?: number;
  samples: number;
  flag: 'measured' | 'at timer resolution' | 'timer floor (null task)';
}

// Axis labels in ns, µs or ms, as the tables print them.
const NS_LABEL =
  "datum.value >= 1e6 ? format(datum.value / 1e6, '~g') + ' ms' : datum.value >= 1e3 ? format(datum.value / 1e3, '~g') + ' µs' : format(datum.value, '~g') + ' ns'";
const FLAGS = ['measured', 'at timer resolution', 'timer floor (null task)'];
const positive = (v: number | null): v is number => v !== null && v > 0;
const round = (x: number): number => Number(x.toPrecision(4));

/** Powers of ten spanning the data: log-scale ticks that read at a glance. */
function decades(points: readonly MicroPoint[]): number[] {
  const values = points.flatMap((p) => [p.mean, p.p50 ?? p.mean, p.p99 ?? p.mean]);
  const lo = Math.floor(Math.log10(Math.min(...values)));
  const hi = Math.ceil(Math.log10(Math.max(...values)));
  return Array.from({ length: hi - lo + 1 }, (_, i) => 10 ** (lo + i));
}

export function microChart(model: ReportModel): Chart | null {
  const micro = model.micro;
  if (!micro) return null;
  const points: MicroPoint[] = [];
  const tasks: string[] = [];
  // Each series (a configuration, or one repeat of it) with its configuration: repeats share its colour.
  const configs = new Map<string, string>();
  for (const cell of micro.cells) {
    const config = micro.withRepeat ? `${cell.configuration} #${cell.repeat}` : cell.configuration;
    for (const t of cell.tasks) {
      const per = perOperation(t.figures);
      // A log scale has no place for zero or unknown.
      if (!positive(per.meanNs)) continue;
      const task = t.baseline ? `${t.task} (timer floor)` : t.opsPerCall > 1 ? `${t.task} (per key)` : t.task;
      if (!tasks.includes(task)) tasks.push(task);
      configs.set(config, cell.configuration);
      points.push({
        config,
        cell: cell.cellId,
        task,
        mean: round(per.meanNs),
        ...(positive(per.p50Ns) ? { p50: round(per.p50Ns) } : {}),
        ...(positive(per.p99Ns) ? { p99: round(per.p99Ns) } : {}),
        ...(per.opsPerSec !== null ? { opsPerSec: Math.round(per.opsPerSec) } : {}),
        ...(t.figures.rme !== null ? { rme: round(t.figures.rme) } : {}),
        samples: t.figures.samples,
        flag: t.baseline ? 'timer floor (null task)' : t.figures.atTimerResolution ? 'at timer resolution' : 'measured',
      });
    }
  }
  if (points.length === 0) return null;
  const series = configs.size;
  const palette = reportPalette(model);
  const y = { field: 'task', type: 'nominal', sort: tasks, title: null } as const;
  const yOffset = { field: 'config', type: 'nominal', sort: null } as const;
  const color = { field: 'config', type: 'nominal', title: 'configuration', sort: null, scale: { domain: [...configs.keys()], range: [...configs.values()].map((label) => palette.configuration(label)) } } as const;
  const x = { type: 'quantitative', scale: { type: 'log' } } as const;
  const spec = {
    $schema: VEGA_LITE_SCHEMA,
    config: BASE_CONFIG,
    data: { values: points },
    width: 640,
    // With yOffset the step is one configuration's sub-band: a task's band is series x step.
    height: { step: series > 1 ? 12 : 18 },
    layer: [
      {
        transform: [{ filter: 'isValid(datum.p50) && isValid(datum.p99)' }],
        mark: { type: 'rule', strokeWidth: 2, strokeOpacity: 0.6 },
        encoding: { y, yOffset, color, x: { ...x, field: 'p50' }, x2: { field: 'p99' } },
      },
      {
        mark: { type: 'point', filled: true, size: 60, strokeWidth: 1.5, opacity: 1 },
        encoding: {
          y,
          yOffset,
          // Fill and stroke share the configuration's colours and one legend.
          stroke: { ...color, legend: { symbolType: 'circle', symbolOpacity: 1 } },
          x: { ...x, field: 'mean', title: 'time per operation (log)', axis: { values: decades(points), labelExpr: NS_LABEL } },
          fill: {
            condition: { test: "datum.flag === 'measured'", ...color, legend: { symbolType: 'circle', symbolOpacity: 1 } },
            value: 'white',
          },
          // The diamond marks the null task, which its axis label names; the caption explains the hollow dots.
          shape: { field: 'flag', type: 'nominal', scale: { domain: FLAGS, range: ['circle', 'circle', 'diamond'] }, legend: null },
          tooltip: [
            { field: 'config', type: 'nominal', title: 'configuration' },
            { field: 'task', type: 'nominal' },
            { field: 'mean', type: 'quantitative', title: 'mean (ns/op)', format: ',.4~r' },
            { field: 'p50', type: 'quantitative', title: 'p50 (ns/op)', format: ',.4~r' },
            { field: 'p99', type: 'quantitative', title: 'p99 (ns/op)', format: ',.4~r' },
            { field: 'opsPerSec', type: 'quantitative', title: 'ops/s', format: ',.0f' },
            { field: 'rme', type: 'quantitative', title: 'rme (%)' },
            { field: 'samples', type: 'quantitative', format: ',d' },
            { field: 'flag', type: 'nominal' },
          ],
        },
      },
    ],
  } as unknown as TopLevelSpec; // built from parts; the compile test checks it against Vega-Lite
  return {
    id: CHART_IDS.micro,
    title: 'Micro-benchmarks: time per operation',
    caption:
      'Time per operation for each task (log scale); a batch task is drawn per key. Dot: the mean; line: p50 to p99. ' +
      'Hollow dots take about as long as the empty null task (the diamond, the timer floor): they bound the cost from above rather than measure it.',
    spec,
  };
}
