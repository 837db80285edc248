// statebench workloads: the built-in workloads with their operations and settings.

import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { listWorkloads } from '../../workloads/catalogue.js';
import { printJson, printLine } from '../output.js';

interface Args {
  json: boolean;
}

export const workloadsCommand: CommandModule<object, Args> = {
  command: 'workloads',
  describe: 'List the built-in workloads (YCSB, db_bench, Flink keyed state)',
  builder: (y: Argv) => y.option('json', { type: 'boolean', default: false, describe: 'Machine-readable output' }) as unknown as Argv<Args>,
  handler: (argv: ArgumentsCamelCase<Args>) => {
    const list = listWorkloads().map((w) => ({
      name: w.name,
      source: w.source,
      description: w.description,
      distribution: w.defaultDistribution,
      operations: w.operations.map((o) => ({ name: o.name, action: o.action })),
      settings: { ...w.extraDefaults },
    }));
    if (argv.json) {
      printJson(list);
      return;
    }
    for (const w of list) {
      printLine(`${w.name.padEnd(18)} ${w.source.padEnd(8)} ${w.description}`);
      const settings = Object.entries(w.settings).map(([k, v]) => `${k}=${String(v)}`).join(' ');
      printLine(`${''.padEnd(28)}ops: ${w.operations.map((o) => o.name).join(', ')}; keys: ${w.distribution}${settings ? `; --param ${settings}` : ''}`);
    }
  },
};
