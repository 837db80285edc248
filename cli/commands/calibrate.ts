// statebench calibrate: run one configuration against itself (A/A) --runs times, each with
// --repeat repeats, through the same runner as `statebench run`, and report the noise: the
// smallest change the gate can see at that repeat count, and the repeats a threshold needs.

import { join } from 'node:path';
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { estimateNoise } from '../../analysis/compare/noise.js';
import { parseThresholds } from '../../analysis/compare/thresholds.js';
import type { Method } from '../../analysis/compare/types.js';
import { runAndAdvise } from '../run-pipeline.js';
import { createProgress } from '../../harness/exec/progress.js';
import { resolveRunOptions } from '../../harness/run-command/resolve-options.js';
import { RUN_FLAGS, type RunFlags } from '../../harness/run-command/run-flags.js';
import { pickFlags, yargsOptionsOf } from '../../core/flags.js';
import type { ResultDocument } from '../../core/result/schema.js';
import { noiseToText } from '../../reports/compare/noise-text.js';
import { UsageError } from '../../core/errors.js';
import { logLine, printJson, printLine } from '../output.js';
import { parseCount } from '../../core/parse-values.js';

interface Args extends RunFlags {
  runs: string;
  threshold?: string;
  detect?: string;
  method: string;
  json: boolean;
}

const CALIBRATED_NAMES = ['records', 'ops', 'duration', 'warmup', 'valueSize', 'set', 'param', 'seed', 'dataDir'] as const;
const CALIBRATED_RUN_FLAGS = pickFlags(RUN_FLAGS, CALIBRATED_NAMES, {
  set: 'Knob values backend.knob=value (several values: each configuration is calibrated)',
  seed: 'Seed (the same in every run: only the machine varies)',
});

function parseOnePercent(flag: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const t = parseThresholds([raw], `--${flag}`);
  if (Object.keys(t.bySelector).length > 0) throw new UsageError(`--${flag}: '${raw}' is not valid; expected one percentage such as 5%`);
  return t.defaultPct;
}

export const calibrateCommand: CommandModule<object, Args> = {
  command: 'calibrate',
  describe: 'Run a configuration against itself (A/A) and report the noise: smallest detectable change, repeats needed',
  builder: (y: Argv) =>
    y
      .option('backend', { alias: 'b', type: 'string', array: true, demandOption: true, describe: 'The backend to calibrate' })
      .option('workload', { alias: 'w', type: 'string', array: true, demandOption: true, describe: 'The workload to calibrate' })
      .option('repeat', { alias: 'r', type: 'string', default: '5', describe: 'Repeats per run (as the gate will compare them)' })
      .option('runs', { type: 'string', default: '4', describe: 'A/A runs of the whole configuration (at least 2)' })
      .option('threshold', { alias: 't', type: 'string', describe: 'The gate threshold (default 5%)' })
      .option('detect', { type: 'string', describe: 'The change the gate must catch, for "repeats needed" (default twice the threshold)' })
      .option('method', { type: 'string', default: 'mann-whitney', describe: 'Interval method of the A/A comparisons: mann-whitney, bootstrap' })
      // What calibrate runs, as `statebench run` declares it (harness/run-command/run-flags.ts).
      .options(yargsOptionsOf(CALIBRATED_RUN_FLAGS))
      .option('out', { alias: 'o', type: 'string', default: 'statebench-calibrate', describe: 'Directory for the runs (run-1/results.json ...)' })
      .option('json', { type: 'boolean', default: false, describe: 'Print the noise report as JSON' })
      .example('$0 calibrate -b lsm -w ycsb-a --ops 200000 --repeat 5 --runs 4', 'how small a change can a 5-repeat gate see?') as unknown as Argv<Args>,
  handler: async (argv: ArgumentsCamelCase<Args>) => {
    const runs = parseCount('runs', argv.runs, { min: 2 });
    const repeat = parseCount('repeat', argv.repeat, { min: 2 });
    const thresholdPct = parseOnePercent('threshold', argv.threshold, 5);
    const detectPct = parseOnePercent('detect', argv.detect, 2 * thresholdPct);
    if (detectPct <= thresholdPct) throw new UsageError(`--detect: ${detectPct}% must be larger than the threshold (${thresholdPct}%)`);
    const method = argv.method as Method;
    if (method !== 'mann-whitney' && method !== 'bootstrap') throw new UsageError(`--method: '${argv.method}' is not valid; expected mann-whitney or bootstrap`);
    const flags: RunFlags = {
      backend: argv.backend,
      workload: argv.workload,
      repeat,
      ...Object.fromEntries(CALIBRATED_NAMES.flatMap((name) => (argv[name] !== undefined ? [[name, argv[name]]] : []))),
    };
    const documents: ResultDocument[] = [];
    for (let i = 1; i <= runs; i++) {
      const options = await resolveRunOptions({ ...flags, out: join(argv.out ?? 'statebench-calibrate', `run-${i}`) });
      logLine(`calibrate: A/A run ${i} of ${runs}`);
      const outcome = await runAndAdvise(options, { progress: createProgress(process.stderr), handleSignals: true });
      if (outcome.interrupted) {
        logLine('calibrate interrupted');
        process.exitCode = 130;
        return;
      }
      documents.push(outcome.document);
    }
    const report = estimateNoise(documents, { repeat, thresholdPct, detectPct, method });
    if (argv.json) printJson(report);
    else printLine(noiseToText(report).trimEnd());
  },
};
