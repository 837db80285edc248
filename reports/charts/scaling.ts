// State-size scaling: per backend configuration, throughput, p99 latency, peak RSS and bytes on
// disk against the records loaded (log x), one column per workload measured at two or more sizes.
// A size at which a configuration's cells failed (out of memory, over --memory-budget) is drawn
// as a dashed rule with a cross, not left out: the failure is the finding there.

import type { TopLevelSpec } from 'vega-lite';
import { canonicalJson } from '../../core/canonical-json.js';
import { CHART_IDS } from '../../core/result/chart-ids.js';
import type { CellResult } from '../../core/result/schema.js';
import { formatCount } from '../../core/units.js';
import { median } from '../../core/stats.js';
import type { ReportModel } from '../model/report-model.js';
import type { ConfigurationStats } from '../model/stats.js';
import { BASE_CONFIG, VEGA_LITE_SCHEMA, type Chart } from './chart.js';
import { reportPalette } from './palette.js';
import { inTaskManager } from '../../analysis/scaling/size-groups.js';

const MiB = 1024 * 1024;

const METRICS = ['throughput (ops/s)', 'p99 latency (µs)', 'peak RSS (MiB)', 'on disk (MiB)'] as const;

interface Row {
  workload: string;
  config: string;
  backend: string;
  records: number;
  size: string;
  metric: (typeof METRICS)[number];
  kind: 'value' | 'failed';
  value: number | null;
  repeats: string;
  problem: string | null;
  /** The failure in two words beside its cross: "out of memory", "over budget", "errored". */
  failed: string | null;
}

/** The workload without its size, and the TaskManager it ran in: configurations of one workload at several sizes share it. */
function workloadKey(cell: CellResult): string {
  const { records: _records, ...rest } = cell.workload;
  return `${canonicalJson(rest)}\u0000${cell.memory?.taskManager ?? ''}`;
}

/** Why the cells of a configuration at one size failed, or null (skips other than the budget are not failures). */
function failure(cells: readonly CellResult[]): string | null {
  const failed = cells.filter((c) => c.status === 'errored' || (c.status === 'skipped' && c.reason.startsWith('over the memory budget')));
  const first = failed[0];
  if (!first) return null;
  const why = first.status === 'errored' ? first.error : first.status === 'skipped' ? first.reason : '';
  return `${failed.length} of ${cells.length} repeat(s): ${why}`;
}

function rowsOf(s: ConfigurationStats, workload: string): Row[] {
  const records = s.config.records as number;
  const base = { workload, config: s.config.label, backend: s.config.backend, records, size: formatCount(records), repeats: `${s.config.ok.length} of ${s.config.cells.length} ok` };
  const disk = median(s.config.ok.map((c) => c.resources?.diskBytes));
  const values: Record<(typeof METRICS)[number], number | null> = {
    'throughput (ops/s)': s.throughput?.median ?? null,
    'p99 latency (µs)': s.allOps?.p99 ?? null,
    'peak RSS (MiB)': s.rssPeakBytes === null ? null : s.rssPeakBytes / MiB,
    'on disk (MiB)': disk === null ? null : disk / MiB,
  };
  const rows: Row[] = METRICS.flatMap((metric) => {
    const value = values[metric];
    return value !== null && value > 0 ? [{ ...base, metric, kind: 'value' as const, value, problem: null, failed: null }] : [];
  });
  const problem = failure(s.config.cells);
  // The failure in every panel, so it lines up with the size's figures of the other configurations.
  const failed = problem === null ? null : /out of memory/.test(problem) ? 'out of memory' : /over the memory budget/.test(problem) ? 'over budget' : 'errored';
  if (problem !== null) rows.push(...METRICS.map((metric) => ({ ...base, metric, kind: 'failed' as const, value: null, problem, failed })));
  return rows;
}

export function scalingChart(model: ReportModel): Chart | null {
  const groups = new Map<string, { name: string; sizes: Set<number>; stats: ConfigurationStats[] }>();
  for (const s of model.configurations) {
    const first = s.config.cells[0];
    if (s.config.records === null || !first) continue;
    const key = workloadKey(first);
    const g = groups.get(key) ?? { name: `${first.workload.name}${inTaskManager(first)}`, sizes: new Set<number>(), stats: [] };
    g.sizes.add(s.config.records);
    g.stats.push(s);
    groups.set(key, g);
  }
  const perName = new Map<string, number>();
  const rows: Row[] = [];
  for (const g of groups.values()) {
    if (g.sizes.size < 2) continue;
    const n = (perName.get(g.name) ?? 0) + 1;
    perName.set(g.name, n);
    const workload = n === 1 ? g.name : `${g.name} [${n}]`;
    for (const s of g.stats) rows.push(...rowsOf(s, workload));
  }
  if (rows.length === 0) return null;
  const x = { field: 'records', type: 'quantitative', title: 'records loaded (state size)', scale: { type: 'log' }, axis: { format: '~s', grid: true } };
  const color = { field: 'config', type: 'nominal', title: 'configuration', sort: null, scale: reportPalette(model).configurations(rows.map((r) => r.config)) };
  const tooltip = [
    { field: 'config', type: 'nominal', title: 'configuration' },
    { field: 'size', type: 'nominal', title: 'records' },
    { field: 'metric', type: 'nominal' },
    { field: 'value', type: 'quantitative', format: ',.3~f' },
    { field: 'repeats', type: 'nominal' },
  ];
  const spec = {
    $schema: VEGA_LITE_SCHEMA,
    config: BASE_CONFIG,
    data: { values: rows },
    facet: {
      row: { field: 'metric', type: 'nominal', title: null, sort: [...METRICS] },
      column: { field: 'workload', type: 'nominal', title: 'workload', sort: null },
    },
    resolve: { scale: { y: 'independent' } },
    spec: {
      width: 360,
      height: 170,
      layer: [
        {
          transform: [{ filter: "datum.kind === 'value'" }],
          mark: { type: 'line', point: true },
          encoding: { x, y: { field: 'value', type: 'quantitative', title: null, scale: { type: 'log' } }, color, tooltip },
        },
        {
          transform: [{ filter: "datum.kind === 'failed'" }],
          mark: { type: 'rule', strokeDash: [4, 3], strokeWidth: 2 },
          encoding: {
            x,
            color,
            tooltip: [
              { field: 'config', type: 'nominal', title: 'configuration' },
              { field: 'size', type: 'nominal', title: 'records' },
              { field: 'problem', type: 'nominal', title: 'failed' },
            ],
          },
        },
        {
          transform: [{ filter: "datum.kind === 'failed'" }],
          mark: { type: 'point', shape: 'cross', size: 120, filled: true, angle: 45 },
          encoding: { x, y: { value: 8 }, color, tooltip: [{ field: 'problem', type: 'nominal', title: 'failed' }] },
        },
        {
          transform: [{ filter: "datum.kind === 'failed'" }],
          mark: { type: 'text', align: 'right', dx: -9, fontSize: 10 },
          encoding: { x, y: { value: 8 }, color, text: { field: 'failed' } },
        },
      ],
    },
  } as unknown as TopLevelSpec; // assembled from parts; the compile test checks it against Vega-Lite
  return {
    id: CHART_IDS.scaling,
    title: 'State-size scaling',
    caption:
      'Each configuration as the state grows (log x: records loaded): run-phase throughput (median over repeats), p99 latency of all operations, peak RSS and bytes on disk. ' +
      'A dashed rule with a cross marks a size at which the configuration failed (out of memory, over --memory-budget); hover it for the reason.',
    spec,
  };
}
