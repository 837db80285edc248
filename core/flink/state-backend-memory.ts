// What each slot's state backend gets of a TaskManager's memory (docs/references.md, "Flink's
// TaskManager memory model" and "Flink's RocksDB state backend"):
// - a slot: Flink's default slot profile, the TaskManager's task heap, task off-heap, managed and
//   network memory divided by the slot count (whole bytes, as MemorySize.divide);
// - RocksDB, bounded as RocksDBSharedResourcesFactory.from picks: memory.fixed-per-slot, else the
//   slot's managed memory (memory.managed, on by default) times the state backend's weight share,
//   else memory.fixed-per-tm shared by all slots; of that budget M one LRU cache of (3 - r) x M / 3
//   bytes with a high-priority pool, and a write buffer manager of 2 x M x r / 3 charged to it
//   (RocksDBMemoryControllerUtils, r = write-buffer-ratio);
// - the heap backend: its state lives on the JVM heap, so its bound is the task heap, shared by
//   all slots together.

import { UsageError } from '../errors.js';
import type { FlatConf } from './flat-conf.js';
import { FLINK_MEMORY_SIZE, parseFlinkMemorySize } from './memory-size.js';
import type { TaskManagerMemory } from './taskmanager-memory.js';

const PREFIX = 'state.backend.rocksdb.memory.';

/** A slot's share of the TaskManager (Flink's default slot resource profile), in bytes. */
export interface SlotMemory {
  taskHeap: number;
  taskOffHeap: number;
  managedMemory: number;
  networkMemory: number;
}

export interface RocksDBMemoryBound {
  /** Where the budget comes from, as Flink chooses it. */
  source: 'managed' | 'fixed-per-slot' | 'fixed-per-tm';
  /** One budget per slot, or one for the whole TaskManager (fixed-per-tm). */
  scope: 'slot' | 'taskmanager';
  /** M, in bytes. */
  budget: number;
  writeBufferRatio: number;
  highPriorityPoolRatio: number;
  /** The shared LRU cache: (3 - r) x M / 3. */
  blockCacheCapacity: number;
  /** The write buffer manager, charged to the cache: 2 x M x r / 3. */
  writeBufferManagerCapacity: number;
}

export interface StateBackendMemory {
  numberOfTaskSlots: number;
  slot: SlotMemory;
  /** The state backend's share of a slot's managed memory in a job whose only managed memory consumer is keyed state. */
  stateBackendManagedFraction: number;
  /** Null: RocksDB's memory is not bounded (memory.managed false, no fixed size). */
  rocksdb: RocksDBMemoryBound | null;
  /** The heap backend's bound: the task heap, for all slots together. */
  heap: { taskHeap: number };
}

function refused(key: string, raw: string, accepted: string): never {
  throw new UsageError(`${key}: '${raw}' is not valid; expected ${accepted}`);
}

/** A ratio strictly between 0 and 1 (RocksDBMemoryConfiguration's check). */
function ratio(conf: FlatConf, key: string, fallback: number): number {
  const raw = conf.get(PREFIX + key);
  if (raw === undefined) return fallback;
  const v = raw.trim() === '' ? NaN : Number(raw);
  return v > 0 && v < 1 ? v : refused(PREFIX + key, raw, 'a number between 0 and 1 (exclusive)');
}

function size(conf: FlatConf, key: string): number | null {
  const raw = conf.get(PREFIX + key);
  if (raw === undefined) return null;
  const bytes = parseFlinkMemorySize(raw);
  return bytes !== null && bytes > 0 ? bytes : refused(PREFIX + key, raw, `${FLINK_MEMORY_SIZE}, above 0`);
}

const WEIGHTS_KEY = 'taskmanager.memory.managed.consumer-weights';
const CONSUMERS = ['OPERATOR', 'STATE_BACKEND', 'PYTHON', 'DATAPROC'];

/**
 * The STATE_BACKEND weight of taskmanager.memory.managed.consumer-weights (default
 * OPERATOR:70,STATE_BACKEND:70,PYTHON:30; the legacy DATAPROC stands for it when it is absent),
 * written as "A:1,B:2" or, in config.yaml, as a nested map.
 */
function stateBackendWeight(conf: FlatConf): number {
  const pairs: [string, string][] = [];
  const flat = conf.get(WEIGHTS_KEY);
  if (flat !== undefined) {
    for (const part of flat.split(/[,;]/).filter((p) => p.trim() !== '')) {
      const [k, v] = part.split(':');
      pairs.push([(k ?? '').trim(), (v ?? '').trim()]);
    }
  }
  for (const [key, v] of conf) if (key.startsWith(`${WEIGHTS_KEY}.`)) pairs.push([key.slice(WEIGHTS_KEY.length + 1), v.trim()]);
  if (pairs.length === 0) return 70;
  const weights = new Map<string, number>();
  for (const [k, v] of pairs) {
    const raw = flat ?? v;
    if (!CONSUMERS.includes(k)) refused(WEIGHTS_KEY, raw, `weights of ${CONSUMERS.slice(0, 3).join(', ')} (Flink: "Unknown managed memory consumer: ${k}")`);
    if (!/^\d+$/.test(v)) refused(WEIGHTS_KEY, raw, 'whole, non-negative weights such as OPERATOR:70,STATE_BACKEND:70,PYTHON:30');
    weights.set(k, Number(v));
  }
  return weights.get('STATE_BACKEND') ?? weights.get('DATAPROC') ?? 0;
}

/** What each slot's state backend gets of the TaskManager `tm` that configuration `conf` describes. */
export function stateBackendMemoryPerSlot(conf: FlatConf, tm: TaskManagerMemory): StateBackendMemory {
  const n = tm.numberOfTaskSlots;
  const m = tm.memoryConfiguration;
  const slot: SlotMemory = {
    taskHeap: Math.floor(m.taskHeap / n),
    taskOffHeap: Math.floor(m.taskOffHeap / n),
    managedMemory: Math.floor(m.managedMemory / n),
    networkMemory: Math.floor(m.networkMemory / n),
  };
  // With keyed state the only managed consumer, its share is its weight over its own weight:
  // all of the slot's managed memory, unless the weight is 0 (Flink then reserves none).
  const stateBackendManagedFraction = stateBackendWeight(conf) > 0 ? 1 : 0;

  const writeBufferRatio = ratio(conf, 'write-buffer-ratio', 0.5);
  const highPriorityPoolRatio = ratio(conf, 'high-prio-pool-ratio', 0.1);
  if (writeBufferRatio + highPriorityPoolRatio > 1) {
    refused(`${PREFIX}write-buffer-ratio`, String(writeBufferRatio), `a ratio whose sum with ${PREFIX}high-prio-pool-ratio (${highPriorityPoolRatio}) is at most 1`);
  }
  const managedRaw = conf.get(`${PREFIX}managed`);
  const managed = managedRaw === undefined ? true : /^\s*true\s*$/i.test(managedRaw) ? true : /^\s*false\s*$/i.test(managedRaw) ? false : refused(`${PREFIX}managed`, managedRaw, 'true or false');
  const fixedPerSlot = size(conf, 'fixed-per-slot');
  const fixedPerTm = size(conf, 'fixed-per-tm');

  let bound: Pick<RocksDBMemoryBound, 'source' | 'scope' | 'budget'> | null = null;
  if (fixedPerSlot !== null) bound = { source: 'fixed-per-slot', scope: 'slot', budget: fixedPerSlot };
  else if (managed) {
    if (stateBackendManagedFraction === 0) {
      refused(WEIGHTS_KEY, conf.get(WEIGHTS_KEY) ?? 'STATE_BACKEND:0', `a STATE_BACKEND weight above 0 while ${PREFIX}managed is true (RocksDB would get no managed memory: Flink fails the job, "The fraction of memory to allocate must within (0, 1]")`);
    }
    // MemoryManager.computeMemorySize: floor(slot's managed memory x fraction).
    bound = { source: 'managed', scope: 'slot', budget: Math.floor(slot.managedMemory * stateBackendManagedFraction) };
  } else if (fixedPerTm !== null) bound = { source: 'fixed-per-tm', scope: 'taskmanager', budget: fixedPerTm };

  const rocksdb: RocksDBMemoryBound | null =
    bound === null
      ? null
      : {
          ...bound,
          writeBufferRatio,
          highPriorityPoolRatio,
          // Java: (long) ((3 - r) * M / 3) and (long) (2 * M * r / 3), in double arithmetic.
          blockCacheCapacity: Math.trunc(((3 - writeBufferRatio) * bound.budget) / 3),
          writeBufferManagerCapacity: Math.trunc((2 * bound.budget * writeBufferRatio) / 3),
        };
  return { numberOfTaskSlots: n, slot, stateBackendManagedFraction, rocksdb, heap: { taskHeap: m.taskHeap } };
}
