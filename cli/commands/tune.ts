// statebench tune: search a backend's knob space for a workload within a memory budget, verify
// the winner against the defaults with repeats, print it as options a user pastes.

import { readFileSync, writeFileSync } from 'node:fs';
import { prepareOutDir } from '../../harness/exec/out-dir.js';
import { join } from 'node:path';
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { parseMemoryBudget } from '../../harness/budget/parse-budget.js';
import { resolveRunOptions } from '../../harness/run-command/resolve-options.js';
import { createProgress } from '../../harness/exec/progress.js';
import { tune } from '../../analysis/tune/tune.js';
import { tuneTaskManager } from '../../analysis/tune/taskmanager-space.js';
import { flattenFlinkConf } from '../../core/flink/flat-conf.js';
import { FLINK_MEMORY_SIZE, parseFlinkMemorySize } from '../../core/flink/memory-size.js';
import { formatBytes } from '../../core/units.js';
import { renderTune } from '../../analysis/tune/tune-report.js';
import { resolveBackendSpecs, tunableBackends } from '../../backends/registry.js';
import { UsageError } from '../../core/errors.js';
import { pickFlags, yargsOptionsOf } from '../../core/flags.js';
import { RUN_FLAGS, type RunFlags } from '../../harness/run-command/run-flags.js';
import { printJson, printLine } from '../output.js';
import { parseCount, parseFlagDuration } from '../../core/parse-values.js';

interface Args {
  backend: string;
  workload: string;
  memoryBudget?: string;
  trials?: string;
  records?: string;
  valueSize?: string;
  seed?: string;
  rung?: string;
  maxRung?: string;
  verifyRepeats?: string;
  verifyDuration?: string;
  relaxDurability: boolean;
  semantics?: string;
  flinkConf?: string;
  taskmanagerMemory?: string;
  unboundedMemory: boolean;
  minTaskHeap?: string;
  dataDir?: string;
  out?: string;
  warmup?: string;
  param?: string[];
  json: boolean;
}

/** Defaults keep a tune run to a few minutes on two busy cores. */
export const TUNE_DEFAULTS = { trials: 30, records: 100_000, rungMs: 1000, maxRungMs: 1500, eta: 3, verifyRepeats: 8, verifyMs: 5000 } as const;

/** The least task heap a managed fraction may leave (--min-task-heap): half of the stock TaskManager's JVM heap. */
const MIN_TASK_HEAP = '256m';

const TUNE_RUN_FLAGS = pickFlags(RUN_FLAGS, ['memoryBudget', 'records', 'valueSize', 'param', 'seed', 'warmup', 'semantics', 'flinkConf', 'taskmanagerMemory', 'dataDir'], {
  memoryBudget: 'With --unbounded-memory: only configurations whose write buffers + block cache fit, e.g. 256MiB (inside a TaskManager its managed memory is the budget)',
  flinkConf: "A Flink configuration (config.yaml or flink-conf.yaml): the defaults are its settings, inside the TaskManager it sizes; tune searches what a Flink user with managed memory on can set",
  taskmanagerMemory: "The TaskManager tune searches inside (taskmanager.memory.process.size, e.g. 1728m, 4g; default: the --flink-conf file's, else Flink's stock 1728m under --semantics flink); every candidate is held to its slot's managed memory",
  records: `Records loaded per cell (default ${TUNE_DEFAULTS.records})`,
  seed: 'Seed of the workload and of the search (default 42)',
  warmup: 'Warm-up operations before each measured phase, after the load has settled (default: one per record)',
  semantics: "flink (default: no WAL, as Flink runs RocksDB) or per-write (RocksDB's defaults, WAL on): every candidate and the defaults run under it",
});

export const tuneCommand: CommandModule<object, Args> = {
  command: 'tune',
  describe: "Search a backend's knobs for a workload (the defaults' bottlenecks first, then local steps, then samples; each raced against a control), verify the best against the defaults",
  builder: (y: Argv) =>
    y
      .option('backend', { alias: 'b', type: 'string', demandOption: true, describe: 'A backend with a tune space: lsm, lmdb, or a plugin that offers one' })
      .option('workload', { alias: 'w', type: 'string', demandOption: true, describe: 'A built-in workload or a workload file' })
      // The flags tune shares with `statebench run`, declared once there (harness/run-command/run-flags.ts).
      .options(yargsOptionsOf(TUNE_RUN_FLAGS))
      .option('trials', { type: 'string', describe: `Candidate configurations (default ${TUNE_DEFAULTS.trials})` })
      .option('rung', { type: 'string', describe: `Run phase of the first halving rung (default ${TUNE_DEFAULTS.rungMs}ms)` })
      .option('max-rung', { type: 'string', describe: `Longest rung (default ${TUNE_DEFAULTS.maxRungMs}ms)` })
      .option('verify-repeats', { type: 'string', describe: `Repeats of winner and defaults each (default ${TUNE_DEFAULTS.verifyRepeats})` })
      .option('verify-duration', { type: 'string', describe: `Run phase of each verification cell (default ${TUNE_DEFAULTS.verifyMs}ms)` })
      .option('unbounded-memory', { type: 'boolean', default: false, describe: "Search absolute cache and write buffer sizes outside any TaskManager (Flink: state.backend.rocksdb.memory.managed: false, which the output says the risk of)" })
      .option('min-task-heap', { type: 'string', describe: `Inside a TaskManager: the least task heap a managed fraction may leave the job (default ${MIN_TASK_HEAP})` })
      .option('relax-durability', { type: 'boolean', default: false, describe: 'Also search knobs that trade durability for speed (RocksDB WAL off, LMDB noSync/noMetaSync)' })
      .option('out', { alias: 'o', type: 'string', describe: 'Write tune.json (the search and the verification) into this directory' })
      .option('json', { type: 'boolean', default: false, describe: 'Print the result as JSON on stdout' })
      .example('$0 tune -b lsm -w ycsb-b --flink-conf conf/config.yaml', "find a faster RocksDB configuration for YCSB B inside the TaskManager Flink's configuration sizes, managed memory on")
      .example('$0 tune -b lsm -w ycsb-a --unbounded-memory --memory-budget 256MiB', 'absolute sizes within 256 MiB, outside any TaskManager') as unknown as Argv<Args>,
  handler: async (argv: ArgumentsCamelCase<Args>) => {
    // A plugin (a path or a package) loads here and is known by its backend's name from now on.
    const [backend = ''] = await resolveBackendSpecs([argv.backend.trim()]);
    const tunable = tunableBackends();
    if (!tunable.includes(backend)) throw new UsageError(`--backend: tune searches ${tunable.join(' or ')}; got '${backend}'`);
    const sec = (flag: string, v: string | undefined, d: number): number => (v === undefined ? d : parseFlagDuration(flag, v));
    if (argv.unboundedMemory && argv.taskmanagerMemory !== undefined) {
      throw new UsageError(`--unbounded-memory runs outside any TaskManager; --taskmanager-memory ${argv.taskmanagerMemory} puts it inside one: give one of them`);
    }
    const flags: RunFlags = {
      backend: [backend],
      workload: [argv.workload],
      records: argv.records ?? TUNE_DEFAULTS.records,
      ...(argv.valueSize !== undefined ? { valueSize: argv.valueSize } : {}),
      ...(argv.seed !== undefined ? { seed: argv.seed } : {}),
      ...(argv.dataDir !== undefined ? { dataDir: argv.dataDir } : {}),
      ...(argv.param !== undefined ? { param: argv.param } : {}),
      ...(argv.semantics !== undefined ? { semantics: argv.semantics } : {}),
      ...(argv.flinkConf !== undefined ? { flinkConf: argv.flinkConf } : {}),
      // --unbounded-memory: absolute cache and write buffer sizes, which a TaskManager's bound would size in their place.
      ...(argv.unboundedMemory ? { taskmanagerMemory: 'none' } : argv.taskmanagerMemory !== undefined ? { taskmanagerMemory: argv.taskmanagerMemory } : {}),
      duration: '1s',
    };
    const run = await resolveRunOptions(flags);
    if (Array.isArray(run.records)) throw new UsageError(`--records: tune searches at one state size; got ${run.records.length} (${argv.records}); give one`);
    if ((run.taskManagers?.length ?? 0) > 1) throw new UsageError(`--taskmanager-memory: tune searches inside one TaskManager; got ${run.taskManagers?.map((t) => t.processSize).join(', ')}; give one`);
    const minTaskHeap = argv.minTaskHeap ?? MIN_TASK_HEAP;
    const minTaskHeapBytes = parseFlinkMemorySize(minTaskHeap.trim());
    if (minTaskHeapBytes === null) throw new UsageError(`--min-task-heap: '${minTaskHeap}' is not valid; expected ${FLINK_MEMORY_SIZE}`);
    const conf = flattenFlinkConf(argv.flinkConf !== undefined ? readFileSync(argv.flinkConf, 'utf8') : '');
    const taskManager = await tuneTaskManager(backend, run, conf, minTaskHeapBytes, (changes) => resolveRunOptions(flags, changes));
    if (taskManager && argv.memoryBudget !== undefined) {
      throw new UsageError(`--memory-budget: inside the ${taskManager.base.processSize} TaskManager its managed memory is the budget (${formatBytes(taskManager.bound.bytes)} per slot); give --unbounded-memory to search absolute sizes within --memory-budget`);
    }
    // The flags a `statebench run` of the winner takes as tune had them.
    const runFlags = [
      `--records ${typeof run.records === 'number' ? run.records : TUNE_DEFAULTS.records}`,
      ...(argv.valueSize !== undefined ? [`--value-size ${argv.valueSize}`] : []),
      ...(argv.param ?? []).map((x) => `--param ${x}`),
      ...(argv.semantics !== undefined ? [`--semantics ${argv.semantics}`] : []),
      ...(argv.flinkConf !== undefined ? [`--flink-conf ${argv.flinkConf}`] : []),
      // The TaskManager as the user gave it (run's default is tune's: Flink's stock one under --semantics flink).
      ...(argv.unboundedMemory ? ['--taskmanager-memory none'] : argv.taskmanagerMemory !== undefined ? [`--taskmanager-memory ${argv.taskmanagerMemory}`] : []),
    ];
    const progress = createProgress(process.stderr);
    const result = await tune({
      run,
      backend,
      workload: argv.workload,
      trials: argv.trials !== undefined ? parseCount('trials', argv.trials) : TUNE_DEFAULTS.trials,
      warmupOps: argv.warmup !== undefined ? parseCount('warmup', argv.warmup, { min: 0 }) : typeof run.records === 'number' ? run.records : TUNE_DEFAULTS.records,
      memoryBudgetBytes: parseMemoryBudget(argv.memoryBudget),
      taskManager,
      runFlags,
      relaxDurability: argv.relaxDurability,
      rungMs: sec('rung', argv.rung, TUNE_DEFAULTS.rungMs),
      maxRungMs: sec('max-rung', argv.maxRung, TUNE_DEFAULTS.maxRungMs),
      eta: TUNE_DEFAULTS.eta,
      verifyRepeats: argv.verifyRepeats !== undefined ? parseCount('verify-repeats', argv.verifyRepeats, { min: 2 }) : TUNE_DEFAULTS.verifyRepeats,
      verifyMs: sec('verify-duration', argv.verifyDuration, TUNE_DEFAULTS.verifyMs),
      progress,
    });
    if (argv.out) {
      const dir = prepareOutDir(argv.out);
      writeFileSync(join(dir, 'tune.json'), `${JSON.stringify(result, null, 2)}\n`);
    }
    if (argv.json) printJson(result);
    else printLine(renderTune(result));
  },
};
