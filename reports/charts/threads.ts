// Scaling with threads (--threads 1,2,4): per configuration, the run phase's throughput (the sum
// over the threads), each thread's rate beside the mean per thread (imbalance shows as points
// apart from the line) and p99 latency against the thread count, one column per workload
// measured at two or more thread counts.

import type { TopLevelSpec } from 'vega-lite';
import { CHART_IDS } from '../../core/result/chart-ids.js';
import type { ReportModel } from '../model/report-model.js';
import { formatNumber } from '../../core/numbers.js';
import { isThreadSweep, threadedWorkloads, type ThreadLine, type ThreadPoint } from '../model/thread-scaling.js';
import { BASE_CONFIG, VEGA_LITE_SCHEMA, wantsLogScale, type Chart } from './chart.js';
import { reportPalette, type ColourScale } from './palette.js';

const PANELS = ['throughput, sum over threads (ops/s)', 'per thread (ops/s in the common window)', 'p99 latency, all operations (µs)'] as const;

interface Row {
  workload: string;
  config: string;
  backend: string;
  threads: number;
  panel: (typeof PANELS)[number];
  /** 'line': the configuration's figure at this thread count; 'thread': one thread's rate. */
  kind: 'line' | 'thread';
  value: number;
  thread: number | null;
  share: string | null;
  speedup: string;
  repeats: string;
}

function rowsOf(workload: string, line: ThreadLine, p: ThreadPoint): Row[] {
  const s = p.stats.config;
  const base = {
    workload,
    config: line.label,
    backend: line.backend,
    threads: p.threads,
    thread: null,
    share: null,
    speedup: p.speedup === null ? '–' : `${formatNumber(p.speedup)}× over ${line.fewestThreads} thread(s)`,
    repeats: `${s.ok.length} of ${s.cells.length} ok`,
  };
  const figures: [Row['panel'], number | null][] = [
    [PANELS[0], p.throughput],
    [PANELS[1], p.throughput === null ? null : p.throughput / p.threads],
    [PANELS[2], p.p99Us],
  ];
  const rows: Row[] = figures.flatMap(([panel, value]) => (value !== null && value > 0 ? [{ ...base, panel, kind: 'line' as const, value }] : []));
  for (const t of p.perThread) {
    if (t.windowOpsPerSec === null || t.windowOpsPerSec <= 0) continue;
    rows.push({ ...base, panel: PANELS[1], kind: 'thread', value: t.windowOpsPerSec, thread: t.thread, share: t.share === null ? null : `${formatNumber(t.share * 100)} %` });
  }
  return rows;
}

export function threadScalingChart(model: ReportModel): Chart | null {
  const workloads = threadedWorkloads(model).filter(isThreadSweep);
  const rows = workloads.flatMap((w) => w.lines.flatMap((line) => line.points.flatMap((p) => rowsOf(w.workload, line, p))));
  if (rows.length === 0) return null;
  const counts = [...new Set(workloads.flatMap((w) => w.threadCounts))].sort((a, b) => a - b);
  // Shades of each backend's hue, one per configuration line (labels without the thread count).
  const palette = reportPalette(model);
  const colours: ColourScale = { domain: [], range: [] };
  for (const backend of new Set(rows.map((r) => r.backend))) {
    const scale = palette.shades(backend, rows.filter((r) => r.backend === backend).map((r) => r.config));
    colours.domain.push(...scale.domain);
    colours.range.push(...scale.range);
  }
  const x = {
    field: 'threads',
    type: 'quantitative',
    title: 'threads',
    scale: wantsLogScale(counts, 4) ? { type: 'log', base: 2 } : { zero: false, nice: false },
    axis: { values: counts, format: 'd', grid: true },
  };
  const color = { field: 'config', type: 'nominal', title: 'configuration', sort: null, scale: colours };
  const lineTooltip = [
    { field: 'config', type: 'nominal', title: 'configuration' },
    { field: 'threads', type: 'quantitative' },
    { field: 'panel', type: 'nominal', title: 'figure' },
    { field: 'value', type: 'quantitative', format: ',.3~f' },
    { field: 'speedup', type: 'nominal', title: 'speed-up' },
    { field: 'repeats', type: 'nominal' },
  ];
  const threadTooltip = [
    { field: 'config', type: 'nominal', title: 'configuration' },
    { field: 'threads', type: 'quantitative' },
    { field: 'thread', type: 'quantitative', title: 'thread (0-based)' },
    { field: 'value', type: 'quantitative', title: 'ops/s in the common window', format: ',.0f' },
    { field: 'share', type: 'nominal', title: 'share of the sum' },
  ];
  // One block per panel (each its own y scale), one column per workload; only the per-thread
  // panel has a layer of the threads' points (an empty layer would leave a scale without extent).
  const panel = (name: (typeof PANELS)[number], i: number) => {
    const values = rows.filter((r) => r.panel === name).map((r) => r.value);
    const y = { field: 'value', type: 'quantitative', title: null, scale: wantsLogScale(values) ? { type: 'log' } : { zero: true } };
    const layer: unknown[] = [
      { transform: [{ filter: "datum.kind === 'line'" }], mark: { type: 'line', point: true }, encoding: { x, y, color, tooltip: lineTooltip } },
    ];
    if (rows.some((r) => r.panel === name && r.kind === 'thread')) {
      layer.push({
        transform: [{ filter: "datum.kind === 'thread'" }],
        mark: { type: 'point', shape: 'diamond', size: 45, filled: false, strokeWidth: 1.5 },
        encoding: { x, y, color, tooltip: threadTooltip },
      });
    }
    return {
      title: { text: name, anchor: 'start', fontSize: 12 },
      transform: [{ filter: { field: 'panel', equal: name } }],
      facet: { column: { field: 'workload', type: 'nominal', title: i === 0 ? 'workload' : null, sort: null } },
      spec: { width: 320, height: 170, layer },
    };
  };
  const spec = {
    $schema: VEGA_LITE_SCHEMA,
    config: BASE_CONFIG,
    data: { values: rows },
    vconcat: PANELS.filter((name) => rows.some((r) => r.panel === name)).map(panel),
    resolve: { scale: { color: 'shared' } },
  } as unknown as TopLevelSpec; // assembled from parts; the compile test checks it against Vega-Lite
  return {
    id: CHART_IDS.threadScaling,
    title: 'Scaling with threads',
    caption:
      'Each configuration against its worker threads (--threads): run-phase throughput summed over the threads (median over repeats), the mean per thread (line) ' +
      'with each thread’s own rate in the common window (diamonds: apart from the line when the threads are uneven), and p99 latency of all operations.',
    spec,
  };
}
