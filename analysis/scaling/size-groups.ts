// The cells of a state-size sweep arranged for the scaling rules: per workload (every parameter
// but the size), TaskManager (--taskmanager-memory) and thread count (--threads: a sum over N threads is compared with sums over N
// threads only), its configurations (backend and knobs), and what each measured at each size.

import { canonicalJson } from '../../core/canonical-json.js';
import type { CellResult, ResultDocument, SizeMeasurement } from '../../core/result/schema.js';
import { median } from '../../core/stats.js';
import { formatBytes } from '../../core/units.js';

export interface SizedConfiguration {
  readonly backend: string;
  /** The backend and the knobs that vary among its cells: "lsm writeBufferSize=64MiB". */
  readonly label: string;
  /** The configuration's cells by state size. */
  readonly bySize: ReadonlyMap<number, readonly CellResult[]>;
}

export interface SizedWorkload {
  readonly workload: string;
  /** Every measured size, ascending. */
  readonly sizes: readonly number[];
  readonly configurations: readonly SizedConfiguration[];
}

/** " in a 1728m TaskManager with 1 slot" for a cell run inside one (--taskmanager-memory), else ''. */
export function inTaskManager(cell: CellResult): string {
  const m = cell.memory;
  return m ? ` in a ${m.taskManager} TaskManager with ${m.slots} slot${m.slots === 1 ? '' : 's'}` : '';
}

/** The workloads of a document measured at two or more sizes, each thread count and TaskManager apart. */
export function sizedWorkloads(doc: ResultDocument): SizedWorkload[] {
  const labels = configurationLabels(doc.cells);
  const groups = new Map<string, { name: string; configs: Map<string, { backend: string; label: string; bySize: Map<number, CellResult[]> }> }>();
  for (const cell of doc.cells) {
    const { records, ...rest } = cell.workload;
    if (typeof records !== 'number') continue;
    const threads = cell.threads ?? 1;
    // A TaskManager of another size is another sweep: heap's bound is its task heap.
    const wkey = `${canonicalJson(rest)}\u0000${threads}\u0000${cell.memory?.taskManager ?? ''}`;
    let group = groups.get(wkey);
    // One thread keeps the workload's name, as before --threads: "value-state", "value-state (2 threads)".
    if (!group) groups.set(wkey, (group = { name: `${threads > 1 ? `${cell.workload.name} (${threads} threads)` : cell.workload.name}${inTaskManager(cell)}`, configs: new Map() }));
    const ckey = `${cell.backend}\u0000${canonicalJson(cell.knobs)}`;
    let config = group.configs.get(ckey);
    if (!config) group.configs.set(ckey, (config = { backend: cell.backend, label: labels(cell), bySize: new Map() }));
    const list = config.bySize.get(records) ?? [];
    list.push(cell);
    config.bySize.set(records, list);
  }
  const out: SizedWorkload[] = [];
  const perName = new Map<string, number>();
  for (const group of groups.values()) {
    const sizes = [...new Set([...group.configs.values()].flatMap((c) => [...c.bySize.keys()]))].sort((a, b) => a - b);
    if (sizes.length < 2) continue;
    // Two workloads of one name (other value sizes, say) stay apart: the second is numbered.
    const n = (perName.get(group.name) ?? 0) + 1;
    perName.set(group.name, n);
    out.push({ workload: n === 1 ? group.name : `${group.name} [${n}]`, sizes, configurations: [...group.configs.values()] });
  }
  return out;
}

/** What a configuration measured at one size, or null when it has no cell there that ran or was skipped by the budget. */
export function measureAt(config: SizedConfiguration, records: number): SizeMeasurement | null {
  const cells = config.bySize.get(records) ?? [];
  const base = { backend: config.backend, configuration: config.label, records };
  const ok = cells.filter((c) => c.status === 'ok' && typeof c.phases.run?.throughputOpsPerSec === 'number');
  if (ok.length > 0) {
    const opsPerSec = median(ok.map((c) => (c.status === 'ok' ? c.phases.run?.throughputOpsPerSec : null)));
    return { ...base, status: 'ok', cellIds: ok.map((c) => c.id), opsPerSec, reason: null };
  }
  const errored = cells.filter((c) => c.status === 'errored');
  if (errored.length > 0) {
    const first = errored[0];
    return { ...base, status: 'errored', cellIds: errored.map((c) => c.id), opsPerSec: null, reason: first?.status === 'errored' ? first.error : null };
  }
  // harness/budget words every skip by --memory-budget this way (before the cell, or measured after it).
  const overBudget = cells.filter((c) => c.status === 'skipped' && c.reason.startsWith('over the memory budget'));
  if (overBudget.length > 0) {
    const first = overBudget[0];
    return { ...base, status: 'over-budget', cellIds: overBudget.map((c) => c.id), opsPerSec: null, reason: first?.status === 'skipped' ? first.reason : null };
  }
  return null;
}

/** The median of a metric over the configuration's finished cells at one size (null: none reports it). */
export function medianAt(config: SizedConfiguration, records: number, metric: (cell: Extract<CellResult, { status: 'ok' }>) => number | null | undefined): { value: number | null; cellIds: string[] } {
  const ok = (config.bySize.get(records) ?? []).filter((c): c is Extract<CellResult, { status: 'ok' }> => c.status === 'ok');
  const withValue = ok.filter((c) => typeof metric(c) === 'number');
  return { value: median(withValue.map(metric)), cellIds: withValue.map((c) => c.id) };
}

// Byte-sized knobs read as sizes (the reports print them the same way).
const BYTE_KNOB = /(size|bytes|base)$/i;

/** Labels name a backend and the knobs whose values vary among that backend's cells. */
function configurationLabels(cells: readonly CellResult[]): (cell: CellResult) => string {
  const values = new Map<string, Map<string, Set<string>>>();
  for (const c of cells) {
    const knobs = values.get(c.backend) ?? new Map<string, Set<string>>();
    values.set(c.backend, knobs);
    for (const [k, v] of Object.entries(c.knobs)) knobs.set(k, (knobs.get(k) ?? new Set()).add(canonicalJson(v)));
  }
  return (cell) => {
    const varying = [...(values.get(cell.backend) ?? [])].filter(([, set]) => set.size > 1).map(([k]) => k);
    const shown = varying.map((k) => {
      const v = cell.knobs[k] ?? null;
      return `${k}=${typeof v === 'number' && BYTE_KNOB.test(k) && v >= 1024 && v % 1024 === 0 ? formatBytes(v) : String(v ?? 'default')}`;
    });
    return [cell.backend, ...shown].join(' ');
  };
}
