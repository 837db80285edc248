// tune inside a Flink TaskManager (docs/tuning.md, "Inside a TaskManager"): the TaskManager the
// defaults run in, the slot's bound every candidate is held to, and the managed fractions a Flink
// user could set instead (taskmanager.memory.managed.fraction), each a TaskManager derived as Flink
// derives it, kept only while the task heap stays at or above the floor the user gives. A fraction
// is a tune axis like a knob, under its Flink key; a candidate that sets it runs in that
// TaskManager.

import { backendTraits } from '../../backends/registry.js';
import type { TaskManagerBound } from '../../backends/types.js';
import { UsageError } from '../../core/errors.js';
import { humanReadable } from '../../core/flink/memory-size.js';
import { formatBytes } from '../../core/units.js';
import type { ResolvedRunOptions } from '../../harness/plan/run-options.js';
import type { TaskManagerRun } from '../../harness/plan/taskmanager.js';

/** The Flink key of the managed fraction, the tune axis that moves memory between the task heap and managed memory. */
export const MANAGED_FRACTION = 'taskmanager.memory.managed.fraction';

/** Flink's default managed fraction (TaskManagerOptions.MANAGED_MEMORY_FRACTION). */
const FLINK_DEFAULT_FRACTION = 0.4;

/** The fractions tried around Flink's default. */
const FRACTIONS = [0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8] as const;

export interface FractionChoice {
  readonly fraction: number;
  readonly taskManager: TaskManagerRun;
  /** The whole TaskManager's task heap, and the managed memory of one slot, at this fraction. */
  readonly taskHeapBytes: number;
  readonly managedPerSlotBytes: number;
}

export interface TuneTaskManager {
  /** The TaskManager the defaults run in, as configured. */
  readonly base: TaskManagerRun;
  /** What of it bounds the tuned backend (one slot's managed memory for RocksDB): every candidate is held to it. */
  readonly bound: TaskManagerBound;
  /** The configured fraction (the axis's default), or null when the fraction is no axis. */
  readonly baseFraction: number | null;
  /** The fractions the search may set, the configured one among them; empty when none is searched. */
  readonly fractions: readonly FractionChoice[];
  readonly minTaskHeapBytes: number;
  /** What the search leaves out of the fraction axis, and why. */
  readonly notes: readonly string[];
}

/** Within a kibibyte counts as at the floor: Flink's float fractions miss round sizes by a few bytes (256m is 268435454 at 0.5). */
function belowFloor(taskHeapBytes: number, floorBytes: number): boolean {
  return taskHeapBytes < floorBytes - 1024;
}

/** The run's options for a TaskManager whose Flink configuration has these keys set on top. */
export type ResolveWithConf = (changes: Readonly<Record<string, string>>) => Promise<ResolvedRunOptions>;

function bytesAt(run: ResolvedRunOptions): { tm: TaskManagerRun; taskHeap: number; managedPerSlot: number } {
  const tm = run.taskManagers?.[0] as TaskManagerRun;
  return { tm, taskHeap: tm.memory.heap.taskHeap, managedPerSlot: tm.memory.slot.managedMemory };
}

/**
 * The TaskManager tune searches in, from the run resolved as configured (`run`) and a way to derive
 * others (`resolveWithConf`); null when the run has no TaskManager or none bounds `backend`.
 * `conf`: the --flink-conf file's keys, flattened (its fraction is the axis's default; a fixed
 * managed size or task heap leaves no fraction to move).
 */
export async function tuneTaskManager(
  backend: string,
  run: ResolvedRunOptions,
  conf: ReadonlyMap<string, string>,
  minTaskHeapBytes: number,
  resolveWithConf: ResolveWithConf,
): Promise<TuneTaskManager | null> {
  const base = run.taskManagers?.[0];
  if (!base) return null;
  const bound = backendTraits(backend)?.taskManagerBound?.(base.memory) ?? null;
  if (!bound) return null;
  if (belowFloor(base.memory.heap.taskHeap, minTaskHeapBytes)) {
    throw new UsageError(`--min-task-heap ${humanReadable(minTaskHeapBytes)}: the ${base.processSize} TaskManager as configured leaves its task heap ${humanReadable(base.memory.heap.taskHeap)}; give a floor at or below it, or a larger TaskManager`);
  }
  const notes: string[] = [];
  const fixedBy = ['taskmanager.memory.managed.size', 'taskmanager.memory.size', 'taskmanager.memory.task.heap.size'].find((k) => conf.has(k));
  if (bound.kind !== 'managed' || fixedBy !== undefined || bound.notBounded !== undefined) {
    notes.push(
      bound.kind !== 'managed'
        ? `${MANAGED_FRACTION}: not searched; ${backend}'s memory is fixed by state.backend.rocksdb.memory.fixed-per-slot or -per-tm, not by managed memory`
        : bound.notBounded !== undefined
          ? `${MANAGED_FRACTION}: not searched, and candidates are held to the bound only by what ${backend} reports holding; the bound does not reach the rest (${bound.notBounded})`
          : `${MANAGED_FRACTION}: not searched; the configuration sets ${fixedBy}, which fixes managed memory`,
    );
    return { base, bound, baseFraction: null, fractions: [], minTaskHeapBytes, notes };
  }
  // Flink has already read the file's fraction (the run resolved): a number in [0, 1).
  const given = conf.get(MANAGED_FRACTION);
  const configured = given === undefined ? FLINK_DEFAULT_FRACTION : Number(given);
  const fractions: FractionChoice[] = [];
  const refused: { fraction: number; why: string }[] = [];
  for (const fraction of [...new Set([...FRACTIONS, configured])].sort((a, b) => a - b)) {
    let resolved: ResolvedRunOptions;
    try {
      resolved = fraction === configured ? run : await resolveWithConf({ [MANAGED_FRACTION]: String(fraction) });
    } catch (err) {
      if (!(err instanceof UsageError)) throw err;
      refused.push({ fraction, why: err.message.replace(/^[^:]*: /, '') });
      continue;
    }
    const { tm, taskHeap, managedPerSlot } = bytesAt(resolved);
    if (belowFloor(taskHeap, minTaskHeapBytes)) {
      notes.push(`${MANAGED_FRACTION}: ${fraction} and above left out; they leave the task heap ${humanReadable(taskHeap)}, below --min-task-heap ${humanReadable(minTaskHeapBytes)}`);
      break;
    }
    fractions.push({ fraction, taskManager: tm, taskHeapBytes: taskHeap, managedPerSlotBytes: managedPerSlot });
  }
  if (refused.length > 0) {
    notes.push(`${MANAGED_FRACTION}: ${refused.map((r) => r.fraction).join(', ')} left out; Flink refuses ${refused.length === 1 ? 'it' : 'them'} in the ${base.processSize} TaskManager (at ${refused[0]?.fraction}: ${refused[0]?.why})`);
  }
  return { base, bound, baseFraction: configured, fractions, minTaskHeapBytes, notes };
}

/** What each kind of TaskManager bound is, in words. */
export const BOUND_KIND_TEXT: Readonly<Record<TaskManagerBound['kind'], string>> = {
  managed: 'managed memory per slot',
  fixed: 'fixed RocksDB memory',
  'task heap': 'task heap',
};

/** The TaskManager the search ran in, as tune's result records it. */
export interface TuneTaskManagerSummary {
  readonly processSize: string;
  readonly slots: number;
  readonly bound: { readonly kind: string; readonly bytes: number };
  /** The configured managed fraction, and those the search could set (with the task heap and one slot's managed memory each). */
  readonly baseFraction: number | null;
  readonly fractions: readonly { readonly fraction: number; readonly taskHeapBytes: number; readonly managedPerSlotBytes: number }[];
  readonly minTaskHeapBytes: number;
  readonly notes: readonly string[];
}

export function summariseTaskManager(tm: TuneTaskManager): TuneTaskManagerSummary {
  return {
    processSize: tm.base.processSize,
    slots: tm.base.slots,
    bound: { kind: tm.bound.kind, bytes: tm.bound.bytes },
    baseFraction: tm.baseFraction,
    fractions: tm.fractions.map((f) => ({ fraction: f.fraction, taskHeapBytes: f.taskHeapBytes, managedPerSlotBytes: f.managedPerSlotBytes })),
    minTaskHeapBytes: tm.minTaskHeapBytes,
    notes: tm.notes,
  };
}

/** "the 1728m TaskManager (1 slot; bounded by 512MiB of managed memory per slot)" */
export function describeTuneTaskManager(tm: TuneTaskManager): string {
  return `the ${tm.base.processSize} TaskManager (${tm.base.slots} slot${tm.base.slots === 1 ? '' : 's'}; bounded by ${formatBytes(tm.bound.bytes)} of ${BOUND_KIND_TEXT[tm.bound.kind]})`;
}

/** The TaskManager a candidate runs in: the one of its fraction, else the configured one. */
export function taskManagerOf(tt: TuneTaskManager, fraction: unknown): TaskManagerRun {
  return tt.fractions.find((f) => f.fraction === fraction)?.taskManager ?? tt.base;
}
