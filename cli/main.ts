// The statebench CLI: yargs with strict parsing; exit codes are the CLI's contract, documented in
// README under `statebench run` (0 ok, 1 regression or failed cells, 2 bad input, 3 internal error).

import { COMMANDS } from './commands.js';
import { buildParser } from './parser.js';
import { EXIT, UsageError } from '../core/errors.js';
import { KnobError } from '../backends/resolve-knobs.js';

function isUsage(err: unknown): err is Error {
  return err instanceof UsageError || err instanceof KnobError;
}

export async function runCli(argv: readonly string[]): Promise<number> {
  const debug = argv.includes('--debug');
  let exitCode: number = EXIT.ok;
  const parser = buildParser(argv, COMMANDS);
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
