// Latency and throughput over time with the engine's own signals on the same time axis: stall
// intervals shaded in every panel and checkpoints as dashed rules, so a spike lines up with its
// cause. One cell at a time, chosen from a drop-down (the default: the cell with the most stalls).

import type { TopLevelSpec } from 'vega-lite';
import type { CellResult } from '../../harness/result/schema.js';
import type { ReportModel } from '../model/report-model.js';
import { mainPhase } from '../model/configurations.js';
import { SIGNAL_PANELS, signalValue, stallKind, type StallKind } from './engine-signals.js';
import { BASE_CONFIG, CHART_IDS, VEGA_LITE_SCHEMA, type Chart } from './chart.js';

const PARAM = 'timelineCell';
const FILTER = { filter: `datum.cell === ${PARAM}` };
const RANGES = 'timelineRanges';
// Domains come from per-cell ranges computed here, not from the data: a cell without stalls,
// checkpoints or some engine signal would otherwise leave a layer empty and vega would warn about
// an infinite extent (and an absent signal would have no axis at all).
const X = { field: 't', type: 'quantitative', title: 'time (s)', scale: { domain: { expr: `${RANGES}[${PARAM}].t` }, nice: false } } as const;
// Panels above the last one keep their grid and ticks but not the repeated axis title.
const X_INNER = { ...X, title: null } as const;

interface CellSeries {
  key: number;
  label: string;
  /** [0, last t] and, per signal panel, [0, max(atLeast, peak)]. */
  ranges: Record<string, [number, number]>;
  stallIntervals: number;
  peakP99: number;
}

// Rows carry a small numeric cell key, not the label: a 100-cell sweep has thousands of samples.
const round = (x: number, digits = 3): number => Number(x.toPrecision(digits + 3));

export function timelineChart(model: ReportModel): Chart | null {
  const points: Record<string, number>[] = [];
  const stalls: { cell: number; t: number; t1: number; kind: StallKind }[] = [];
  const checkpoints: Record<string, number | null>[] = [];
  const cells: CellSeries[] = [];
  const signalsPresent = new Set<string>();

  for (const { config } of model.configurations) {
    for (const cell of config.cells) {
      const series = mainPhase(cell)?.timeseries ?? [];
      if (series.length < 2) continue;
      const key = cells.length;
      const ranges: Record<string, [number, number]> = { t: [0, series[series.length - 1]!.tMs / 1000] };
      for (const panel of SIGNAL_PANELS) ranges[panel.field] = [0, panel.atLeast];
      const entry: CellSeries = { key, label: cellLabel(cell, config.label, config.workload), ranges, stallIntervals: 0, peakP99: 0 };
      cells.push(entry);
      let prevT = 0;
      for (const p of series) {
        const t = p.tMs / 1000;
        const row: Record<string, number> = { cell: key, t, opsPerSec: round(p.opsPerSec) };
        // Latency fields are left out when unknown or zero: the latency panel is on a log scale.
        if (p.p50Us !== null && p.p50Us > 0) row.p50 = round(p.p50Us);
        if (p.p99Us !== null && p.p99Us > 0) row.p99 = round(p.p99Us);
        if (p.p999Us !== null && p.p999Us > 0) row.p999 = round(p.p999Us);
        for (const panel of SIGNAL_PANELS) {
          const v = signalValue(p, panel);
          if (v === null) continue;
          row[panel.field] = round(v);
          signalsPresent.add(panel.field);
          const range = ranges[panel.field]!;
          range[1] = Math.max(range[1], row[panel.field]!);
        }
        points.push(row);
        if (p.p99Us !== null) entry.peakP99 = Math.max(entry.peakP99, p.p99Us);
        // A sample describes the interval that ends at its tMs.
        const kind = stallKind(p);
        if (kind) {
          const last = stalls[stalls.length - 1];
          if (last && last.cell === key && last.kind === kind && last.t1 === prevT) last.t1 = t;
          else {
            stalls.push({ cell: key, t: prevT, t1: t, kind });
            entry.stallIntervals++;
          }
        }
        prevT = t;
      }
      if (cell.status !== 'skipped') {
        for (const c of cell.checkpoints) {
          checkpoints.push({ cell: key, t: c.tMs / 1000, durationMs: round(c.durationMs), bytes: c.bytes });
        }
      }
    }
  }
  if (cells.length === 0) return null;
  const chosen = [...cells].sort((a, b) => b.stallIntervals - a.stallIntervals || b.peakP99 - a.peakP99)[0]!;

  const backdrop = (): object[] => [
    ...(stalls.length > 0
      ? [{
          data: { name: 'stalls' },
          transform: [FILTER],
          mark: { type: 'rect', opacity: 0.22 },
          encoding: {
            x2: { field: 't1' },
            fill: { field: 'kind', type: 'nominal', title: 'engine stall', scale: { domain: ['write stopped', 'write delayed'], range: ['#d62728', '#ff9f1c'] } },
            tooltip: [{ field: 'kind', type: 'nominal' }, { field: 't', title: 'from (s)' }, { field: 't1', title: 'to (s)' }],
          },
        }]
      : []),
    ...(checkpoints.length > 0
      ? [{
          data: { name: 'checkpoints' },
          transform: [FILTER],
          mark: { type: 'rule', strokeDash: [4, 3], color: '#6a3d9a' },
          encoding: {
            tooltip: [
              { field: 't', type: 'quantitative', title: 'checkpoint at (s)' },
              { field: 'durationMs', type: 'quantitative', title: 'duration (ms)' },
              { field: 'bytes', type: 'quantitative', title: 'bytes', format: ',d' },
            ],
          },
        }]
      : []),
  ];
  const panel = (title: string, layer: object): object => ({
    width: 760,
    height: 130,
    title: { text: title, anchor: 'start', fontSize: 12 },
    layer: [...backdrop(), { data: { name: 'points' }, transform: [FILTER], ...layer }],
  });

  const panels = [
    panel('throughput (ops/s)', {
      mark: { type: 'line', interpolate: 'step-before', color: '#1f77b4' },
      encoding: { y: { field: 'opsPerSec', type: 'quantitative', title: 'ops/s' } },
    }),
    {
      width: 760,
      height: 170,
      title: { text: 'interval latency (µs, log)', anchor: 'start', fontSize: 12 },
      layer: [
        ...backdrop(),
        {
          data: { name: 'points' },
          transform: [
            FILTER,
            { fold: ['p50', 'p99', 'p999'], as: ['field', 'us'] },
            { filter: 'isValid(datum.us)' },
            { calculate: "datum.field === 'p999' ? 'p99.9' : datum.field", as: 'series' },
          ],
          mark: { type: 'line', interpolate: 'step-before' },
          encoding: {
            y: { field: 'us', type: 'quantitative', scale: { type: 'log' }, title: 'µs' },
            color: { field: 'series', type: 'nominal', title: 'latency', sort: ['p50', 'p99', 'p99.9'] },
            tooltip: [{ field: 't', title: 's' }, { field: 'series' }, { field: 'us', title: 'µs', format: ',.1f' }],
          },
        },
      ],
    },
    ...SIGNAL_PANELS.filter((s) => signalsPresent.has(s.field)).map((s) =>
      panel(s.title, {
        transform: [FILTER, { filter: `isValid(datum.${s.field})` }],
        mark: { type: 'line', interpolate: 'step-before', color: '#2ca02c' },
        encoding: { y: { field: s.field, type: 'quantitative', title: s.title, scale: { domain: { expr: `${RANGES}[${PARAM}].${s.field}` } } } },
      }),
    ),
  ];

  // The time axis is encoded once per panel and inherited by its layers; only the last panel titles it.
  const timed = panels.map((p, i) => ({ ...p, encoding: { x: i === panels.length - 1 ? X : X_INNER } }));

  const spec = {
    $schema: VEGA_LITE_SCHEMA,
    config: BASE_CONFIG,
    params: [
      { name: RANGES, value: Object.fromEntries(cells.map((c) => [c.key, c.ranges])) },
      {
        name: PARAM,
        value: chosen.key,
        bind: { input: 'select', options: cells.map((c) => c.key), labels: cells.map((c) => c.label), name: 'cell ' },
      },
    ],
    datasets: { points, stalls, checkpoints },
    vconcat: timed,
    spacing: 8,
    resolve: { scale: { x: 'shared', color: 'independent', fill: 'shared' } },
  } as unknown as TopLevelSpec; // built from parts; the compile test checks it against Vega-Lite
  return {
    id: CHART_IDS.timeline,
    title: 'Latency, throughput and engine signals over time',
    caption:
      'One cell at a time (pick it above the chart). Shaded bands: intervals in which the engine stopped or delayed writes; ' +
      'dashed rules: checkpoints. All panels share the time axis, so a latency spike lines up with the stall or checkpoint behind it.',
    spec,
  };
}

function cellLabel(cell: CellResult, configLabel: string, workload: string): string {
  return `${cell.id}: ${configLabel} · ${workload} · repeat ${cell.repeat}${cell.status === 'ok' ? '' : ` (${cell.status})`}`;
}
