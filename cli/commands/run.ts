// statebench run: run the cells of a plan and write results.json, results.jsonl (and the
// reports) into --out; print the summary table, or the document with --json.

import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { resolveRunOptions } from '../../harness/run-command/resolve-options.js';
import { yargsOptionsOf } from '../../core/flags.js';
import { RUN_FLAGS, type RunFlags } from '../../harness/run-command/run-flags.js';
import { createProgress } from '../../harness/exec/progress.js';
import { renderTerminalSummary } from '../../reports/terminal.js';
import { writeRunReports } from '../../reports/writer.js';
import { logLine, printJson, printLine } from '../output.js';
import { EXIT } from '../../core/errors.js';
import { verifyRunAdvice } from '../../analysis/tune/verify-run.js';
import { runAndAdvise } from '../run-pipeline.js';

interface Args extends RunFlags {
  json: boolean;
}

export const runCommand: CommandModule<object, Args> = {
  command: 'run',
  describe: 'Run benchmark cells (backend x knobs x workload x repeat) and write results.json, results.jsonl, report.html, summary.md',
  builder: (y: Argv) =>
    y
      // Every run flag, as declared once in harness/run-command/run-flags.ts (the --config schema too).
      .options(yargsOptionsOf(RUN_FLAGS))
      .option('json', { type: 'boolean', default: false, describe: 'Print the result document on stdout (progress stays on stderr)' })
      .example('$0 run', 'the quick default preset: every available backend on ycsb-a and value-state, as Flink runs them')
      .example('$0 run --semantics per-write', 'the same with each engine durable per write, as it is by default')
      .example('$0 run -b lsm --set lsm.writeBufferSize=4MiB,64MiB -w ycsb-a --ops 1e6', 'a two-cell sweep')
      .example('$0 run -b lsm -w ycsb-a --threads 1,2 --set lsm.sharedBlockCache=true', 'one and two slots, the two sharing one block cache') as unknown as Argv<Args>,
  handler: async (argv: ArgumentsCamelCase<Args>) => {
    const options = await resolveRunOptions(argv);
    const measured = await runAndAdvise(options, { progress: createProgress(process.stderr), handleSignals: true });
    const document = measured.interrupted ? measured.document : await verifyRunAdvice(options, measured.document, measured.outDir, createProgress(process.stderr));
    const outcome = { ...measured, document };
    // report.html and summary.md beside results.json (and the GitHub job summary when set).
    const written = await writeRunReports(outcome.document, outcome.outDir);
    if (argv.json) printJson(outcome.document);
    else {
      printLine(renderTerminalSummary(outcome.document));
      printLine(`\nwrote ${[`${outcome.outDir}/results.json`, `${outcome.outDir}/results.jsonl`, ...written].join(', ')}`);
    }
    if (outcome.interrupted) {
      logLine('run interrupted: the results hold what was measured');
      process.exitCode = 130;
    } else if (outcome.failedCells > 0) {
      logLine(`${outcome.failedCells} cell(s) failed`);
      process.exitCode = EXIT.failed;
    }
  },
};
