// The result document, schemaVersion 1: defined once here, exported as a JSON Schema file
// (schema/results.schema.json) by core/result/export-schema.ts.
// Units are in the field names. No NaN, Infinity or bigint anywhere: null and a warning instead.

import { z } from 'zod';

export const SCHEMA_VERSION = 1 as const;

const num = z.number();
const nnum = z.number().nullable();
const count = z.number().int().nonnegative();

export const KnobValueSchema = z.union([z.number(), z.boolean(), z.string()]);
/** A knob value after parsing: sizes and durations are plain numbers in the knob's unit. The one definition (backends/types.ts points here). */
export type KnobValue = z.infer<typeof KnobValueSchema>;
export const KnobsSchema = z.record(z.string(), KnobValueSchema.nullable());

export const LatencyUsSchema = z.object({
  min: nnum,
  mean: nnum,
  p50: nnum,
  p90: nnum,
  p99: nnum,
  p999: nnum,
  p9999: nnum,
  max: nnum,
});

export const OperationResultSchema = z.object({
  count,
  errors: count,
  /** How many of the `count` operations were timed and recorded in the histogram. */
  timed: count,
  latencyUs: LatencyUsSchema,
  /** The HDR histogram (nanoseconds), compressed and base64-encoded, so documents merge losslessly. */
  hdr: z.string().nullable(),
});

export const TimePointSchema = z.object({
  tMs: num,
  opsPerSec: num,
  p50Us: nnum,
  p99Us: nnum,
  p999Us: nnum,
  /**
   * The engine's cheap figures at the interval's end (BackendInstance.sampleStats). A TTL state's
   * figures are under `ttl.<state>.<figure>` (core/result/ttl-series.ts): stored, expired (expired
   * but still stored), sstBytes, filterDrops, cleaned.
   */
  engine: z.record(z.string(), z.union([z.number(), z.boolean()]).nullable()),
});

export const ThreadShareSchema = z.object({
  /** 0-based: the slot this thread ran (its own backend instance and key range). */
  thread: z.number().int().nonnegative(),
  ops: count,
  durationMs: num,
  /** The thread's own throughput over its whole phase. */
  throughputOpsPerSec: nnum,
  /** Its throughput within the common window (what the phase's sum adds up). */
  windowOpsPerSec: nnum,
  p99Us: nnum,
});

/**
 * Input elements and state accesses of a phase whose workload declares its operation kinds
 * (Cell.operationKinds): elements = ops of kinds that begin an element (every op when no kind
 * does), state accesses = ops whose action is not 'none' (core/result/elements.ts).
 */
export const PhaseElementsSchema = z.object({
  count,
  stateAccesses: count,
  /** State accesses per input element; null when no element was counted. */
  accessesPerElement: nnum,
  /** Input elements per second: the phase's throughput x elements / ops. */
  elementsPerSec: nnum,
});

export const PhaseSchema = z.object({
  ops: count,
  durationMs: num,
  throughputOpsPerSec: nnum,
  /** 'every' op timed, or one in `sampleEvery` (sub-microsecond backends). */
  timing: z.object({ mode: z.enum(['every', 'sampled']), sampleEvery: z.number().int().positive() }),
  /** Open loop: the target rate; latencies then count from each operation's intended start. */
  targetRateOpsPerSec: nnum,
  operations: z.record(z.string(), OperationResultSchema),
  timeseries: z.array(TimePointSchema),
  /**
   * --threads N (N > 1): each worker thread's share. The phase's `ops` and `throughputOpsPerSec`
   * are the sum over the threads in their common window (from the last thread's start to the
   * first thread's end), its histograms the merge of theirs. Absent: one thread.
   */
  perThread: z.array(ThreadShareSchema).optional(),
  /** Input elements and state accesses (from the cell's operationKinds); absent in older documents. */
  elements: PhaseElementsSchema.optional(),
});

export const EngineReportSchema = z.object({
  writeAmp: nnum,
  spaceAmp: nnum,
  blockCacheHitRatio: nnum,
  stallMicros: nnum,
  metrics: z.record(z.string(), nnum),
  raw: z.record(z.string(), z.unknown()),
  options: z.record(z.string(), z.string()).optional(),
});

export const ResourcesSchema = z.object({
  rssPeakBytes: nnum,
  /** Resident memory before the engine opened (the harness's own share); absent in documents before it was recorded. */
  rssAtStartBytes: nnum.optional(),
  cpuUserMs: nnum,
  cpuSysMs: nnum,
  gcPauseMs: nnum,
  diskBytes: nnum,
  ioWriteBytes: nnum,
});

export const CheckpointSchema = z.object({
  /** --threads: the slot that took it (each slot checkpoints its own instance); absent: one thread. */
  thread: z.number().int().nonnegative().optional(),
  tMs: num,
  durationMs: num,
  bytes: count,
  files: count,
  incrementalBytes: nnum,
});

/** --checkpoint-interval: reopening the backend from its last checkpoint and checking it. */
export const RestoreSchema = z.object({
  /** The checkpoint restored from, on the run phase's time base (ms since it started). */
  checkpointTMs: num,
  /** Time to open the backend on the checkpoint (the restore itself). */
  openMs: num,
  namespaces: count,
  /** Keys the live state held when the checkpoint was taken, and keys the restored one holds. */
  expectedKeys: count,
  restoredKeys: count,
  /** Namespaces whose key count or content digest differs between the two. */
  mismatchedNamespaces: count,
  ok: z.boolean(),
  /** Time spent reading both states for the check (not part of openMs). */
  checkMs: num,
});

/** --checkpoint-interval: what checkpoints cost the foreground (run phase intervals). */
export const CheckpointCostSchema = z.object({
  count,
  /** Time the loop stood still for checkpoints, in total and the longest one. */
  totalMs: num,
  maxMs: num,
  /** Time-series intervals that overlap a checkpoint, and the others. */
  intervalsDuring: count,
  intervalsOutside: count,
  /** Median over intervals of the interval p99, during checkpoints and outside them. */
  p99DuringUs: nnum,
  p99OutsideUs: nnum,
  opsPerSecDuring: nnum,
  opsPerSecOutside: nnum,
  /** Run throughput with checkpoint time counted as run time (the phase's own leaves it out). */
  throughputWithCheckpointsOpsPerSec: nnum,
});

/** --verify: every value read checked against its key id, version and checksum. */
export const VerifySchema = z.object({
  /** Values read and checked (point reads, scan and list entries). */
  checked: count,
  /** Values that were corrupt, of another key, or of another version than the last write. */
  mismatches: count,
  /** Reads that found nothing where the last write left a value. */
  lost: count,
  firstProblem: z.string().nullable(),
});

export const WorkloadRefSchema = z
  .object({ name: z.string() })
  .catchall(z.union([z.string(), z.number(), z.boolean(), z.null(), z.record(z.string(), z.unknown()), z.array(z.unknown())]));

/** What an acknowledged write survives: none (lost with the process), process (a process kill), machine (power loss). */
export const DurabilityClassSchema = z.enum(['none', 'process', 'machine']);

/**
 * The memory a cell's backend had inside the emulated Flink TaskManager (--taskmanager-memory,
 * docs/taskmanager.md): the TaskManager's process size as given, its slots, and what bounds this
 * backend's state there: the task heap (the heap backend, one JVM heap for all slots) or a slot's
 * managed memory (RocksDB's shared cache and write buffers; lmdb as far as an mmap engine can be
 * bounded), or RocksDB's fixed memory (state.backend.rocksdb.memory.fixed-per-slot or -per-tm). bound null: nothing of the TaskManager bounds it.
 */
const CellMemorySchema = z.object({
  taskManager: z.string(),
  slots: z.number().int().positive(),
  bound: z.object({ kind: z.enum(['task heap', 'managed', 'fixed']), bytes: count }).nullable(),
});

/**
 * One operation kind of the cell's workload, as it declared it (workloads/types.ts OperationKind):
 * the name its histogram has, the backend call it stands for (an Action: get, put, rmw, append,
 * iterate, ttl-dedupe, none ...), whether it writes, the Flink state it touches, and whether it
 * begins an input element. Advice classifies a document's operations from these.
 */
export const OperationKindSchema = z.object({
  name: z.string(),
  action: z.string(),
  writes: z.boolean(),
  state: z.string().optional(),
  element: z.boolean().optional(),
});

const cellCommon = {
  id: z.string(),
  backend: z.string(),
  knobs: KnobsSchema,
  workload: WorkloadRefSchema,
  repeat: z.number().int().nonnegative(),
  seed: z.number().int(),
  startedAt: z.string().nullable(),
  warnings: z.array(z.string()),
  /**
   * What an acknowledged write of this configuration survives, from its backend and knobs
   * (docs/durability.md): none (lost with the process), process (survives a process kill),
   * machine (survives power loss). Absent in older documents and for backends that do not say.
   */
  durabilityClass: DurabilityClassSchema.optional(),
  /**
   * --threads: worker threads in the cell's process, each with its own backend instance and key
   * range (a Flink TaskManager's slots), started together after all loaded and warmed up.
   * Absent: 1 (documents before threads existed, and one-thread cells).
   */
  threads: z.number().int().positive().optional(),
  /** --taskmanager-memory: the memory this backend had in the emulated TaskManager; absent: no TaskManager. */
  memory: CellMemorySchema.optional(),
  /** The workload's operation kinds, in kind order; absent in older documents (advice then reads the names). */
  operationKinds: z.array(OperationKindSchema).optional(),
};

/** One micro-benchmark task (statebench micro): tinybench's statistics, in nanoseconds. */
export const MicroTaskSchema = z.object({
  meanNs: nnum,
  p50Ns: nnum,
  p75Ns: nnum,
  p99Ns: nnum,
  p999Ns: nnum,
  /** Relative margin of error (%) of the mean. */
  rme: nnum,
  samples: count,
  /** Calls per second (1e9 / meanNs); a call of a batch task does `opsPerCall` operations. */
  opsPerSec: nnum,
  /** Backend operations one call performs (batch-put-100: 100); per-operation cost = meanNs / opsPerCall. */
  opsPerCall: z.number().int().positive().optional(),
  /** True when the mean or median is within 1.5x of the null baseline's: at the timer's resolution. */
  atTimerResolution: z.boolean(),
});

const measured = {
  phases: z.object({ load: PhaseSchema.optional(), run: PhaseSchema.optional() }),
  /** statebench micro: per-operation tasks (get-hit, put, scan-10 ...) and the null baseline. */
  micro: z.record(z.string(), MicroTaskSchema).optional(),
  engine: EngineReportSchema.nullable(),
  resources: ResourcesSchema.nullable(),
  checkpoints: z.array(CheckpointSchema),
  checkpointCost: CheckpointCostSchema.optional(),
  restore: RestoreSchema.optional(),
  verify: VerifySchema.optional(),
};

export const CellOkSchema = z.object({ ...cellCommon, status: z.literal('ok'), ...measured });
export const CellErroredSchema = z.object({
  ...cellCommon,
  status: z.literal('errored'),
  error: z.string(),
  ...measured,
});
export const CellInterruptedSchema = z.object({ ...cellCommon, status: z.literal('interrupted'), ...measured });
export const CellSkippedSchema = z.object({ ...cellCommon, status: z.literal('skipped'), reason: z.string() });

export const CellSchema = z.discriminatedUnion('status', [
  CellOkSchema,
  CellErroredSchema,
  CellInterruptedSchema,
  CellSkippedSchema,
]);

export const EnvironmentSchema = z.object({
  os: z.string(),
  kernel: z.string(),
  arch: z.string(),
  cpuModel: z.string(),
  cpuCount: count,
  memoryBytes: count,
  node: z.string(),
  engines: z.record(z.string(), z.string().nullable()),
  dataDir: z.string().nullable(),
  fsType: z.string().nullable(),
  gitCommit: z.string().nullable(),
  hostname: z.string(),
  clock: z.object({ source: z.string(), resolutionNs: nnum, overheadNs: nnum }),
});

export const PlanSchema = z.object({
  backends: z.array(z.string()),
  workloads: z.array(z.string()),
  /**
   * null: each workload's own default (a YCSB file's recordcount, else the preset's); a list when
   * the run swept the state size (--records 100k,1M: one cell per size), a number for one size.
   */
  records: z.union([count, z.array(count).min(2)]).nullable(),
  ops: count.nullable(),
  durationMs: nnum,
  warmupOps: count.nullable(),
  warmupMs: nnum,
  keySize: count,
  /** null: each workload's own default. */
  valueSize: z.string().nullable(),
  distribution: z.string().nullable(),
  seed: z.number().int(),
  repeat: z.number().int().positive(),
  targetRateOpsPerSec: nnum,
  intervalMs: num,
  sets: z.array(z.string()),
  cellCount: count,
  /** --shard i/N: index numbered from 1 (1 ... count), as given on the command line (documents before 2026-12-06 counted from 0). */
  shard: z.object({ index: count, count: z.number().int().positive() }).nullable(),
  /** --flink-conf: the Flink configuration file whose RocksDB settings the lsm cells use. */
  flinkConf: z.string().nullable().optional(),
  /** --memory-budget in bytes: cells that could not fit were skipped; the advice stays within it. */
  memoryBudgetBytes: count.nullable().optional(),
  /** --semantics: flink (no per-write durability; durability from checkpoints) or per-write (each engine's defaults). Absent: per-write. */
  semantics: z.enum(['flink', 'per-write']).optional(),
  /** --threads: the thread counts of the run's cells (one cell per count); absent: 1. */
  threads: z.array(z.number().int().positive()).optional(),
  /** --taskmanager-memory: the emulated TaskManagers (one cell per TaskManager), each its process size (1728m) and slots; absent: none. */
  taskManagers: z.array(z.object({ processSize: z.string(), processBytes: count, slots: z.number().int().positive() })).optional(),
});

export const RecommendationSchema = z.object({
  id: z.string(),
  backend: z.string(),
  cellIds: z.array(z.string()),
  title: z.string(),
  suggestion: z.object({
    knob: z.string().nullable(),
    action: z.string(),
    value: KnobValueSchema.nullable(),
    rationale: z.string(),
    /** Every knob change the suggestion makes (the main knob included), as its verification applied them. */
    changes: z.record(z.string(), KnobValueSchema).optional(),
    /** For a change of backend: the backend to move to. */
    backend: z.string().optional(),
  }),
  evidence: z.array(z.object({ metric: z.string(), value: nnum, chart: z.string().nullable() })),
  verification: z
    .object({
      status: z.enum(['confirmed', 'withdrawn', 'unverified']),
      metric: z.string(),
      changePct: nnum,
      ciLowPct: nnum,
      ciHighPct: nnum,
      repeats: count,
      /** What was run against what, and why a verification was withdrawn or could not run. */
      note: z.string().optional(),
      /** Further measured effects (e.g. stall time), same units as changePct. */
      effects: z.array(z.object({ metric: z.string(), changePct: nnum, ciLowPct: nnum, ciHighPct: nnum })).optional(),
    })
    .nullable(),
  /**
   * Present when the same document refutes the suggestion (its target measured no better there)
   * or a suggestion with stronger evidence for the same configuration contradicts it: the
   * recommendation stays, marked, with the cells and figures that refute it.
   */
  refutedBy: z
    .object({
      reason: z.string(),
      cellIds: z.array(z.string()),
      figures: z.array(z.object({ metric: z.string(), value: nnum })),
    })
    .optional(),
});

/** One configuration's figures at one state size: the median over its repeats that finished. */
export const SizeMeasurementSchema = z.object({
  backend: z.string(),
  /** The backend and the knobs that vary among its cells, e.g. "lsm writeBufferSize=64MiB". */
  configuration: z.string(),
  records: count,
  /** ok: a repeat finished; errored: every repeat errored; over-budget: skipped by --memory-budget. */
  status: z.enum(['ok', 'errored', 'over-budget']),
  cellIds: z.array(z.string()),
  /** Run-phase throughput, median over the repeats that finished. */
  opsPerSec: nnum,
  /** Why no repeat finished (the first repeat's error or skip reason). */
  reason: z.string().nullable(),
});

/** Where heap stops being the fastest backend for a workload as its state grows (--records a list). */
export const CrossoverSchema = z.object({
  /** The smallest measured size at which heap loses; null when heap stays ahead at every size. */
  records: count.nullable(),
  /** slower: another configuration's throughput is higher; errored: heap's cells failed (out of memory); over-budget: heap exceeded --memory-budget. */
  reason: z.enum(['slower', 'errored', 'over-budget']).nullable(),
  /** The two measurements that show it: at `records`, or at the largest size when heap stays ahead. */
  heap: SizeMeasurementSchema,
  /** The fastest other configuration at that size (null: none finished there). */
  other: SizeMeasurementSchema.nullable(),
  /** The size below `records`, where heap was still ahead (null: heap lost at the smallest size). */
  before: z.object({ heap: SizeMeasurementSchema, other: SizeMeasurementSchema.nullable() }).nullable(),
});

/** When a configuration's block cache stops holding the working set: its hit ratio per size. */
export const CacheFalloffSchema = z.object({
  backend: z.string(),
  configuration: z.string(),
  threshold: num,
  /** The smallest size whose hit ratio is below the threshold; null: at or above it at every size. */
  records: count.nullable(),
  /** The median hit ratio per measured size, ascending: the figures behind the finding. */
  points: z.array(z.object({ records: count, hitRatio: num, cellIds: z.array(z.string()) })),
});

/** A workload measured at two or more state sizes: the heap crossover and the block-cache falloff. */
export const ScalingFindingSchema = z.object({
  kind: z.literal('scaling'),
  /** The workload's name, as in its cells. */
  workload: z.string(),
  sizes: z.array(count),
  /** null: no heap cells or no other backend in this workload. */
  crossover: CrossoverSchema.nullable(),
  cacheFalloff: z.array(CacheFalloffSchema),
});

export const FindingSchema = z.discriminatedUnion('kind', [ScalingFindingSchema]);

export const ResultDocumentSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  tool: z.object({ name: z.literal('statebench'), version: z.string() }),
  createdAt: z.string(),
  environment: EnvironmentSchema,
  plan: PlanSchema,
  cells: z.array(CellSchema),
  recommendations: z.array(RecommendationSchema),
  /** What the analysis found across cells (a state-size sweep's crossover); absent in older documents. */
  findings: z.array(FindingSchema).optional(),
  warnings: z.array(z.string()),
});

export type LatencyUs = z.infer<typeof LatencyUsSchema>;
export type MicroTask = z.infer<typeof MicroTaskSchema>;
export type OperationResult = z.infer<typeof OperationResultSchema>;
export type TimePoint = z.infer<typeof TimePointSchema>;
export type OperationKindRecord = z.infer<typeof OperationKindSchema>;
export type PhaseElements = z.infer<typeof PhaseElementsSchema>;
export type PhaseResult = z.infer<typeof PhaseSchema>;
export type ThreadShare = z.infer<typeof ThreadShareSchema>;
export type Resources = z.infer<typeof ResourcesSchema>;
export type CheckpointRecord = z.infer<typeof CheckpointSchema>;
export type RestoreResult = z.infer<typeof RestoreSchema>;
export type CheckpointCost = z.infer<typeof CheckpointCostSchema>;
export type VerifyResult = z.infer<typeof VerifySchema>;
export type WorkloadRef = z.infer<typeof WorkloadRefSchema>;
export type CellResult = z.infer<typeof CellSchema>;
export type DurabilityClass = z.infer<typeof DurabilityClassSchema>;
export type CellMemory = z.infer<typeof CellMemorySchema>;
export type CellOk = z.infer<typeof CellOkSchema>;
export type CellStatus = CellResult['status'];
export type Environment = z.infer<typeof EnvironmentSchema>;
export type Plan = z.infer<typeof PlanSchema>;
export type Recommendation = z.infer<typeof RecommendationSchema>;
export type ResultDocument = z.infer<typeof ResultDocumentSchema>;
export type SizeMeasurement = z.infer<typeof SizeMeasurementSchema>;
export type ScalingFinding = z.infer<typeof ScalingFindingSchema>;
