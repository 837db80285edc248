// statebench micro: per-operation micro-benchmarks with tinybench, each backend preloaded in its
// own child process; writes results.json (and results.jsonl) into --out; prints the table, or
// the document with --json.

import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { executeMicro } from '../../harness/micro-command/execute.js';
import { MICRO_OPS } from '../../harness/micro/ops.js';
import { resolveMicroOptions, type MicroFlags } from '../../harness/micro-command/options.js';
import { renderMicroTable } from '../../reports/micro-terminal.js';
import { EXIT } from '../../core/errors.js';
import { logLine, printJson, printLine } from '../output.js';

interface Args extends MicroFlags {
  json: boolean;
}

export const microCommand: CommandModule<object, Args> = {
  command: 'micro',
  describe: 'Per-operation micro-benchmarks (tinybench) of each backend, preloaded to --records; writes results.json',
  builder: (y: Argv) =>
    y
      .option('backend', { alias: 'b', type: 'string', array: true, describe: 'Backends (heap, lmdb, lsm; comma lists allowed); default: every available one' })
      .option('ops', { type: 'string', array: true, describe: `Operations (comma lists allowed); default all: ${MICRO_OPS.join(', ')}` })
      .option('records', { alias: 'n', type: 'string', describe: 'Records preloaded before the tasks, at least 100 (default 100000)' })
      .option('time', { type: 'string', describe: 'Time budget per task: milliseconds of timed calls (default 1000; 2s also accepted)' })
      .option('warmup', { type: 'string', describe: 'Warm-up budget per task in milliseconds; 0 for none (default 250)' })
      .option('value-size', { type: 'string', describe: 'Value size in bytes (default 100)' })
      .option('key-size', { type: 'string', describe: 'Encoded key width in bytes for byte-keyed engines (default 16, min 12)' })
      .option('seed', { type: 'string', describe: 'Seed of the key draws and values (default 42)' })
      .option('repeat', { alias: 'r', type: 'string', describe: 'Run every backend N times, each in a new process (compare needs 4 or more; 3 with --method bootstrap)' })
      .option('set', { type: 'string', array: true, describe: 'Knob values: backend.knob=value[,value...]; several values make a sweep' })
      .option('out', { alias: 'o', type: 'string', describe: 'Output directory (default statebench-micro)' })
      .option('data-dir', { type: 'string', describe: 'Where engines keep their data; a fresh subdirectory is made and removed (default: the OS temp dir)' })
      .option('json', { type: 'boolean', default: false, describe: 'Print the result document on stdout (progress stays on stderr)' })
      .example('$0 micro -b heap,lmdb,lsm --records 100000', 'every operation on every backend at 100k records')
      .example('$0 micro -b lsm --ops get-hit,get-miss --set lsm.bloomBitsPerKey=10 --repeat 3', 'point reads with a bloom filter, three repeats') as unknown as Argv<Args>,
  handler: async (argv: ArgumentsCamelCase<Args>) => {
    const options = resolveMicroOptions(argv);
    const outcome = await executeMicro(options, { log: logLine, handleSignals: true });
    if (argv.json) printJson(outcome.document);
    else {
      printLine(renderMicroTable(outcome.document, outcome.states));
      printLine(`\nwrote ${outcome.outDir}/results.json, ${outcome.outDir}/results.jsonl`);
    }
    if (outcome.interrupted) {
      logLine('micro run interrupted: the results hold what was measured');
      process.exitCode = 130;
    } else if (outcome.failedCells > 0) {
      logLine(`${outcome.failedCells} cell(s) failed`);
      process.exitCode = EXIT.failed;
    }
  },
};
