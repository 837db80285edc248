// The heap backend: state in process memory, values kept as objects or as private byte copies.
// A Flink workload's states each get a table of their own, split by key group as Flink's heap
// keyed state backend splits them (flink-state-table.ts); the instance's own keyspace (the plain
// layout) is one hash table per namespace. Nothing survives close but a checkpoint.

import { BackendClosedError } from '../types.js';
import { sameStateDescriptor } from '../../core/flink/keyed-state.js';
import type {
  Backend,
  BackendDescription,
  BackendInstance,
  BatchOp,
  CheckpointInfo,
  EngineReport,
  EngineSample,
  FinalStatsContext,
  ResolvedKnobs,
  ScanEntry,
  StateDescriptor,
} from '../types.js';
import { FlinkStateTable } from './flink-state-table.js';
import { HeapTimerQueue } from '../heap-timer-queue.js';
import { appendedList } from '../list-append.js';
import { HEAP_KNOBS } from './knobs.js';
import { NamespaceTable } from './namespace-table.js';
import { writeHeapCheckpoint } from './checkpoint.js';
import { readHeapCheckpoint } from './restore.js';
import { readStateSnapshot, writeStateSnapshot } from './state-snapshot.js';
import { HEAP_TRAITS } from './traits.js';
import type { StateClock } from './ttl-cleanup.js';
import { ttlSampleKey } from '../../core/result/ttl-series.js';

/** A TTL state's figures (core/result/ttl-series.ts): a pass over its entries, outside the timed stretches. */
function sampleHeapTtl(table: FlinkStateTable, out: EngineSample): void {
  const ttl = table.ttl;
  if (ttl === null) return;
  let stored = 0;
  let expired = 0;
  for (const [, , v] of table.entries()) {
    stored++;
    if (ttl.expired(v)) expired++;
  }
  const name = table.descriptor.name;
  out[ttlSampleKey(name, 'stored')] = stored;
  out[ttlSampleKey(name, 'expired')] = expired;
  out[ttlSampleKey(name, 'cleaned')] = ttl.cleaned;
}

const DESCRIPTION: BackendDescription = {
  name: 'heap',
  engine: 'JS Map (in-process heap)',
  version: process.versions.v8,
  available: true,
  durable: false,
  subMicrosecond: true,
  knobs: HEAP_KNOBS,
};

class HeapInstance implements BackendInstance {
  readonly writeMode = 'sync' as const;
  private readonly tables = new Map<number, NamespaceTable>();
  /** A Flink workload's states by name. */
  private readonly states = new Map<string, FlinkStateTable | HeapTimerQueue>();
  private closed = false;
  private previousCheckpointBytes = 0;
  private readonly copyValues: boolean;
  private readonly fsyncCheckpoints: boolean;
  /** The workload's time its TTL states expire by (setStateTime). */
  private readonly clock: StateClock = { now: null };

  constructor(knobs: ResolvedKnobs) {
    this.copyValues = knobs.valueMode !== 'object';
    this.fsyncCheckpoints = knobs.checkpointFsync !== false;
  }

  // The last namespace used, and its table: most operations stay in one namespace, and this
  // spares them the outer map lookup.
  private lastNs = -1;
  private lastTable: NamespaceTable | undefined = undefined;

  private find(ns: number): NamespaceTable | undefined {
    if (ns === this.lastNs) return this.lastTable;
    const t = this.tables.get(ns);
    if (t !== undefined) {
      this.lastNs = ns;
      this.lastTable = t;
    }
    return t;
  }

  private table(ns: number): NamespaceTable {
    let t = this.find(ns);
    if (t === undefined) {
      t = new NamespaceTable();
      this.tables.set(ns, t);
      this.lastNs = ns;
      this.lastTable = t;
    }
    return t;
  }

  private check(): void {
    if (this.closed) throw new BackendClosedError('heap');
  }

  private readonly checkOpen = (): void => this.check();

  state(d: StateDescriptor): FlinkStateTable | HeapTimerQueue {
    this.check();
    const known = this.states.get(d.name);
    if (known !== undefined) {
      if (!sameStateDescriptor(known.descriptor, d)) throw new Error(`heap: state ${d.name} is open with another descriptor`);
      return known;
    }
    const table = d.kind === 'timers' ? new HeapTimerQueue(d, this.checkOpen) : new FlinkStateTable(d, this.copyValues, this.checkOpen, this.clock);
    this.states.set(d.name, table);
    return table;
  }

  /** The TTL states' time: the workload's tick, between batches. */
  setStateTime(tick: number): void {
    this.clock.now = tick;
  }

  /** Entries and held value bytes over the plain tables and the Flink states. */
  private census(): { entries: number; valueBytes: number } {
    let entries = 0;
    let valueBytes = 0;
    for (const t of this.tables.values()) {
      entries += t.map.size;
      for (const v of t.map.values()) valueBytes += v.byteLength;
    }
    for (const s of this.states.values()) {
      // Timers hold no value bytes (their snapshot entries' are made for the file).
      if (s instanceof HeapTimerQueue) {
        entries += s.size();
        continue;
      }
      for (const [, , v] of s.entries()) {
        entries++;
        valueBytes += v.byteLength;
      }
    }
    return { entries, valueBytes };
  }

  get(key: number, ns = 0): Uint8Array | undefined {
    this.check();
    return this.find(ns)?.map.get(key);
  }

  put(key: number, value: Uint8Array, ns = 0): void {
    this.check();
    // bytes mode: a private copy, as a serialising backend would hold; object mode: the caller's
    // object by reference, as Flink's heap backend keeps Java objects (mutating it afterwards
    // changes the state, exactly as it does in Flink).
    this.table(ns).set(key, this.copyValues ? value.slice() : value);
  }

  delete(key: number, ns = 0): void {
    this.check();
    this.find(ns)?.delete(key);
  }

  multiGet(keys: readonly number[], ns = 0): (Uint8Array | undefined)[] {
    this.check();
    const map = this.find(ns)?.map;
    const out = new Array<Uint8Array | undefined>(keys.length);
    for (let i = 0; i < keys.length; i++) out[i] = map?.get(keys[i] as number);
    return out;
  }

  writeBatch(ops: readonly BatchOp[]): void {
    this.check();
    // Validate everything first so the batch applies all or nothing.
    for (const op of ops) {
      if (op.type === 'put' && !(op.value instanceof Uint8Array)) {
        throw new TypeError(`heap: write batch put of key ${op.key} has no value`);
      }
    }
    for (const op of ops) {
      if (op.type === 'put') this.put(op.key, op.value as Uint8Array, op.ns ?? 0);
      else this.delete(op.key, op.ns ?? 0);
    }
  }

  scan(start: number, limit: number, ns = 0, end?: number): ScanEntry[] {
    this.check();
    return this.find(ns)?.scan(start, limit, end) ?? [];
  }

  append(key: number, value: Uint8Array, ns = 0): void {
    this.check();
    const table = this.table(ns);
    table.set(key, appendedList(table.map.get(key), value));
  }

  sampleStats(): EngineSample {
    let entries = 0;
    for (const t of this.tables.values()) entries += t.map.size;
    // A Flink state's keys, not its entries: counting entries walks every key (finalStats does).
    let stateKeys = 0;
    for (const s of this.states.values()) stateKeys += s instanceof HeapTimerQueue ? s.size() : s.keyCount();
    const out: EngineSample = { entries, namespaces: this.tables.size, ...(this.states.size > 0 ? { stateKeys } : {}), heapUsedBytes: process.memoryUsage().heapUsed };
    for (const s of this.states.values()) if (s instanceof FlinkStateTable) sampleHeapTtl(s, out);
    return out;
  }

  heldValueBytes(): number {
    return this.census().valueBytes;
  }

  finalStats(ctx: FinalStatsContext): EngineReport {
    const { entries, valueBytes } = this.census();
    const heapUsedBytes = process.memoryUsage().heapUsed;
    return {
      writeAmp: null,
      spaceAmp: null,
      blockCacheHitRatio: null,
      stallMicros: null,
      metrics: {
        entries,
        namespaces: this.tables.size,
        valueBytes,
        heapUsedBytes,
        // Heap bytes per logical byte: how much larger the state is in memory than on the wire.
        memoryAmp: ctx.liveLogicalBytes > 0 ? heapUsedBytes / ctx.liveLogicalBytes : null,
      },
      raw: { valueMode: this.copyValues ? 'bytes' : 'object' },
    };
  }

  /** Restore: one snapshot entry, already a private copy. */
  restoreEntry(ns: number, key: number, value: Uint8Array): void {
    this.table(ns).set(key, value);
  }

  flush(): void {
    this.check();
  }

  compact(): void {
    this.check();
  }

  checkpoint(dir: string): CheckpointInfo {
    this.check();
    const bytes = writeHeapCheckpoint(dir, this.tables, this.fsyncCheckpoints) + writeStateSnapshot(dir, this.states, this.fsyncCheckpoints);
    // A full snapshot every time: the incremental size is the whole state.
    this.previousCheckpointBytes = bytes;
    return { dir, bytes, files: this.states.size > 0 ? 2 : 1, incrementalBytes: this.previousCheckpointBytes };
  }

  close(): void {
    this.closed = true;
    this.tables.clear();
    this.states.clear();
    this.lastNs = -1;
    this.lastTable = undefined;
  }
}

export const heapBackend: Backend = {
  ...HEAP_TRAITS,
  describe: () => DESCRIPTION,
  // Nothing survives close; a directory holding a checkpoint's snapshot is restored from it.
  open: async (dir, knobs) => {
    const instance = new HeapInstance(knobs);
    readHeapCheckpoint(dir, (ns, key, value) => instance.restoreEntry(ns, key, value));
    readStateSnapshot(dir, (d) => instance.state(d));
    return instance;
  },
  // Every write lives in process memory until a checkpoint: no per-write durability to turn off.
  durabilityClass: () => 'none',
};
