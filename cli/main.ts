// The statebench CLI: yargs with strict parsing; exit codes are the CLI's contract, documented in
// README under `statebench run` (0 ok, 1 regression or failed cells, 2 bad input, 3 internal error).

import yargs from 'yargs';
import { COMMANDS } from './commands.js';
import { EXIT, UsageError } from '../core/errors.js';
import { KnobError } from '../backends/resolve-knobs.js';
import { TOOL_VERSION } from '../core/version.js';

function isUsage(err: unknown): err is Error {
  return err instanceof UsageError || err instanceof KnobError;
}

export async function runCli(argv: readonly string[]): Promise<number> {
  const debug = argv.includes('--debug');
  let exitCode: number = EXIT.ok;
  let parser = yargs([...argv])
    .scriptName('statebench')
    .usage('$0 <command> [options]\n\nBenchmarks and tunes embedded state backends (heap, LMDB, RocksDB).')
    .option('debug', { type: 'boolean', default: false, describe: 'Show stack traces on errors', global: true })
    .strict()
    .demandCommand(1, 'name a command; `statebench --help` lists them')
    .recommendCommands()
    .version(TOOL_VERSION)
    .help()
    .wrap(Math.min(110, process.stdout.columns ?? 100))
    .fail((msg, err) => {
      // yargs calls this for its own parse errors (msg) and for errors thrown in handlers (err).
      if (err) throw err;
      throw new UsageError(msg);
    });
  for (const command of COMMANDS) parser = parser.command(command);
  try {
    // Handlers report a non-zero outcome (failed cells, a regression) through process.exitCode.
    process.exitCode = 0;
    await parser.parseAsync();
    if (typeof process.exitCode === 'number') exitCode = process.exitCode;
  } catch (err) {
    if (isUsage(err)) {
      process.stderr.write(`statebench: ${firstLine(err.message)}\n`);
      if (debug && err.stack) process.stderr.write(`${err.stack}\n`);
      return EXIT.usage;
    }
    const e = err instanceof Error ? err : new Error(String(err));
    process.stderr.write(`statebench: internal error: ${firstLine(e.message)}${debug ? '' : ' (--debug shows the stack)'}\n`);
    if (debug && e.stack) process.stderr.write(`${e.stack}\n`);
    return EXIT.internal;
  }
  return exitCode;
}

function firstLine(s: string): string {
  const line = s.split('\n').find((l) => l.trim() !== '') ?? s;
  return line.trim();
}
