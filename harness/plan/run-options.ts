// A run's options with every default filled in (the quick default preset), as resolveRunOptions
// makes them from the flags as given (RunFlags, run-command/run-flags.ts and resolve-options.ts).

import type { BaseKnobs } from './configurations.js';
import type { KnobAxes } from './knob-sets.js';
import type { Semantics } from './semantics.js';
import type { ShardSpec } from './shard.js';
import type { TaskManagerRun } from './taskmanager.js';

/** The flags of sweeps and tuning (--memory-budget, --shard, --resume, --verify-advice), resolved. */
export interface ResolvedTuningOptions {
  readonly memoryBudgetBytes: number | null;
  readonly shard: ShardSpec | null;
  readonly resume: string | null;
  readonly verifyAdvice: boolean;
  readonly verifyRepeats: number;
}

/** --memory-budget, --shard, --resume, --verify-advice (run-command/run-flags.ts); optional so older callers compile. */
export interface ResolvedRunOptions extends Partial<ResolvedTuningOptions> {
  readonly backends: readonly string[];
  readonly workloads: readonly string[];
  /**
   * null: the workload's own default (a YCSB file's recordcount), else QUICK_PRESET.records. A
   * list (two or more sizes, --records 100k,1M) is a sweep axis: one cell per size.
   */
  readonly records: number | number[] | null;
  /** Both null: the workload's own operation count (YCSB operationcount), else QUICK_PRESET.durationMs. */
  readonly ops: number | null;
  readonly durationMs: number | null;
  /** null: the workload's own default value size (YCSB's 1000 bytes), else QUICK_PRESET.valueSize. */
  readonly valueSize: string | null;
  readonly keySize: number;
  readonly distribution: string | null;
  readonly theta: number | null;
  readonly compressibility: number | null;
  readonly seed: number;
  /** --set and --sweep as given, for the result document. */
  readonly sets: readonly string[];
  /** The same parsed once into knob axes per backend: what the plan expands. */
  readonly axes: KnobAxes;
  readonly repeat: number;
  readonly warmupOps: number | null;
  readonly warmupMs: number | null;
  /** ops/s, or 'trace': a trace workload's own rate (docs/traces.md). */
  readonly targetRate: number | 'trace' | null;
  readonly intervalMs: number;
  readonly out: string;
  readonly dataDir: string | null;
  readonly keepData: boolean;
  readonly sampleEvery: number | null;
  readonly maxInFlight: number | null;
  readonly workloadSettings: Readonly<Record<string, number | string | boolean>>;
  readonly baseKnobs: BaseKnobs;
  /** --flink-conf: the file, the memory budget Flink's arithmetic gives, and mapping warnings. */
  readonly flinkConf: {
    readonly path: string;
    readonly memoryBudgetBytes: number | null;
    /** Whether that budget bounds each slot or the whole TaskManager (memory.fixed-per-tm). */
    readonly memoryBudgetScope?: 'slot' | 'taskmanager' | null;
    readonly warnings: readonly string[];
  } | null;
  /**
   * --taskmanager-memory (or the --flink-conf file's sizes): the emulated TaskManagers the cells run
   * in, ascending (two or more are a sweep axis), each with the base knobs its memory gives and the
   * Flink configuration reader's warnings when no file was given; empty or absent: none.
   */
  readonly taskManagers?: readonly TaskManagerRun[];
  /** --checkpoint-interval (ms), null: no checkpoints; optional so older callers compile. */
  readonly checkpointIntervalMs?: number | null;
  /** --verify: every read checks the value's key id, version and checksum. */
  readonly verify?: boolean;
  /** Engine traces given as workloads, converted to CSV traces: one line each (shown with the plan's warnings). */
  readonly engineTraceNotes?: readonly string[];
  /** --record-trace: the file the one cell's run phase is written to as a trace; absent or null: none. */
  readonly recordTrace?: string | null;
  /**
   * --threads: worker threads per cell, ascending; two or more counts are a sweep axis. Absent:
   * [1] (optional so older callers compile).
   */
  readonly threads?: readonly number[];
  /** --semantics: flink (no per-write durability, in baseKnobs) or per-write; absent: per-write. */
  readonly semantics?: Semantics;
}

/**
 * The quick default preset: every available engine on one YCSB mix and one Flink mix, under a
 * minute on 2 cores. Sized so that the LSM works as an LSM in it: 225,000 records of 1000 bytes
 * are about 4x RocksDB's 64 MiB write buffer, so its cells flush and compact while they are
 * measured (each cell says so, docs/durability.md) with RocksDB's defaults untouched.
 */
export const QUICK_PRESET = {
  workloads: ['ycsb-a', 'value-state'],
  records: 225_000,
  durationMs: 3_000,
  warmupMs: 500,
  /** For workloads without a value size of their own (YCSB's records are 1000 bytes already). */
  valueSize: '1000',
  keySize: 16,
  seed: 42,
  intervalMs: 1_000,
  out: 'statebench-results',
  /** Every backend as Flink runs it (durability from checkpoints); --semantics per-write for the engines' own. */
  semantics: 'flink',
} as const;
