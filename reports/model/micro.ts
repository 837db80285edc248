// The micro-benchmark part of a document (statebench micro): cells whose figures are per-task
// tinybench statistics (`micro`) rather than phases. Shared by the HTML, Markdown and chart
// reporters; a batch task's figures are also given per operation (per key).

import { NULL_TASK } from '../../core/result/micro-tasks.js';
import type { CellResult, MicroTask, ResultDocument } from '../../core/result/schema.js';
import type { Configuration } from './configurations.js';
import type { ConfigurationStats } from './stats.js';

/** The workload name micro cells carry (harness/micro/spec.ts microWorkloadRef). */
export const MICRO_WORKLOAD = 'micro';

/** A micro cell: measured tasks, or (skipped) a cell of the micro workload. */
export function isMicroCell(cell: CellResult): boolean {
  return cell.status === 'skipped' ? cell.workload.name === MICRO_WORKLOAD : cell.micro !== undefined && Object.keys(cell.phases).length === 0;
}

export function isMicroConfiguration(config: Configuration): boolean {
  return config.cells.length > 0 && config.cells.every(isMicroCell);
}

export interface PerOperation {
  readonly meanNs: number | null;
  readonly p50Ns: number | null;
  readonly p99Ns: number | null;
  readonly opsPerSec: number | null;
}

export interface MicroTaskRow {
  readonly task: string;
  /** The null task: the timer's floor, not an operation. */
  readonly baseline: boolean;
  readonly figures: MicroTask;
  readonly opsPerCall: number;
  /** The same samples spread over the operations of a call; null when a call is one operation. */
  readonly perOperation: PerOperation | null;
}

export interface MicroState {
  readonly records: number | null;
  readonly keySize: number | null;
  readonly valueSize: number | null;
  /** records x (keySize + valueSize): the keys and values as the workload sees them. */
  readonly logicalBytes: number | null;
  /** The data directory's size at the end of the cell (null: in memory or unknown). */
  readonly diskBytes: number | null;
  readonly rssPeakBytes: number | null;
}

export interface MicroCellRow {
  readonly cellId: string;
  readonly backend: string;
  /** Backend and the knobs that vary: "lsm blockCacheSize=64MiB". */
  readonly configuration: string;
  readonly repeat: number;
  readonly status: CellResult['status'];
  /** Why the cell errored or was skipped, or null. */
  readonly problem: string | null;
  readonly state: MicroState;
  readonly tasks: readonly MicroTaskRow[];
}

export interface MicroModel {
  readonly cells: readonly MicroCellRow[];
  /** More than one repeat: rows name their repeat. */
  readonly withRepeat: boolean;
  /** The time budget per task and its warm-up (plan.durationMs / warmupMs). */
  readonly timeMs: number | null;
  readonly warmupMs: number | null;
}

const div = (n: number | null, d: number): number | null => (n === null ? null : n / d);
const int = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : null);

export function perOperation(t: MicroTask): PerOperation {
  const per = t.opsPerCall ?? 1;
  return { meanNs: div(t.meanNs, per), p50Ns: div(t.p50Ns, per), p99Ns: div(t.p99Ns, per), opsPerSec: t.opsPerSec === null ? null : t.opsPerSec * per };
}

function stateOf(cell: CellResult): MicroState {
  const records = int(cell.workload.records);
  const keySize = int(cell.workload.keySize);
  const valueSize = int(cell.workload.valueSize);
  const measured = cell.status === 'skipped' ? null : cell.resources;
  return {
    records,
    keySize,
    valueSize,
    logicalBytes: records !== null && keySize !== null && valueSize !== null ? records * (keySize + valueSize) : null,
    diskBytes: measured?.diskBytes ?? null,
    rssPeakBytes: measured?.rssPeakBytes ?? null,
  };
}

function taskRows(cell: CellResult): MicroTaskRow[] {
  if (cell.status === 'skipped') return [];
  return Object.entries(cell.micro ?? {}).map(([task, figures]) => {
    const opsPerCall = figures.opsPerCall ?? 1;
    return { task, baseline: task === NULL_TASK, figures, opsPerCall, perOperation: opsPerCall > 1 ? perOperation(figures) : null };
  });
}

export function buildMicroModel(model: { readonly doc: ResultDocument; readonly configurations: readonly ConfigurationStats[] }): MicroModel | null {
  const cells: MicroCellRow[] = [];
  for (const { config } of model.configurations) {
    if (!isMicroConfiguration(config)) continue;
    for (const cell of config.cells) {
      cells.push({
        cellId: cell.id,
        backend: cell.backend,
        configuration: config.label,
        repeat: cell.repeat,
        status: cell.status,
        problem: cell.status === 'errored' ? cell.error : cell.status === 'skipped' ? cell.reason : cell.status === 'interrupted' ? 'interrupted' : null,
        state: stateOf(cell),
        tasks: taskRows(cell),
      });
    }
  }
  if (cells.length === 0) return null;
  return {
    cells,
    withRepeat: cells.some((c) => c.repeat > 0),
    timeMs: model.doc.plan.durationMs,
    warmupMs: model.doc.plan.warmupMs,
  };
}
