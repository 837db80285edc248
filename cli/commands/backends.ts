// statebench backends: every backend, its engine and version, availability, and its knobs.

import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { loadAllBackends } from '../../backends/registry.js';
import { describeAccepted } from '../../backends/resolve-knobs.js';
import { formatBytes } from '../../core/units.js';
import type { KnobSpec } from '../../backends/types.js';
import { printJson, printLine } from '../output.js';

interface Args {
  json: boolean;
}

function fmtDefault(k: KnobSpec): string {
  if (k.default === null) return '(engine decides)';
  if (k.type === 'size' && typeof k.default === 'number') return formatBytes(k.default);
  return String(k.default);
}

export const backendsCommand: CommandModule<object, Args> = {
  command: 'backends',
  describe: 'List backends, their availability, knobs and defaults',
  builder: (y: Argv) => y.option('json', { type: 'boolean', default: false, describe: 'Machine-readable output' }) as unknown as Argv<Args>,
  handler: async (argv: ArgumentsCamelCase<Args>) => {
    const descriptions = (await loadAllBackends()).map((b) => b.describe());
    if (argv.json) {
      printJson(descriptions);
      return;
    }
    for (const d of descriptions) {
      const state = d.available ? 'available' : `unavailable: ${d.reason ?? 'unknown reason'}`;
      printLine(`${d.name}  ${d.engine}${d.version ? ` ${d.version}` : ''}  (${state}${d.testOnly ? '; for testing the harness' : ''})`);
      for (const k of d.knobs) {
        printLine(`  ${d.name}.${k.name}  default ${fmtDefault(k)}  [${describeAccepted(k)}]`);
        printLine(`      ${k.help}`);
      }
      printLine('');
    }
  },
};
