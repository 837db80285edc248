// The run command's flags, declared once (core/flags.ts): the yargs options of `statebench run`
// (cli/commands/run.ts), the --config file's schema and the RunFlags type all come from RUN_FLAGS,
// so a flag added here exists in all three. Also the resolution of the flags of sweeps and tuning
// (--memory-budget, --shard, --resume, --verify-advice) into the extra fields of ResolvedRunOptions.

import { configSchemaOf, type FlagSpec, type FlagsOf } from '../../core/flags.js';
import { parseMemoryBudget } from '../budget/parse-budget.js';
import type { ResolvedTuningOptions } from '../plan/run-options.js';
import { parseShard } from '../plan/shard.js';
import { parseCount } from '../../core/parse-values.js';
import { DATA_DIR_FLAG, KEY_SIZE_FLAG, SWEEP_SET_FLAG } from '../plan/shared-flags.js';

export const RUN_FLAGS = {
  backend: { shape: 'list', alias: 'b', describe: 'Backends to run (heap, lmdb, lsm); default: every available one' },
  workload: { shape: 'list', alias: 'w', describe: 'Built-in workload names or workload files; default: ycsb-a value-state' },
  records: { shape: 'scalars', alias: 'n', describe: 'Records loaded before the run phase (default 225000); a list (100k,1M,10M) sweeps the state size, one cell per size' },
  ops: { shape: 'scalar', describe: 'Operations in the run phase (exclusive with --duration)' },
  duration: { shape: 'scalar', alias: 'd', describe: 'Run phase length: 30s, 2m (default 3s when --ops is not given)' },
  valueSize: { shape: 'scalar', describe: "Value size: 100, 4KiB, uniform:10-1000, zipfian:10-1000, histogram:100=0.5,1000=0.5 (default: the workload's own, else 1000)" },
  keySize: KEY_SIZE_FLAG,
  distribution: { shape: 'text', describe: "Request distribution overriding the workload's own (uniform, zipfian, ...)" },
  theta: { shape: 'scalar', describe: 'Zipfian constant (default 0.99)' },
  compressibility: { shape: 'scalar', describe: 'Compressible fraction of each value, 0..1 (default 0.5, as db_bench)' },
  param: { shape: 'list', describe: 'Workload setting name=value (e.g. scanLength=50)' },
  seed: { shape: 'scalar', describe: 'Seed of every generator (default 42); stored in the result' },
  set: SWEEP_SET_FLAG,
  repeat: { shape: 'scalar', alias: 'r', describe: 'Run every cell N times, interleaved in a seeded shuffled order' },
  warmup: { shape: 'scalar', describe: 'Warm-up before the run phase: a duration (500ms, 2s) or ops (10000); 0 for none (default 500ms)' },
  targetRate: { shape: 'scalar', describe: 'Open loop: issue ops at this rate (ops/s), or `trace` for a trace workload\'s own mean rate; latency counts from each intended start' },
  interval: { shape: 'scalar', describe: 'Time-series step (default 1s)' },
  sampleEvery: { shape: 'scalar', describe: 'Time one op in N (a power of two); default: chosen per cell from the op cost measured in the load and warm-up, so timing stays under 1 % of it' },
  maxInFlight: { shape: 'scalar', describe: 'Most operations outstanding at once: writes on async-write backends (lmdb), gets on lsm with lsm.asyncReads (overriding its count)' },
  out: { shape: 'text', alias: 'o', describe: 'Output directory (default statebench-results)' },
  dataDir: DATA_DIR_FLAG,
  keepData: { shape: 'switch', describe: 'Keep the data directories after the run' },
  flinkConf: { shape: 'text', describe: "A Flink configuration: its state.backend.rocksdb.* keys become lsm knobs (Flink's defaults and memory arithmetic)" },
  taskmanagerMemory: { shape: 'text', describe: "Run every cell inside an emulated Flink TaskManager of this process size (1728m, 4g; taskmanager.memory.process.size): the heap backend's state bounded by its task heap, lsm by a slot's managed memory, lmdb as far as an mmap engine can be; a list (1728m,4g) sweeps it, one cell per TaskManager; none: no TaskManager, each engine's own memory defaults (default: the --flink-conf file's sizes, else Flink's stock 1728m under --semantics flink, none under per-write)" },
  sweep: { shape: 'text', describe: 'A knob matrix per backend (JSON or YAML: {lsm: {writeBufferSize: [4MiB, 64MiB]}}); expands like --set lists' },
  memoryBudget: { shape: 'scalar', describe: 'Skip cells whose memory cannot fit (LSM write buffers + block cache, LMDB object cache; heap state measured), e.g. 512MiB' },
  shard: { shape: 'text', describe: "Run shard i of N of the cells, numbered from 1 as vitest and jest number shards (1/4 ... 4/4); auto: from the CI's own variables (GitLab, CircleCI, Buildkite); auto/N: a Kubernetes Indexed Job's index of N; merge the shards with `statebench merge`" },
  resume: { shape: 'text', describe: 'The results.jsonl of a stopped run: cells it finished ok are kept, the rest run' },
  verifyAdvice: { shape: 'switch', describe: 'Verify each recommendation: run its suggestion against the current setting with repeats' },
  verifyRepeats: { shape: 'scalar', describe: 'Repeats per side when verifying advice (default 5)' },
  threads: { shape: 'scalars', describe: "Worker threads per cell, each with its own backend instance and share of the records and ops, started together (a TaskManager's slots); a list (1,2,4) sweeps it, one cell per count (default 1, or the --flink-conf file's taskmanager.numberOfTaskSlots)" },
  checkpointInterval: { shape: 'scalar', describe: 'Checkpoint every T during the run phase (5s), then restore from the last one and check it' },
  recordTrace: { shape: 'text', describe: 'Write the operations the run phase issued to this file as a trace (docs/traces.md), outside the timed stretches; one cell only' },
  verify: { shape: 'switch', describe: 'Values carry key id, version and checksum; every read checks them (mismatches and lost keys counted)' },
  semantics: { shape: 'text', describe: "flink (default): no per-write durability, as Flink runs its state backends (lsm WAL off, lmdb noSync); per-write: each engine's own durable defaults" },
  config: { shape: 'text', describe: 'A JSON file with the same settings (validated, never executed); flags override it', inConfig: false },
} as const satisfies Record<string, FlagSpec>;

/** The run flags as yargs gives them (every value optional; strings where users type units). */
export type RunFlags = FlagsOf<typeof RUN_FLAGS>;

/** A --config file: the same settings as the flags, as JSON. Validated, never executed. */
export const RunConfigSchema = configSchemaOf(RUN_FLAGS);

/** Repeats per side when a recommendation is verified: 5 is the fewest the Mann-Whitney interval needs at 95 %. */
export const DEFAULT_VERIFY_REPEATS = 5;

export function resolveTuningFlags(f: RunFlags): ResolvedTuningOptions {
  return {
    memoryBudgetBytes: parseMemoryBudget(f.memoryBudget),
    shard: parseShard(f.shard),
    resume: f.resume ?? null,
    verifyAdvice: f.verifyAdvice ?? false,
    verifyRepeats: f.verifyRepeats !== undefined ? parseCount('verify-repeats', f.verifyRepeats, { min: 2 }) : DEFAULT_VERIFY_REPEATS,
  };
}
