// The LSM backend: RocksDB through statebench's own addon (backends/lsm/native), every call
// synchronous on the JS thread. Keys are the key codec's fixed-width big-endian bytes; the hot
// path encodes into the codec's scratch buffer, which the addon reads without a key argument.
// Under --threads N each worker thread opens its own instance; with lsm.sharedBlockCache they
// share one block cache (and with lsm.boundedMemory one write buffer manager), keyed by the
// cell's sharedDir (build-options.ts, SlotSharing).

import { existsSync, mkdirSync, readdirSync, rmdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { KeyCodec } from '../key-codec.js';
import type {
  Backend,
  BackendDescription,
  BackgroundWork,
  BackendInstance,
  BatchOp,
  CheckpointInfo,
  EngineReport,
  EngineSample,
  FinalStatsContext,
  ResolvedKnobs,
  ScanEntry,
  SlotContext,
  StateDescriptor,
  StateHandle,
} from '../types.js';
import { sameStateDescriptor } from '../../core/flink/keyed-state.js';
import { familyOptions, openStateKeyspace } from './state-keyspace.js';
import { flushTimerWrites, timerCallMetrics } from '../flink-layout/byte-timer-service.js';
import { sampleTtlFamily } from './ttl-sample.js';
import { writeBatchWith } from './write-batch.js';
import { buildOpenPlan, type OpenPlan, type SlotSharing } from './build-options.js';
import { buildEngineReport, type RunMaxima, SAMPLED_INT_PROPERTIES } from './engine-report.js';
import { LSM_KNOBS } from './knobs.js';
import { LSM_CHECKPOINT_SEMANTICS, lsmDurabilityClass } from './durability.js';
import { ValueSlab } from './value-slab.js';
import { loadNative, type NativeColumnFamily, type NativeDatabase, type NativeFamilyOptions, type NativeOpenOptions } from './native.js';
import { backgroundWorkOf, blockCacheCounters, parseStatistics, type StatisticsSnapshot, subtractBaseline } from './statistics.js';
import { validateLsmKnobs } from './validate-knobs.js';
import { LSM_TRAITS } from './traits.js';
import { AsyncReader } from './async-reads.js';
import { remoteMetrics, remoteOpenOptions, remoteSample } from './remote-store.js';

function describeLsm(): BackendDescription {
  const native = loadNative();
  return {
    name: 'lsm',
    engine: 'RocksDB (statebench addon over the C++ API)',
    version: native.ok ? native.addon.rocksdbVersion : null,
    available: native.ok,
    ...(native.ok ? {} : { reason: native.reason }),
    durable: true,
    knobs: LSM_KNOBS,
  };
}

function dirFiles(dir: string): { name: string; bytes: number }[] {
  return readdirSync(dir).map((name) => ({ name, bytes: statSync(join(dir, name)).size }));
}

export class LsmInstance implements BackendInstance {
  readonly writeMode = 'sync' as const;
  /** 'async' under lsm.asyncReads > 0: the runner keeps gets in flight through getAsync. */
  readonly readMode: 'sync' | 'async';
  private readonly reader: AsyncReader;
  /** getAsyncS bound once: the key is in the codec's scratch buffer. */
  private readonly submitGet = (id: number): void => this.db.getAsyncS(id);
  private readonly codec: KeyCodec;
  private packed: Uint8Array;
  private baseline: StatisticsSnapshot | null = null;
  private readonly maxima: RunMaxima = { l0Files: 0, pendingCompactionBytes: 0, blockCacheUsageBytes: 0 };
  private previousCheckpointSsts = new Set<string>();
  private tracing = false;
  /** A Flink workload's states by name. */
  private readonly states = new Map<string, { readonly descriptor: StateDescriptor; readonly keyspace: StateHandle; readonly family: NativeColumnFamily }>();
  /** The workload's time its TTL states expire by (setStateTime); null: none given. */
  private stateTime: number | null = null;
  private readonly values: ValueSlab;
  /** The addon's putS as a plain function (no unwrap of `db` per call). */
  private readonly putS: (value: Uint8Array) => void;

  constructor(
    readonly db: NativeDatabase,
    private readonly dir: string,
    keySize: number,
    /** What this slot shares with the cell's other slots (lsm.sharedBlockCache), for the report. */
    private readonly sharedMemory: SharedMemoryReport | null = null,
    asyncReads = false,
  ) {
    this.readMode = asyncReads ? 'async' : 'sync';
    this.reader = new AsyncReader(db);
    this.codec = new KeyCodec(keySize);
    this.packed = new Uint8Array(keySize * 64);
    db.setScratch(this.codec.scratch);
    this.values = new ValueSlab(db);
    this.putS = db.hotPath().putS;
  }

  get(key: number, ns = 0): Uint8Array | undefined {
    this.codec.encode(key, ns);
    return this.values.read();
  }

  getAsync(key: number, ns = 0): Promise<Uint8Array | undefined> {
    this.codec.encode(key, ns);
    return this.reader.get(this.submitGet);
  }

  put(key: number, value: Uint8Array, ns = 0): void {
    this.codec.encode(key, ns);
    this.putS(value);
  }

  nativeLoop(op: 'get' | 'put', keys: Float64Array, nss: Uint32Array, values: Uint8Array, valueSize: number): number {
    return this.db.nativeLoop(op, keys, nss, values, valueSize, this.codec.keySize);
  }

  delete(key: number, ns = 0): void {
    this.codec.encode(key, ns);
    this.db.delS();
  }

  multiGet(keys: readonly number[], ns = 0): (Uint8Array | undefined)[] {
    const size = this.codec.keySize;
    if (this.packed.byteLength < keys.length * size) this.packed = new Uint8Array(keys.length * size * 2);
    for (let i = 0; i < keys.length; i++) this.codec.encodeAt(this.packed, i * size, keys[i] as number, ns);
    return this.db.multiGet(this.packed.subarray(0, keys.length * size), size);
  }

  writeBatch(ops: readonly BatchOp[]): void {
    writeBatchWith(this.db, this.db, ops, (op) => this.codec.encode(op.key, op.ns ?? 0));
  }

  /** A Flink state's column family, keys in Flink's layout (state-keyspace.ts). */
  state(d: StateDescriptor): StateHandle {
    const known = this.states.get(d.name);
    if (known !== undefined) {
      if (!sameStateDescriptor(known.descriptor, d)) throw new Error(`lsm: state ${d.name} is open with another descriptor`);
      return known.keyspace;
    }
    const { keyspace, family } = openStateKeyspace(this.db, d, this.reader);
    this.states.set(d.name, { descriptor: d, keyspace, family });
    return keyspace;
  }

  /** The TTL filters' time: the workload's tick (the stamps' unit), between batches. */
  setStateTime(tick: number): void {
    this.stateTime = tick;
    this.db.setTtlTime(tick);
  }

  scan(start: number, limit: number, ns = 0, end?: number): ScanEntry[] {
    const lower = this.codec.encodeNew(start, ns);
    const upper = end !== undefined ? this.codec.encodeNew(end, ns) : this.namespaceEnd(ns);
    const flat = this.db.scan(lower, upper, limit);
    const out: ScanEntry[] = new Array(flat.length / 2);
    for (let i = 0; i < flat.length; i += 2) {
      out[i / 2] = { key: this.codec.decodeKey(flat[i] as Uint8Array), value: flat[i + 1] as Uint8Array };
    }
    return out;
  }

  /** The first key past namespace `ns`. */
  private namespaceEnd(ns: number): Uint8Array {
    if (ns >>> 0 === 0xffff_ffff) return new Uint8Array(this.codec.keySize + 1).fill(0xff);
    return this.codec.encodeNew(0, (ns >>> 0) + 1);
  }

  /** Flink's list state: a merge with the string-append operator (',' between elements). */
  append(key: number, value: Uint8Array, ns = 0): void {
    this.codec.encode(key, ns);
    this.db.mergeS(value);
  }

  sampleStats(): EngineSample {
    const l0 = Number(this.db.property('rocksdb.num-files-at-level0') ?? NaN);
    const out: EngineSample = { l0Files: Number.isFinite(l0) ? l0 : null };
    for (const [name, prop] of Object.entries(SAMPLED_INT_PROPERTIES)) out[name] = this.db.intProperty(prop);
    if (out.isWriteStopped !== null) out.isWriteStopped = out.isWriteStopped === 1;
    if (typeof out.l0Files === 'number') this.maxima.l0Files = Math.max(this.maxima.l0Files, out.l0Files);
    if (typeof out.pendingCompactionBytes === 'number') this.maxima.pendingCompactionBytes = Math.max(this.maxima.pendingCompactionBytes, out.pendingCompactionBytes);
    if (typeof out.blockCacheUsageBytes === 'number') this.maxima.blockCacheUsageBytes = Math.max(this.maxima.blockCacheUsageBytes, out.blockCacheUsageBytes);
    // Cumulative: the harness takes differences (how warm the cache was at the start and end of a phase).
    const cache = blockCacheCounters(this.db.statistics() ?? '');
    out.blockCacheHits = cache?.hits ?? null;
    out.blockCacheMisses = cache?.misses ?? null;
    // lsm.remote: the store's counters, cumulative too (nothing when every file is local).
    Object.assign(out, remoteSample(this.db));
    if (this.stateTime !== null) for (const s of this.states.values()) sampleTtlFamily(s.descriptor, s.family, this.stateTime, out);
    return out;
  }

  /** Tickers and histograms since open, or since the last resetStatistics(). */
  statistics(): StatisticsSnapshot {
    return subtractBaseline(parseStatistics(this.db.statistics() ?? ''), this.baseline);
  }

  resetStatistics(): void {
    this.baseline = parseStatistics(this.db.statistics() ?? '');
  }

  /** Since open (not since resetStatistics): the harness takes differences itself. */
  backgroundWork(): BackgroundWork {
    return {
      ...backgroundWorkOf(parseStatistics(this.db.statistics() ?? '')),
      runningFlushes: this.db.intProperty('rocksdb.num-running-flushes') ?? 0,
      runningCompactions: this.db.intProperty('rocksdb.num-running-compactions') ?? 0,
      compactionPending: (this.db.intProperty('rocksdb.compaction-pending') ?? 0) > 0,
    };
  }

  finalStats(ctx: FinalStatsContext): EngineReport {
    // As lmdb's report does (it settles its writes first): every timer write given to the engine.
    this.flushTimers();
    const report = buildEngineReport(this.db, this.dir, this.statistics(), this.maxima, ctx);
    // The timer queues' own calls: how often they reached RocksDB (Flink's cache spares the seeks).
    Object.assign(report.metrics, timerCallMetrics([...this.states.values()].map((s) => s.keyspace)));
    Object.assign(report.metrics, remoteMetrics(this.db));
    if (this.sharedMemory) {
      report.raw.sharedMemory = this.sharedMemory;
      // What a threaded cell says in its notes (harness/cell/threaded-cell.ts reads raw.slotSharing).
      report.raw.slotSharing = `lsm: ${this.sharedMemory.note}`;
    }
    return report;
  }

  /** The timer queues' writes still in their batches first (Flink flushes its batch before a snapshot). */
  private flushTimers(): void {
    flushTimerWrites([...this.states.values()].map((s) => s.keyspace));
  }

  flush(): void {
    if (!this.db.isClosed()) this.flushTimers();
    this.db.flush();
  }

  compact(): void {
    this.db.compactRange(null, null);
  }

  /** A RocksDB checkpoint: hard links to the live SSTs; incremental = SSTs the last one lacked. */
  checkpoint(dir: string): CheckpointInfo {
    if (this.db.isClosed()) this.db.flush(); // throws the closed error
    this.flushTimers();
    // RocksDB creates the directory itself and refuses an existing one; an empty one is ours.
    if (existsSync(dir) && readdirSync(dir).length === 0) rmdirSync(dir);
    else mkdirSync(join(dir, '..'), { recursive: true });
    this.db.checkpoint(dir, 0);
    const files = dirFiles(dir);
    const ssts = new Set(files.filter((f) => f.name.endsWith('.sst')).map((f) => f.name));
    const incrementalBytes = files.filter((f) => !f.name.endsWith('.sst') || !this.previousCheckpointSsts.has(f.name)).reduce((s, f) => s + f.bytes, 0);
    this.previousCheckpointSsts = ssts;
    return { dir, bytes: files.reduce((s, f) => s + f.bytes, 0), files: files.length, incrementalBytes };
  }

  /** lsm.traceFile: RocksDB traces every query of this instance to `path` until close. */
  startTrace(path: string): void {
    this.db.startTrace(path);
    this.tracing = true;
  }

  close(): void {
    try {
      if (!this.db.isClosed()) this.flushTimers();
      // After the timers' last writes, which the trace then holds.
      if (this.tracing && !this.db.isClosed()) this.db.endTrace();
    } finally {
      this.tracing = false;
      this.db.close();
    }
  }
}

/** The engine report's raw.sharedMemory: what a slot shares with the cell's other slots. */
export interface SharedMemoryReport {
  readonly slots: number;
  /** The shared block cache's key (the cell's sharedDir); null when the options give no cache. */
  readonly blockCacheKey: string | null;
  readonly blockCacheCapacity: number;
  /** db_write_buffer_size for all slots together (0 = no limit), and this slot's share of it. */
  readonly writeBufferBudget: number;
  readonly writeBufferBudgetPerSlot: number | null;
  /** The budget is one write buffer manager the slots draw from, charged to the shared cache (lsm.boundedMemory). */
  readonly sharedWriteBufferManager: boolean;
  readonly note: string;
}

function sharedMemoryReport(sharing: SlotSharing, key: string): SharedMemoryReport {
  const notes = [
    sharing.blockCacheBytes > 0 ? `one LRU block cache of ${sharing.blockCacheBytes} bytes for the ${sharing.slots} slots (the first slot's, as its options built it)` : 'no block cache (nothing to share)',
    sharing.sharedWriteBufferManager
      ? `one write buffer manager of ${sharing.writeBufferBudget} bytes charged to that cache, which the slots' memtables draw from (lsm.boundedMemory)`
      : sharing.writeBufferBudgetPerSlot !== null
        ? `db_write_buffer_size ${sharing.writeBufferBudget} divided statically: ${sharing.writeBufferBudgetPerSlot} per slot (set lsm.boundedMemory for one write buffer manager the slots share)`
        : 'no write buffer budget (db_write_buffer_size 0): each slot\'s memtables as configured',
  ];
  return {
    slots: sharing.slots,
    blockCacheKey: sharing.blockCacheBytes > 0 ? key : null,
    blockCacheCapacity: sharing.blockCacheBytes,
    writeBufferBudget: sharing.writeBufferBudget,
    writeBufferBudgetPerSlot: sharing.writeBufferBudgetPerSlot,
    sharedWriteBufferManager: sharing.sharedWriteBufferManager,
    note: notes.join('; '),
  };
}

/** What the addon builds besides the options string: the bound's cache and write buffer manager, or the slots' shared cache. */
function memoryOpenOptions(plan: OpenPlan, key: string): Pick<NativeOpenOptions, 'memory' | 'sharedCache'> {
  const m = plan.memory;
  if (m !== null) {
    return { memory: { ...(m.shared ? { key } : {}), cacheCapacity: m.cacheCapacity, highPriPoolRatio: m.highPriPoolRatio, writeBufferBytes: m.writeBufferManagerBytes, chargeToCache: true } };
  }
  return plan.sharing !== null && plan.sharing.blockCacheBytes > 0 ? { sharedCache: { key, capacity: plan.sharing.blockCacheBytes } } : {};
}

/** The TTL states' families with their filters, named at open: a reopened checkpoint's family keeps its filter. */
function ttlFamilies(states: readonly StateDescriptor[]): Pick<NativeOpenOptions, 'families'> {
  const families: Record<string, NativeFamilyOptions> = {};
  for (const d of states) {
    const options = familyOptions(d);
    if (options.ttl) families[d.name] = options;
  }
  return Object.keys(families).length > 0 ? { families } : {};
}

/** The key the slots of a cell share their block cache under: their sharedDir, as an absolute path. */
const sharedCacheKey = (slot: SlotContext): string => resolve(slot.sharedDir);

export const lsmBackend: Backend = {
  ...LSM_TRAITS,
  describe: describeLsm,
  open: async (dir, knobs: ResolvedKnobs, ctx) => {
    const native = loadNative();
    if (!native.ok) throw new Error(`lsm backend unavailable: ${native.reason}`);
    const plan = buildOpenPlan(knobs, ctx.slot?.count ?? 1);
    const key = ctx.slot ? sharedCacheKey(ctx.slot) : '';
    mkdirSync(dir, { recursive: true });
    const db = new native.addon.Database(dir, plan.optionsString, {
      disableWAL: !plan.walEnabled,
      sync: plan.syncWrites,
      perfLevel: plan.perfLevel,
      ...memoryOpenOptions(plan, key),
      ...remoteOpenOptions(knobs),
      ...ttlFamilies(ctx.states ?? []),
    });
    const asyncReads = typeof knobs.asyncReads === 'number' && knobs.asyncReads > 0;
    const instance = new LsmInstance(db, dir, ctx.keySize, plan.sharing ? sharedMemoryReport(plan.sharing, key) : null, asyncReads);
    const trace = knobs.traceFile;
    if (typeof trace === 'string' && trace !== '') instance.startTrace(ctx.slot && ctx.slot.count > 1 ? `${trace}.slot${ctx.slot.index}` : trace);
    return instance;
  },
  validateKnobs: validateLsmKnobs,
  durabilityClass: lsmDurabilityClass,
  checkpointSemantics: LSM_CHECKPOINT_SEMANTICS,
};
