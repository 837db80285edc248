// A run's options with every default filled in (the quick default preset), as resolveRunOptions
// makes them from the flags as given (RunFlags, resolve-options.ts).

import type { ResolvedTuningOptions } from './run-flags.js';
import type { Semantics } from './semantics.js';

/** --memory-budget, --shard, --resume, --verify-advice (run-flags.ts); optional so older callers compile. */
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
  /** null: the workload's own default value size. */
  readonly valueSize: string | null;
  readonly keySize: number;
  readonly distribution: string | null;
  readonly theta: number | null;
  readonly compressibility: number | null;
  readonly seed: number;
  readonly sets: readonly string[];
  readonly repeat: number;
  readonly warmupOps: number | null;
  readonly warmupMs: number | null;
  readonly targetRate: number | null;
  readonly intervalMs: number;
  readonly out: string;
  readonly dataDir: string | null;
  readonly keepData: boolean;
  readonly sampleEvery: number | null;
  readonly maxInFlight: number | null;
  readonly workloadSettings: Readonly<Record<string, number | string | boolean>>;
  readonly baseKnobs: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** --flink-conf: the file, the memory budget Flink's arithmetic gives, and mapping warnings. */
  readonly flinkConf: { readonly path: string; readonly memoryBudgetBytes: number | null; readonly warnings: readonly string[] } | null;
  /** --checkpoint-interval (ms), null: no checkpoints; optional so older callers compile. */
  readonly checkpointIntervalMs?: number | null;
  /** --verify: every read checks the value's key id, version and checksum. */
  readonly verify?: boolean;
  /** --semantics: flink (no per-write durability, in baseKnobs) or per-write; absent: per-write. */
  readonly semantics?: Semantics;
}

/** The quick default preset: every available engine on one YCSB mix and one Flink mix, ~30 s. */
export const QUICK_PRESET = {
  workloads: ['ycsb-a', 'value-state'],
  records: 50_000,
  durationMs: 3_000,
  warmupMs: 500,
  valueSize: '100',
  keySize: 16,
  seed: 42,
  intervalMs: 1_000,
  out: 'statebench-results',
  /** Every backend as Flink runs it (durability from checkpoints); --semantics per-write for the engines' own. */
  semantics: 'flink',
} as const;
