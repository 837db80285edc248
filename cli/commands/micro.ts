// statebench micro: per-operation micro-benchmarks with tinybench, each backend preloaded in its
// own child process; writes results.json (and results.jsonl) into --out; prints the table, or
// the document with --json.

import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { executeMicro } from '../../harness/micro-command/execute.js';
import { MICRO_FLAGS, resolveMicroOptions, type MicroFlags } from '../../harness/micro-command/options.js';
import { yargsOptionsOf } from '../../core/flags.js';
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
      // Every micro flag, as declared once in harness/micro-command/options.ts.
      .options(yargsOptionsOf(MICRO_FLAGS))
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
