// The CLI's yargs parser with its commands, built without parsing: runCli parses with it, and the
// docs' test (lint/docs-commands.test.ts) parses every command the docs show with handlers that do
// nothing, so a doc that names a flag or command the CLI does not have fails.

import yargs, { type Argv, type CommandModule } from 'yargs';
import { UsageError } from '../core/errors.js';
import { TOOL_VERSION } from '../core/version.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function buildParser(argv: readonly string[], commands: readonly CommandModule<any, any>[]): Argv {
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
  for (const command of commands) parser = parser.command(command);
  return parser;
}
