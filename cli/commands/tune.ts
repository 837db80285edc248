// statebench tune: search a backend's knob space for a workload within a memory budget, verify
// the winner against the defaults with repeats, print it as options a user pastes.

import { writeFileSync } from 'node:fs';
import { prepareOutDir } from '../../harness/exec/out-dir.js';
import { join } from 'node:path';
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { parseMemoryBudget } from '../../harness/budget/parse-budget.js';
import { resolveRunOptions } from '../../harness/run-command/resolve-options.js';
import { createProgress } from '../../harness/exec/progress.js';
import { tune } from '../../analysis/tune/tune.js';
import { renderTune } from '../../analysis/tune/tune-report.js';
import { resolveBackendSpecs, tunableBackends } from '../../backends/registry.js';
import { UsageError } from '../../core/errors.js';
import { pickFlags, yargsOptionsOf } from '../../core/flags.js';
import { RUN_FLAGS } from '../../harness/run-command/run-flags.js';
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
  dataDir?: string;
  out?: string;
  warmup?: string;
  param?: string[];
  json: boolean;
}

/** Defaults keep a tune run to a few minutes on two busy cores. */
export const TUNE_DEFAULTS = { trials: 30, records: 100_000, rungMs: 1000, maxRungMs: 1500, eta: 3, verifyRepeats: 8, verifyMs: 5000 } as const;

const TUNE_RUN_FLAGS = pickFlags(RUN_FLAGS, ['memoryBudget', 'records', 'valueSize', 'param', 'seed', 'warmup', 'semantics', 'dataDir'], {
  memoryBudget: 'Only configurations whose write buffers + block cache fit, e.g. 256MiB',
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
      .option('relax-durability', { type: 'boolean', default: false, describe: 'Also search knobs that trade durability for speed (RocksDB WAL off, LMDB noSync/noMetaSync)' })
      .option('out', { alias: 'o', type: 'string', describe: 'Write tune.json (the search and the verification) into this directory' })
      .option('json', { type: 'boolean', default: false, describe: 'Print the result as JSON on stdout' })
      .example('$0 tune -b lsm -w ycsb-a --memory-budget 256MiB', 'find a faster RocksDB configuration for YCSB A within 256 MiB') as unknown as Argv<Args>,
  handler: async (argv: ArgumentsCamelCase<Args>) => {
    // A plugin (a path or a package) loads here and is known by its backend's name from now on.
    const [backend = ''] = await resolveBackendSpecs([argv.backend.trim()]);
    const tunable = tunableBackends();
    if (!tunable.includes(backend)) throw new UsageError(`--backend: tune searches ${tunable.join(' or ')}; got '${backend}'`);
    const sec = (flag: string, v: string | undefined, d: number): number => (v === undefined ? d : parseFlagDuration(flag, v));
    const run = await resolveRunOptions({
      backend: [backend],
      workload: [argv.workload],
      records: argv.records ?? TUNE_DEFAULTS.records,
      ...(argv.valueSize !== undefined ? { valueSize: argv.valueSize } : {}),
      ...(argv.seed !== undefined ? { seed: argv.seed } : {}),
      ...(argv.dataDir !== undefined ? { dataDir: argv.dataDir } : {}),
      ...(argv.param !== undefined ? { param: argv.param } : {}),
      ...(argv.semantics !== undefined ? { semantics: argv.semantics } : {}),
      // tune searches absolute cache and write buffer sizes, which a TaskManager's bound would size in their place.
      taskmanagerMemory: 'none',
      duration: '1s',
    });
    if (Array.isArray(run.records)) throw new UsageError(`--records: tune searches at one state size; got ${run.records.length} (${argv.records}); give one`);
    const progress = createProgress(process.stderr);
    const result = await tune({
      run,
      backend,
      workload: argv.workload,
      trials: argv.trials !== undefined ? parseCount('trials', argv.trials) : TUNE_DEFAULTS.trials,
      warmupOps: argv.warmup !== undefined ? parseCount('warmup', argv.warmup, { min: 0 }) : typeof run.records === 'number' ? run.records : TUNE_DEFAULTS.records,
      memoryBudgetBytes: parseMemoryBudget(argv.memoryBudget),
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
