// The emulated Flink TaskManager a run's cells run in (--taskmanager-memory, docs/taskmanager.md):
// its memory derived as Flink derives it (core/flink), and what of it bounds each backend's state
// (BackendTraits.taskManagerBound), carried by each planned cell to its child.

import { backendTraits } from '../../backends/registry.js';
import type { TaskManagerBound } from '../../backends/types.js';
import { humanReadable } from '../../core/flink/memory-size.js';
import type { StateBackendMemory } from '../../core/flink/state-backend-memory.js';
import { formatBytes } from '../../core/units.js';
import { canonicalJson } from '../../core/canonical-json.js';
import type { KnobValue } from '../../backends/types.js';
import type { BaseKnobs } from './configurations.js';
import type { CellTaskManager } from '../cell/taskmanager-bound.js';

/** A TaskManager of the run: its memory, the base knobs that memory gives, the reader's warnings. */
export type TaskManagerRun = TaskManagerModel & { readonly warnings: readonly string[]; readonly baseKnobs: BaseKnobs };

export interface TaskManagerModel {
  /** The process size as the user gave it (1728m), or as Flink derived it from the other sizes. */
  readonly processSize: string;
  readonly processBytes: number;
  readonly slots: number;
  /** What each slot's state backend gets. */
  readonly memory: StateBackendMemory;
}

/**
 * The base knobs of the cells in TaskManager `tm` of a run whose TaskManagers are `all`: its own
 * (its memory's bound), with whatever a caller changed in `base` on top of the run's resolved base
 * knobs, which are the first TaskManager's (a verification or tune measuring a knob change).
 */
export function taskManagerBaseKnobs(base: BaseKnobs, tm: TaskManagerRun, all: readonly TaskManagerRun[]): BaseKnobs {
  const resolved = (all[0] as TaskManagerRun).baseKnobs;
  const out: Record<string, Readonly<Record<string, string | KnobValue>>> = { ...tm.baseKnobs };
  for (const [backend, knobs] of Object.entries(base)) {
    const changed = Object.entries(knobs).filter(([k, v]) => canonicalJson(resolved[backend]?.[k] ?? null) !== canonicalJson(v));
    if (changed.length > 0) out[backend] = { ...(out[backend] ?? {}), ...Object.fromEntries(changed) };
  }
  return out;
}

/** What a cell of `backend` carries of the TaskManager to its child. */
export function cellTaskManager(tm: TaskManagerModel, backend: string): CellTaskManager {
  return { processSize: tm.processSize, slots: tm.slots, bound: backendTraits(backend)?.taskManagerBound?.(tm.memory) ?? null };
}

const BOUND_NAMES: Record<TaskManagerBound['kind'], string> = {
  'task heap': 'the task heap (all slots together), checked by the harness at each interval',
  managed: "a slot's managed memory",
  fixed: "RocksDB's fixed memory (state.backend.rocksdb.memory.fixed-per-slot or -per-tm)",
};

/** What `statebench run` says of its TaskManager before the cells: its memory, then each backend's bound. */
export function describeTaskManager(tm: TaskManagerModel, backends: readonly string[]): string[] {
  const s = tm.memory.slot;
  const lines = [
    `TaskManager ${tm.processSize}, ${tm.slots} slot${tm.slots === 1 ? '' : 's'}: task heap ${humanReadable(tm.memory.heap.taskHeap)}, managed ${humanReadable(s.managedMemory)} per slot`,
  ];
  for (const b of backends) {
    const bound = cellTaskManager(tm, b).bound;
    // A bound with a part it cannot reach (an mmap engine's pages) says so, then names that part.
    const by = bound?.notBounded ? 'bounded, as far as it can be, by' : 'bounded by';
    lines.push(`  ${b}: ${bound === null ? 'not bounded by the TaskManager' : `${by} ${BOUND_NAMES[bound.kind]}, ${formatBytes(bound.bytes)}`}`);
    if (bound?.notBounded) lines.push(`    not bounded: ${bound.notBounded}`);
  }
  return lines;
}

/**
 * What a run says when a cell has more threads than its TaskManager has slots: each thread still
 * runs as a slot (its own backend instance), the heap's threads sharing the task heap and each
 * other backend's thread having a slot's memory, so the cell holds more than the TaskManager would.
 */
export function threadsBeyondSlots(tm: TaskManagerModel, threads: readonly number[]): string | null {
  const most = Math.max(...threads);
  if (most <= tm.slots) return null;
  return `--threads ${most}: the ${tm.processSize} TaskManager has ${tm.slots} slot${tm.slots === 1 ? '' : 's'}; each thread runs as a slot of its own, with a slot's memory (the heap backend's threads share the task heap), so a cell holds more than this TaskManager would give it; set taskmanager.numberOfTaskSlots: ${most} in a --flink-conf file to divide the TaskManager among them`;
}
