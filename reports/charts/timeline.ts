// Latency and throughput over time with the engine's own signals on the same time axis: stall
// intervals shaded in every panel and checkpoints as dashed rules, so a spike lines up with its
// cause. One cell at a time, chosen from a drop-down (the default: the cell with the most stalls).
// Cells are charted in groups that report the same engine signals (LSM cells; heap and LMDB
// cells), so no cell shows a panel its engine does not report: switching the drop-down never
// adds or removes a panel (vega warns about empty extents when facet rows vanish).

import type { TopLevelSpec } from 'vega-lite';
import type { CellResult } from '../../core/result/schema.js';
import type { ReportModel } from '../model/report-model.js';
import { mainPhase } from '../model/configurations.js';
import { SIGNAL_PANELS, signalValue, stallKind, type StallKind } from './engine-signals.js';
import { BASE_CONFIG, VEGA_LITE_SCHEMA, chartId, type Chart } from './chart.js';
import { CHART_IDS } from '../../core/result/chart-ids.js';

const PARAM = 'timelineCell';
const FILTER = { filter: `datum.cell === ${PARAM}` };
const RANGES = 'timelineRanges';
// The time domain comes from per-cell ranges computed here, not from the data: a cell without
// stalls or checkpoints would otherwise leave a layer empty and vega would warn about an
// infinite extent.
const X = { field: 't', type: 'quantitative', title: 'time (s)', scale: { domain: { expr: `${RANGES}[${PARAM}].t` }, nice: false } } as const;
// The throughput panel keeps its grid and ticks but not the repeated axis title.
const X_INNER = { ...X, title: null } as const;

interface CellSeries {
  key: number;
  label: string;
  /** [0, last t]. */
  ranges: Record<string, [number, number]>;
  stallIntervals: number;
  peakP99: number;
}

/** A row of the engine-signal facet: a value, the panel's y floor, or a stall or checkpoint repeated per panel. */
type SignalRow = Record<string, number | string>;

// Rows carry a small numeric cell key, not the label: a 100-cell sweep has thousands of samples.
const round = (x: number, digits = 3): number => Number(x.toPrecision(digits + 3));

/** The signal panels a cell's samples report: its group key. */
function signalKey(cell: CellResult): string {
  const series = mainPhase(cell)?.timeseries ?? [];
  return SIGNAL_PANELS.filter((panel) => series.some((p) => signalValue(p, panel) !== null)).map((panel) => panel.field).join(',');
}

/** One timeline per group of cells reporting the same signals; the first (engine signals, most stalls) gets the id `timeline`. */
export function timelineCharts(model: ReportModel): Chart[] {
  const keys = new Set<string>();
  for (const { config } of model.configurations) for (const cell of config.cells) keys.add(signalKey(cell));
  if (keys.size <= 1) {
    const chart = timelineChart(model);
    if (!chart) return [];
    const { rank: _rank, ...plain } = chart;
    return [plain];
  }
  // Cells with engine signals first (stall evidence points at `timeline`), then by their chosen cell.
  const charts = [...keys]
    .map((key) => ({ key, chart: timelineChart(model, (cell) => signalKey(cell) === key) }))
    .filter((g): g is { key: string; chart: Chart & { rank: number } } => g.chart !== null)
    .sort((a, b) => Number(b.key !== '') - Number(a.key !== '') || b.chart.rank - a.chart.rank)
    .map((g) => g.chart);
  return charts.map(({ rank: _rank, ...chart }, i) => {
    const backends = [...new Set((chart.spec as unknown as { params: { bind?: { labels: string[] } }[] }).params[1]?.bind?.labels.map((l) => l.split(': ')[1]?.split(' ')[0] ?? '') ?? [])];
    return i === 0 ? chart : { ...chart, id: chartId(CHART_IDS.timeline, ...backends), title: `${chart.title}: ${backends.join(', ')}` };
  });
}

export function timelineChart(model: ReportModel, include: (cell: CellResult) => boolean = () => true): (Chart & { rank: number }) | null {
  const points: Record<string, number>[] = [];
  const stalls: { cell: number; t: number; t1: number; kind: StallKind }[] = [];
  const checkpoints: Record<string, number | null>[] = [];
  const signals: SignalRow[] = [];
  const cells: CellSeries[] = [];
  const panelsUsed = new Set<string>();

  for (const { config } of model.configurations) {
    for (const cell of config.cells) {
      const series = mainPhase(cell)?.timeseries ?? [];
      if (series.length < 2 || !include(cell)) continue;
      const key = cells.length;
      const entry: CellSeries = {
        key,
        label: cellLabel(cell, config.label, config.workload),
        ranges: { t: [0, series[series.length - 1]!.tMs / 1000] },
        stallIntervals: 0,
        peakP99: 0,
      };
      cells.push(entry);
      const cellStalls: { t: number; t1: number; kind: StallKind }[] = [];
      const cellPanels = new Set<(typeof SIGNAL_PANELS)[number]>();
      let prevT = 0;
      series.forEach((p, i) => {
        const t = p.tMs / 1000;
        const row: Record<string, number> = { cell: key, t, opsPerSec: round(p.opsPerSec) };
        // Latency fields are left out when unknown or zero: the latency panel is on a log scale.
        if (p.p50Us !== null && p.p50Us > 0) row.p50 = round(p.p50Us);
        if (p.p99Us !== null && p.p99Us > 0) row.p99 = round(p.p99Us);
        if (p.p999Us !== null && p.p999Us > 0) row.p999 = round(p.p999Us);
        const values: SignalRow[] = [];
        for (const panel of SIGNAL_PANELS) {
          const v = signalValue(p, panel);
          if (v === null) continue;
          cellPanels.add(panel);
          values.push({ cell: key, panel: panel.title, kind: 'value', t, v: round(v) });
        }
        // A sample describes the interval that ends at its tMs, drawn step-before; a copy at
        // t = 0 draws the first interval too.
        if (i === 0) {
          points.push({ ...row, t: 0 });
          signals.push(...values.map((r) => ({ ...r, t: 0 })));
        }
        points.push(row);
        signals.push(...values);
        if (p.p99Us !== null) entry.peakP99 = Math.max(entry.peakP99, p.p99Us);
        const kind = stallKind(p);
        if (kind) {
          const last = cellStalls[cellStalls.length - 1];
          if (last && last.kind === kind && last.t1 === prevT) last.t1 = t;
          else {
            cellStalls.push({ t: prevT, t1: t, kind });
            entry.stallIntervals++;
          }
        }
        prevT = t;
      });
      const cellCheckpoints = cell.status === 'skipped' ? [] : cell.checkpoints.map((c) => ({ t: c.tMs / 1000, durationMs: round(c.durationMs), bytes: c.bytes }));
      stalls.push(...cellStalls.map((st) => ({ cell: key, ...st })));
      checkpoints.push(...cellCheckpoints.map((c) => ({ cell: key, ...c })));
      // Each of the cell's signal panels gets its y floor and its own copy of the stalls and checkpoints.
      for (const panel of cellPanels) {
        panelsUsed.add(panel.title);
        signals.push({ cell: key, panel: panel.title, kind: 'floor', t: 0, v: panel.atLeast });
        for (const st of cellStalls) signals.push({ cell: key, panel: panel.title, kind: 'stall', t: st.t, t1: st.t1, stall: st.kind });
        for (const c of cellCheckpoints) signals.push({ cell: key, panel: panel.title, kind: 'checkpoint', t: c.t, durationMs: c.durationMs, bytes: c.bytes });
      }
    }
  }
  if (cells.length === 0) return null;
  const chosen = [...cells].sort((a, b) => b.stallIntervals - a.stallIntervals || b.peakP99 - a.peakP99)[0]!;

  const stallLayer = (data: object, filter: object[], field: string): object => ({
    ...data,
    transform: filter,
    mark: { type: 'rect', opacity: 0.22 },
    encoding: {
      x2: { field: 't1' },
      fill: { field, type: 'nominal', title: 'engine stall', scale: { domain: ['write stopped', 'write delayed'], range: ['#d62728', '#ff9f1c'] } },
      tooltip: [{ field, type: 'nominal', title: 'stall' }, { field: 't', title: 'from (s)' }, { field: 't1', title: 'to (s)' }],
    },
  });
  const checkpointLayer = (data: object, filter: object[]): object => ({
    ...data,
    transform: filter,
    mark: { type: 'rule', strokeDash: [4, 3], color: '#6a3d9a' },
    encoding: {
      tooltip: [
        { field: 't', type: 'quantitative', title: 'checkpoint at (s)' },
        { field: 'durationMs', type: 'quantitative', title: 'duration (ms)' },
        { field: 'bytes', type: 'quantitative', title: 'bytes', format: ',d' },
      ],
    },
  });
  const backdrop = (): object[] => [
    ...(stalls.length > 0 ? [stallLayer({ data: { name: 'stalls' } }, [FILTER], 'kind')] : []),
    ...(checkpoints.length > 0 ? [checkpointLayer({ data: { name: 'checkpoints' } }, [FILTER])] : []),
  ];
  const panel = (title: string, layer: object): object => ({
    width: 760,
    height: 130,
    title: { text: title, anchor: 'start', frame: 'group', fontSize: 12 },
    layer: [...backdrop(), { data: { name: 'points' }, transform: [FILTER], ...layer }],
  });

  const panels = [
    panel('throughput (ops/s)', {
      mark: { type: 'line', interpolate: 'step-before', color: '#1f77b4' },
      encoding: { y: { field: 'opsPerSec', type: 'quantitative', title: null } },
    }),
    {
      width: 760,
      height: 170,
      title: { text: 'interval latency (µs, log)', anchor: 'start', frame: 'group', fontSize: 12 },
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
            y: { field: 'us', type: 'quantitative', scale: { type: 'log' }, title: null },
            color: { field: 'series', type: 'nominal', title: 'latency', sort: ['p50', 'p99', 'p99.9'] },
            tooltip: [{ field: 't', title: 's' }, { field: 'series' }, { field: 'us', title: 'µs', format: ',.1f' }],
          },
        },
      ],
    },
  ];

  // The time axis is encoded once per panel and inherited by its layers. The latency panel always
  // titles it (it is the last panel of a cell without engine signals); the facet below repeats
  // only the ticks.
  const timed = panels.map((p, i) => ({ ...p, encoding: { x: i === panels.length - 1 ? X : X_INNER } }));
  const kind = (k: string): object => ({ filter: `datum.kind === '${k}'` });
  const signalFacet = {
    data: { name: 'signals' },
    transform: [FILTER],
    facet: {
      row: {
        field: 'panel',
        type: 'nominal',
        sort: SIGNAL_PANELS.map((p) => p.title),
        title: null,
        header: { labelAngle: 0, labelOrient: 'top', labelAnchor: 'start', labelFontSize: 12, labelFontWeight: 'bold', labelPadding: 4 },
      },
    },
    spacing: { row: 8 },
    spec: {
      width: 760,
      height: 110,
      encoding: { x: X_INNER },
      layer: [
        ...(stalls.length > 0 ? [stallLayer({}, [kind('stall')], 'stall')] : []),
        ...(checkpoints.length > 0 ? [checkpointLayer({}, [kind('checkpoint')])] : []),
        {
          transform: [kind('value')],
          mark: { type: 'line', interpolate: 'step-before', color: '#2ca02c' },
          encoding: { y: { field: 'v', type: 'quantitative', title: null } },
        },
        // The floor keeps a flat zero line off the panel's edge (the y axis reaches at least this far).
        { transform: [kind('floor')], mark: { type: 'point', opacity: 0 }, encoding: { y: { field: 'v', type: 'quantitative' } } },
      ],
    },
    // Axes drawn in each row rather than once in a footer: a cell without signals leaves no stray axis.
    resolve: { scale: { y: 'independent' }, axis: { x: 'independent' } },
  };

  const spec = {
    $schema: VEGA_LITE_SCHEMA,
    // Panel titles name the units; y axes of one width keep every plot area on one time axis.
    config: { ...BASE_CONFIG, axisY: { minExtent: 52, maxExtent: 52 } },
    params: [
      { name: RANGES, value: Object.fromEntries(cells.map((c) => [c.key, c.ranges])) },
      {
        name: PARAM,
        value: chosen.key,
        bind: { input: 'select', options: cells.map((c) => c.key), labels: cells.map((c) => c.label), name: 'cell ' },
      },
    ],
    // The signal panels come and go with the chosen cell: the view re-measures itself on each update.
    autosize: { type: 'pad', resize: true },
    datasets: { points, stalls, checkpoints, signals },
    vconcat: panelsUsed.size > 0 ? [...timed, signalFacet] : timed,
    spacing: 8,
    resolve: { scale: { x: 'shared', color: 'independent', fill: 'shared' } },
  } as unknown as TopLevelSpec; // built from parts; the compile test checks it against Vega-Lite
  return {
    id: CHART_IDS.timeline,
    // Groups are ordered by their chosen cell: most stall intervals, then the highest p99.
    rank: chosen.stallIntervals * 1e12 + chosen.peakP99,
    title: 'Latency, throughput and engine signals over time',
    caption:
      'One cell at a time (pick it above the chart). Shaded bands: intervals in which the engine stopped or delayed writes; ' +
      'dashed rules: checkpoints. All panels share the time axis, so a latency spike lines up with the stall or checkpoint behind it. ' +
      'Each step is one interval, drawn up to the sample that ends it; the engine-signal panels are those the chosen cell\u2019s engine reports.',
    spec,
  };
}

function cellLabel(cell: CellResult, configLabel: string, workload: string): string {
  return `${cell.id}: ${configLabel} · ${workload} · repeat ${cell.repeat}${cell.status === 'ok' ? '' : ` (${cell.status})`}`;
}
