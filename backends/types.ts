// The Backend contract: what every state backend offers the harness.
//
// A backend never sees the clock: the runner times its calls. Keys arrive as logical ids
// (a key id and a namespace); each backend encodes them in its natural form and pays for it.
// Expected outcomes (a miss) are values, never exceptions: an exception means the engine failed.

import type { StateBackendMemory } from '../core/flink/state-backend-memory.js';
import type { StateDescriptor } from '../core/flink/keyed-state.js';
import type { DurabilityClass, KnobValue } from '../core/result/schema.js';
import type { BackendTuning, BottleneckKind, KnobRecord, KnobSpec, KnobType, MoveContext, ResolvedKnobs, TuneConfig, TuneMove, TuneRange } from './knob-contract.js';

export type { DurabilityClass, StateDescriptor };

/** A knob value after parsing: the result document's KnobValue, one definition. */
export type { KnobValue };
export type { BackendTuning, BottleneckKind, KnobRecord, KnobSpec, KnobType, MoveContext, ResolvedKnobs, TuneConfig, TuneMove, TuneRange };

export interface BackendDescription {
  readonly name: string;
  /** The engine underneath, e.g. "RocksDB", "LMDB (lmdb-js)", "JS Map". */
  readonly engine: string;
  readonly version: string | null;
  readonly available: boolean;
  /** Why the backend is unavailable (missing library ...). */
  readonly reason?: string;
  /** True when data survives close and reopen of the same directory. */
  readonly durable: boolean;
  /** True when operations take well under a microsecond (heap): the runner times one op in N. */
  readonly subMicrosecond?: boolean;
  /** True for test-only backends (delay): never chosen by default presets. */
  readonly testOnly?: boolean;
  readonly knobs: readonly KnobSpec[];
}

/** What the harness tells a backend when it opens it. */
export interface OpenContext {
  /** Encoded key width in bytes for byte-keyed engines (namespace prefix + key id). */
  readonly keySize: number;
  /** Seed of the cell, for backends that draw random numbers (delay). */
  readonly seed: number;
  /** --threads N: this instance is one slot of N in one process (absent: the cell's only instance). */
  readonly slot?: SlotContext;
  /**
   * The Flink states the workload will ask for (BackendInstance.state), for an engine that must
   * know a state before it opens (RocksDB takes a column family's TTL filter at open, so a
   * checkpoint reopens with it). Absent: none, or the plain layout.
   */
  readonly states?: readonly StateDescriptor[];
}

/**
 * One slot of a cell run by N worker threads in one process, as a Flink TaskManager runs N slots:
 * each opens its own instance on its own `dir` (a subdirectory of `sharedDir`) and keys; what an
 * engine shares among its slots (lsm.sharedBlockCache's cache, lmdb's environment) it keys by
 * `sharedDir`, which is the same for every slot of the cell and unique to it.
 */
export interface SlotContext {
  /** 0-based. */
  readonly index: number;
  readonly count: number;
  readonly sharedDir: string;
}

export interface BatchOp {
  readonly type: 'put' | 'delete';
  readonly key: number;
  readonly ns?: number;
  readonly value?: Uint8Array;
}

export interface ScanEntry {
  readonly key: number;
  readonly value: Uint8Array;
}

/** Engine metrics sampled cheaply once per interval; numbers or flags, null when unknown. */
export type EngineSample = Record<string, number | boolean | null>;

/** What the harness knows when it asks for the final engine report. */
export interface FinalStatsContext {
  /** Logical bytes the workload wrote (keys + values), load and run phases together. */
  readonly userBytesWritten: number;
  /** Logical bytes of the live data set at the end (an estimate from the workload's view). */
  readonly liveLogicalBytes: number;
  /** Bytes the process wrote to storage over the cell (/proc/self/io write_bytes), when known. */
  readonly processWriteBytes: number | null;
}

/** Engine metrics at the end of a cell, from the engine itself. Units in the names. */
export interface EngineReport {
  writeAmp: number | null;
  spaceAmp: number | null;
  blockCacheHitRatio: number | null;
  stallMicros: number | null;
  /** Further engine-specific figures (numbers or null). */
  metrics: Record<string, number | null>;
  /** What the engine reported, as it reported it (statistics tickers, levels, page counts). */
  raw: Record<string, unknown>;
  /** The options the engine actually used (RocksDB: read back from its OPTIONS file). */
  options?: Record<string, string>;
}

export interface CheckpointInfo {
  readonly dir: string;
  readonly bytes: number;
  readonly files: number;
  /** Bytes new since the previous checkpoint, when the engine can tell. */
  readonly incrementalBytes: number | null;
}

/**
 * The data calls on one keyspace: the instance's own (every state of a workload that declares
 * none, keys in the plain layout of key-codec.ts) or one Flink state's (BackendInstance.state).
 */
export interface StateHandle {
  get(key: number, ns?: number): Uint8Array | undefined;
  put(key: number, value: Uint8Array, ns?: number): void;
  delete(key: number, ns?: number): void;
  multiGet(keys: readonly number[], ns?: number): (Uint8Array | undefined)[];
  /** All or nothing. */
  writeBatch(ops: readonly BatchOp[]): void;
  /**
   * Entries of namespace `ns` with key >= start (and < end when given), at most `limit`, in
   * ascending key order; a Flink state's handle gives them in its layout's order (key group
   * first) and, for a map state, the entries of map `ns`.
   */
  scan(start: number, limit: number, ns?: number, end?: number): ScanEntry[];
  /** List-state append: merge where the engine has it, read-modify-write where it does not. */
  append(key: number, value: Uint8Array, ns?: number): void;
  /** Async read path, present when the instance's readMode is 'async': the value, or undefined when the key is missing. */
  getAsync?(key: number, ns?: number): Promise<Uint8Array | undefined>;
  /** Async write path, present when the instance's writeMode is 'async'. Resolves when the write is committed. */
  putAsync?(key: number, value: Uint8Array, ns?: number): Promise<void>;
  deleteAsync?(key: number, ns?: number): Promise<void>;
  /**
   * Bytes of one stored key, for the logical bytes written (a Flink state's key length in its
   * layout, the longest where String namespaces differ in length); absent: the cell's key size
   * (OpenContext.keySize).
   */
  readonly keyBytes?: number;
  /**
   * A 'timers' state's timer service (the actions timer-register, timer-delete, timer-fire);
   * absent on every other handle. A timers state's handle has no entries to get or put: its data
   * methods throw.
   */
  readonly timers?: TimerHandle;
}

/**
 * An event-time timer service's queue of one 'timers' state (Flink's InternalTimerServiceImpl
 * over its eventTimeTimersQueue): a set of timers (key, namespace, timestamp) ordered by
 * timestamp, per key group.
 */
export interface TimerHandle {
  /** registerEventTimeTimer: adds the timer; one the queue already holds is not added again. */
  registerTimer(key: number, ns: number, timestamp: number): void;
  /** deleteEventTimeTimer: removes the timer, if the queue holds it. */
  deleteTimer(key: number, ns: number, timestamp: number): void;
  /**
   * The watermark passed the timer: polls the head of the timer's queue (the key group's on a
   * byte-keyed engine, the one heap on the heap), which must be this timer; throws, naming both,
   * when it is not (the workload and the queue disagree) and then leaves the queue as it was.
   */
  fireTimer(key: number, ns: number, timestamp: number): void;
}

export interface BackendInstance extends StateHandle {
  /** 'async' when writes go through putAsync (lmdb-js batched commits); reads stay synchronous. */
  readonly writeMode: 'sync' | 'async';
  /** 'async' when the runner issues gets through getAsync, several in flight (lsm.asyncReads); absent: 'sync'. */
  readonly readMode?: 'sync' | 'async';

  /**
   * The handle of one Flink state, kept apart from the others as Flink keeps it (lsm: its own
   * column family; lmdb: a named database; heap: a table per state, split by key group), keys
   * in Flink's layout (docs/flink-workloads.md). The same descriptor name gives the same handle
   * (the state's data); the runner asks once per state when it sets a phase up, never per
   * operation. Absent: the backend keeps every state in its one keyspace (the instance is the
   * handle).
   */
  state?(descriptor: StateDescriptor): StateHandle;

  /**
   * The time TTL states' cleanup compares their stamps with, in the workload's ticks (what the
   * stamps hold): the harness calls it between batches, outside timed operations, with the tick of
   * the batch's first op (OpSource.clock). Absent: the backend has no TTL cleanup that needs it.
   */
  setStateTime?(tick: number): void;

  /**
   * For an engine that buffers writes in memory and merges files in the background (an LSM): what
   * it has done since open, cumulative. The harness reads it at the start and end of the run phase
   * to say whether the measured phase flushed and compacted at all.
   */
  backgroundWork?(): BackgroundWork;

  /**
   * For `statebench overhead`'s native baseline: the get or put loop run inside the engine's
   * binding, one engine call per key and no JavaScript per op (keys encoded as get/put encode
   * them; namespaces from `nss`, values from `values`, both indexed by the op modulo their
   * count, a power of two). Returns a sink (the bytes read). Absent: no native baseline.
   */
  nativeLoop?(op: 'get' | 'put', keys: Float64Array, nss: Uint32Array, values: Uint8Array, valueSize: number): number;

  /** Cheap engine metrics, called once per interval outside timed operations. */
  sampleStats(): EngineSample;
  /**
   * The bytes of values it holds in process memory outside the JS heap (ArrayBuffers), counted
   * now: for the task heap check inside a TaskManager (--taskmanager-memory), at interval
   * boundaries outside timed operations. Absent: the harness counts the process's ArrayBuffers.
   */
  heldValueBytes?(): number;
  /** The full engine report at the end of a cell. */
  finalStats(ctx: FinalStatsContext): EngineReport | Promise<EngineReport>;

  flush(): void | Promise<void>;
  compact(): void | Promise<void>;
  checkpoint(dir: string): CheckpointInfo | Promise<CheckpointInfo>;
  close(): void | Promise<void>;
}

/** Cumulative background work of an LSM-like engine since open (BackendInstance.backgroundWork). */
export interface BackgroundWork {
  /** Memory tables written out to files, and the bytes those flushes wrote. */
  readonly flushes: number;
  readonly flushBytes: number;
  /** Compactions finished, and the bytes they wrote. */
  readonly compactions: number;
  readonly compactionBytes: number;
  /** Flushes and compactions running now (started, not finished). */
  readonly runningFlushes: number;
  readonly runningCompactions: number;
  /** The engine wants a compaction it has not started (RocksDB's rocksdb.compaction-pending). */
  readonly compactionPending?: boolean;
  /** CPU time of the compactions finished so far, µs (RocksDB's rocksdb.compaction.times.cpu_micros). */
  readonly compactionCpuMicros?: number;
}

/**
 * How a backend runs under `--semantics flink`: as Flink runs a state backend, with no per-write
 * durability (durability comes from checkpoints).
 */
export interface CheckpointSemantics {
  /** Knob values (as typed on the command line) that turn per-write durability off. */
  readonly knobs: Readonly<Record<string, string>>;
  /**
   * The knobs that decide this backend's durability: when the user sets any of them, the user's
   * durability choice stands and `knobs` are not applied to the backend.
   */
  readonly durabilityKnobs: readonly string[];
}

/** What a backend's knobs let it hold in memory, for --memory-budget (estimateMemory). */
export interface MemoryEstimate {
  /** Bytes the knobs let the engine hold; null when only a measurement can tell (measuredMemory). */
  readonly bytes: number | null;
  /** How the figure was reached, shown in the skip reason. */
  readonly breakdown: string;
}

/** What the harness knows about a planned cell when it asks for its memory estimate. */
export interface MemoryContext {
  /** Records loaded and the mean value size of the workload. */
  readonly records: number;
  readonly meanValueBytes: number;
  readonly keySize: number;
  /** Flink's bound on memory from --flink-conf, given only to the backend that reads it (flinkConf); else null. */
  readonly flinkBudgetBytes: number | null;
  /** Whom Flink's budget is for: one slot (the default) or the whole TaskManager (fixed-per-tm). */
  readonly flinkBudgetScope?: 'slot' | 'taskmanager';
  /** The cell's worker threads, each with its own instance; 1 when absent. */
  readonly threads?: number;
}

/** Memory measured after a cell, from the engine's own report (measuredMemory). */
export interface MeasuredMemory {
  readonly bytes: number;
  /** What was counted, shown in the skip reason. */
  readonly what: string;
}

/** What a crash can lose with a configuration (`statebench durability` prints it per configuration). */
export interface CrashNotes {
  /** What a process kill loses with these knobs (what the durability command measures). */
  readonly processKill: string;
  /** What a machine crash (power loss, kernel panic) would lose on top (the command cannot show it). */
  readonly machineCrash: string;
}

/** Flink's configuration file (--flink-conf) read as this backend's knobs. */
export interface FlinkConfKnobs {
  knobs: Record<string, string>;
  /** Flink's bound on the engine's memory, for one slot or (fixed-per-tm) the whole TaskManager; null when unbounded. */
  memoryBudgetBytes: number | null;
  /** Whom memoryBudgetBytes bounds: 'slot' (fixed-per-slot, managed memory), 'taskmanager' (fixed-per-tm); null with no budget. */
  memoryBudgetScope: 'slot' | 'taskmanager' | null;
  /** taskmanager.numberOfTaskSlots; null when the file does not set it. */
  taskSlots: number | null;
  warnings: string[];
}

/**
 * What bounds a backend's state inside a Flink TaskManager (--taskmanager-memory), as Flink
 * bounds its state backend: the task heap (state on the JVM heap) or the slot's managed memory.
 */
export interface TaskManagerBound {
  /** fixed: RocksDB's state.backend.rocksdb.memory.fixed-per-slot (or -per-tm) instead of managed memory. */
  readonly kind: 'task heap' | 'managed' | 'fixed';
  /** The bound in bytes, for all slots together (the task heap, fixed-per-tm) or for one slot. */
  readonly bytes: number;
  /**
   * True when the engine cannot hold the bound itself and the harness checks the cell's process
   * memory against it (the heap backend's state); false when the engine's knobs enforce it.
   */
  readonly checkedByHarness: boolean;
  /** What of the engine's memory the bound does not reach (an mmap engine's pages), said once per run. */
  readonly notBounded?: string;
}

/** What an engine trace's conversion wrote, and what it left out (one line each). */
export interface EngineTraceConversion {
  readonly ops: number;
  readonly notes: readonly string[];
}

/** A reader of the engine's own query traces (RocksDB's DB::StartTrace files) into statebench's CSV trace format. */
export interface EngineTraceReader {
  /** True when the file is in this engine's trace format (from its first bytes). */
  recognises(path: string): boolean;
  /** Writes the trace as CSV to `csvPath`; `scratchDir` is an empty directory the engine may use, removed by the caller. */
  toCsv(path: string, csvPath: string, scratchDir: string): EngineTraceConversion;
}

/**
 * What the harness, the tuner and the reports ask of a backend besides running it. Every member
 * is optional: a backend (a plugin too) that leaves one out takes no part in what it serves. The
 * built-in backends keep theirs in `backends/<name>/traits.ts`, which the registry reads without
 * loading the engine.
 */
export interface BackendTraits {
  /** Reads the engine's own query traces, so -w and `statebench trace` take them (docs/traces.md). */
  readonly engineTrace?: EngineTraceReader;
  /** The memory its knobs let a cell hold, for --memory-budget (cells that cannot fit are skipped before they run). */
  estimateMemory?(knobs: ResolvedKnobs, ctx: MemoryContext): MemoryEstimate;
  /**
   * Memory only a measurement can tell (the heap's state), from the engine report's metrics at the
   * end of a cell: a cell over --memory-budget becomes skipped with it. null: not measured.
   */
  measuredMemory?(metrics: Readonly<Record<string, number | null>>): MeasuredMemory | null;
  /**
   * What the engine itself reports holding at its peak (RocksDB: its block cache's usage, with the
   * write buffers charged to it, and its table readers), from the engine report's metrics: tune
   * holds each candidate to its TaskManager's bound with it. Absent: measuredMemory stands for it.
   */
  engineMemory?(metrics: Readonly<Record<string, number | null>>): MeasuredMemory | null;
  /** What a process kill and a machine crash lose with these knobs (`statebench durability`). */
  crashNotes?(knobs: ResolvedKnobs): CrashNotes;
  /**
   * True when state survives a process kill only through checkpoints (the heap): the durability
   * writer then takes one every --checkpoint-interval.
   */
  readonly durableThroughCheckpoints?: boolean;
  /** Reads Flink's configuration file (--flink-conf) as this backend's knobs; one backend reads it. */
  flinkConf?(text: string): FlinkConfKnobs;
  /**
   * How a Flink TaskManager of this memory bounds it (--taskmanager-memory); absent: nothing does.
   * Knobs that enforce a managed bound come through `flinkConf`, which the harness hands the
   * TaskManager's managed memory.
   */
  taskManagerBound?(memory: StateBackendMemory): TaskManagerBound | null;
  /**
   * Knobs that bound sizes in their place (lsm: the block cache and the write buffer budget, as
   * Flink ignores state.backend.rocksdb.block.cache-size under managed memory): a --set or --sweep
   * of one inside a TaskManager that bounds this backend is refused rather than lost.
   */
  readonly sizedByTaskManagerBound?: readonly string[];
  /** Its search space for `statebench tune`. */
  readonly tuning?: BackendTuning;
  /**
   * True for the backend keeping state in process memory that a state-size sweep measures the
   * others against: the scaling crossover is where it stops leading (docs/scaling.md).
   */
  readonly scalingReference?: boolean;
  /** Its colour in every chart (#rrggbb); absent: one of the colours left. */
  readonly chartColour?: string;
}

export interface Backend extends BackendTraits {
  describe(): BackendDescription;
  open(dir: string, knobs: ResolvedKnobs, ctx: OpenContext): Promise<BackendInstance>;
  /**
   * What only the engine can check in a knob set (RocksDB parses an options string and an OPTIONS
   * file), checked before any cell starts: throws a KnobError (resolve-knobs.ts; a plugin may throw
   * any Error) naming the knob, the value and what is accepted. The planners call it once per
   * distinct knob set (validateKnobSets).
   */
  validateKnobs?(knobs: ResolvedKnobs): void;
  /**
   * What an acknowledged write survives with these knobs (docs/durability.md): 'none' (lost with
   * the process), 'process' (survives a process kill), 'machine' (survives power loss). Absent: the
   * backend does not say, and its cells carry no class.
   */
  durabilityClass?(knobs: ResolvedKnobs): DurabilityClass;
  /** Absent: the backend has no per-write durability to turn off (the heap), or does not say. */
  readonly checkpointSemantics?: CheckpointSemantics;
}

/** Thrown by an instance used after close(). */
export class BackendClosedError extends Error {
  constructor(backend: string) {
    super(`${backend}: operation on a closed backend`);
    this.name = 'BackendClosedError';
  }
}
