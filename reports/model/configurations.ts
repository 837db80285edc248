// Cells grouped into configurations: one backend, one set of knob values, one workload, one
// thread count (--threads); the repeats of a configuration are its cells. Labels name only the
// knobs that vary within a backend, so a chart reads "lsm writeBufferSize=64MiB" rather than every
// default, the thread count when any cell ran more than one thread ("lsm threads=2"), and, when
// the document's configurations are of more than one durability class, the class: "lsm (process)";
// and inside an emulated TaskManager (--taskmanager-memory) the memory the backend had:
// "heap [task heap 384MiB (1728m TM)]".
// Every chart that compares configurations names them by this label, so none ranks classes (or a
// sum over threads against one thread) side by side unmarked.

import { canonicalJson } from '../../core/canonical-json.js';
import type { CellMemory, CellResult, DurabilityClass, KnobValue, PhaseResult, ResultDocument } from '../../core/result/schema.js';
import { formatCount } from '../../core/units.js';
import { formatKnobValue } from './format.js';
import { memoryLabel } from './memory-label.js';

export type MeasuredCell = Extract<CellResult, { phases: unknown }>;

export interface Configuration {
  /** Stable identity: backend, knobs and workload. */
  readonly key: string;
  readonly backend: string;
  readonly workload: string;
  /** The state size its cells loaded (workload.records), when they name one. */
  readonly records: number | null;
  readonly knobs: Readonly<Record<string, KnobValue | null>>;
  /** The knobs that vary among this backend's cells, with this configuration's values. */
  readonly varying: readonly (readonly [string, KnobValue | null])[];
  /** Worker threads per cell (--threads; absent in the cells: 1). */
  readonly threads: number;
  /** Whether labels name the thread count: some cell of the document ran more than one thread. */
  readonly showsThreads: boolean;
  /** What an acknowledged write survives (docs/durability.md); null when no cell of its backend and knobs says. */
  readonly durabilityClass: DurabilityClass | null;
  /** The memory its backend had in the emulated TaskManager (--taskmanager-memory); null: no TaskManager. */
  readonly memory: CellMemory | null;
  /** Backend, varying knobs, threads (see showsThreads), the class when the document has several, the memory: "lsm writeBufferSize=64MiB threads=2 (process) [managed 512MiB (1728m TM)]". */
  readonly label: string;
  /** The label without the thread count: one line of the threads chart, across thread counts. */
  readonly baseLabel: string;
  /** Every cell of the configuration, whatever its status. */
  readonly cells: readonly CellResult[];
  /** Cells that finished ('ok') with a measured phase: the ones figures come from. */
  readonly ok: readonly MeasuredCell[];
}

/** The phase a cell's headline figures come from: run when there is one, else load. */
export function mainPhase(cell: CellResult): PhaseResult | undefined {
  if (cell.status === 'skipped') return undefined;
  return cell.phases.run ?? cell.phases.load;
}

/** Knob names whose values differ among the cells of each backend. */
export function varyingKnobs(cells: readonly CellResult[]): Map<string, string[]> {
  const seen = new Map<string, Map<string, Set<string>>>();
  for (const cell of cells) {
    let knobs = seen.get(cell.backend);
    if (!knobs) seen.set(cell.backend, (knobs = new Map()));
    for (const [name, value] of Object.entries(cell.knobs)) {
      let values = knobs.get(name);
      if (!values) knobs.set(name, (values = new Set()));
      values.add(canonicalJson(value));
    }
  }
  const result = new Map<string, string[]>();
  for (const [backend, knobs] of seen) {
    result.set(
      backend,
      [...knobs].filter(([, values]) => values.size > 1).map(([name]) => name),
    );
  }
  return result;
}

const knobsKey = (cell: CellResult): string => `${cell.backend}\u0000${canonicalJson(cell.knobs)}`;

/**
 * The class of each backend and knob set, from any of its cells: a cell that died before it
 * reported (out of memory at the largest size) has the class its knobs give at the other sizes.
 */
function durabilityClasses(cells: readonly CellResult[]): Map<string, DurabilityClass> {
  const out = new Map<string, DurabilityClass>();
  for (const cell of cells) if (cell.durabilityClass !== undefined) out.set(knobsKey(cell), cell.durabilityClass);
  return out;
}

/** A cell's worker threads: absent is one (documents from before --threads, one-thread cells). */
const threadsOf = (cell: CellResult): number => cell.threads ?? 1;

export function groupConfigurations(doc: ResultDocument): Configuration[] {
  const varying = varyingKnobs(doc.cells);
  const classes = durabilityClasses(doc.cells);
  const marked = new Set(classes.values()).size > 1;
  const showsThreads = doc.cells.some((c) => threadsOf(c) > 1);
  const byKey = new Map<string, { cells: CellResult[]; first: CellResult }>();
  for (const cell of doc.cells) {
    const key = `${cell.backend}\u0000${canonicalJson(cell.knobs)}\u0000${canonicalJson(cell.workload)}\u0000${threadsOf(cell)}${cell.memory ? `\u0000${cell.memory.taskManager}` : ''}`;
    const group = byKey.get(key);
    if (group) group.cells.push(cell);
    else byKey.set(key, { cells: [cell], first: cell });
  }
  // Two workloads with one name but different state sizes are told apart by the size
  // ("value-state (1M records)"); any other difference gets a numbered label.
  const sizesPerName = new Map<string, Set<unknown>>();
  for (const { first } of byKey.values()) {
    const sizes = sizesPerName.get(first.workload.name) ?? new Set();
    sizes.add(first.workload.records);
    sizesPerName.set(first.workload.name, sizes);
  }
  const workloadLabels = new Map<string, string>();
  const perBase = new Map<string, number>();
  for (const { first } of byKey.values()) {
    const wkey = canonicalJson(first.workload);
    if (workloadLabels.has(wkey)) continue;
    const { name, records } = first.workload;
    const base = (sizesPerName.get(name)?.size ?? 0) > 1 && typeof records === 'number' ? `${name} (${formatCount(records)} records)` : name;
    const n = (perBase.get(base) ?? 0) + 1;
    perBase.set(base, n);
    workloadLabels.set(wkey, n === 1 ? base : `${base} [${n}]`);
  }
  return [...byKey].map(([key, { cells, first }]) => {
    const names = varying.get(first.backend) ?? [];
    const pairs = names.map((name) => [name, first.knobs[name] ?? null] as const);
    const durabilityClass = classes.get(knobsKey(first)) ?? null;
    const threads = threadsOf(first);
    const knobText = [first.backend, ...pairs.map(([k, v]) => `${k}=${formatKnobValue(k, v)}`)];
    const durability = marked && durabilityClass !== null ? ` (${durabilityClass})` : '';
    const memory = first.memory ? ` [${memoryLabel(first.memory)}]` : '';
    const label = [...knobText, ...(showsThreads ? [`threads=${threads}`] : [])].join(' ') + durability + memory;
    return {
      key,
      backend: first.backend,
      workload: workloadLabels.get(canonicalJson(first.workload)) ?? first.workload.name,
      records: typeof first.workload.records === 'number' ? first.workload.records : null,
      knobs: first.knobs,
      varying: pairs,
      threads,
      showsThreads,
      durabilityClass,
      memory: first.memory ?? null,
      label,
      baseLabel: knobText.join(' ') + durability + memory,
      cells,
      ok: cells.filter((c): c is MeasuredCell => c.status === 'ok' && mainPhase(c) !== undefined),
    };
  });
}
