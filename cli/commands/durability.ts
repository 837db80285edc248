// statebench durability: kill a writing child with SIGKILL at seeded random moments, reopen the
// data, and count acknowledged writes that are gone, per configuration (--set sweeps); the class
// that measures (a loss: none; no loss: at least process) is set against the one each claims.

import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { DURABILITY_FLAGS, resolveDurabilityOptions, type DurabilityFlags } from '../../harness/durability/options.js';
import { yargsOptionsOf } from '../../core/flags.js';
import { runDurability } from '../../harness/durability/run-durability.js';
import { renderDurabilityTable } from '../../harness/durability/table.js';
import { EXIT } from '../../core/errors.js';
import { logLine, printJson, printLine } from '../output.js';

interface Args extends DurabilityFlags {
  json: boolean;
}

export const durabilityCommand: CommandModule<object, Args> = {
  command: 'durability',
  describe: 'Kill a writing process at random moments (SIGKILL), reopen, count acknowledged writes lost per configuration, and check the durability class each claims',
  builder: (y: Argv) =>
    y
      // Every durability flag, as declared once in harness/durability/options.ts.
      .options(yargsOptionsOf(DURABILITY_FLAGS))
      .option('json', { type: 'boolean', default: false, describe: 'Print {configurations: [{backend, knobs, rounds, acknowledged, lost, durabilityClass: {claimed, measured, verdict, text}, ...}]} on stdout' })
      .example('$0 durability -b lsm --set lsm.walEnabled=true,false', 'what turning the WAL off costs in acknowledged writes')
      .example('$0 durability -b lmdb --set lmdb.noSync=false,true --rounds 10', 'lmdb with and without fsync') as unknown as Argv<Args>,
  handler: async (argv: ArgumentsCamelCase<Args>) => {
    const options = await resolveDurabilityOptions(argv);
    const result = await runDurability(options, (line) => logLine(line));
    if (argv.json) printJson(result);
    else printLine(renderDurabilityTable(result));
    if (result.configurations.some((c) => c.errors > 0)) {
      logLine('some rounds failed (see the errors column)');
      process.exitCode = EXIT.failed;
    }
  },
};
