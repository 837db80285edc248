// statebench conformance BACKEND: the Backend contract's points run against one backend,
// built-in or plugin (a path or a package), without a test runner; a table of every point, what
// was expected and what came back for a failure; exit 1 on any failure.

import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { runConformance } from '../../backends/conformance/run.js';
import { loadBackend, backendNames, resolveBackendSpecs } from '../../backends/registry.js';
import { EXIT, UsageError } from '../../core/errors.js';
import { parseSingleSets } from '../../harness/plan/knob-sets.js';
import { printJson, printLine } from '../output.js';

interface Args {
  backend: string;
  set?: string[];
  json: boolean;
}

export const conformanceCommand: CommandModule<object, Args> = {
  command: 'conformance <backend>',
  describe: "Check a backend (built-in, ./module.js or a package) against the Backend contract: every point, pass or fail, and for a failure what was expected and what came back",
  builder: (y: Argv) =>
    y
      .positional('backend', { type: 'string', demandOption: true, describe: 'A built-in backend, a path to a module, or a package name' })
      .option('set', { type: 'string', array: true, describe: 'Knob values for the checks: backend.knob=value' })
      .option('json', { type: 'boolean', default: false, describe: 'Print [{id, title, status, expected?, got?, why?}]' })
      .example('$0 conformance ./examples/sqlite-backend/index.mjs', 'check a plugin backend') as unknown as Argv<Args>,
  handler: async (argv: ArgumentsCamelCase<Args>) => {
    const [name] = await resolveBackendSpecs([String(argv.backend).trim()]);
    const backend = await loadBackend(name as string);
    if (!backend) throw new UsageError(`conformance: unknown backend '${argv.backend}'; known: ${backendNames().join(', ')}, or a path to a module (./store.js) or a package name`);
    const results = await runConformance(backend, { knobs: parseSingleSets(argv.set ?? [], name as string) });
    const failed = results.filter((r) => r.status === 'fail').length;
    if (argv.json) printJson({ backend: name, results });
    else {
      printLine(`conformance of ${name}:`);
      const width = Math.max(...results.map((r) => r.id.length));
      for (const r of results) {
        const detail = r.status === 'fail' ? `: expected ${r.expected}; got ${r.got}` : r.status === 'skip' ? ` (${r.why})` : '';
        printLine(`  ${r.id.padEnd(width)}  ${r.status.toUpperCase().padEnd(4)}  ${r.title}${detail}`);
      }
      printLine(`${results.filter((r) => r.status === 'pass').length} passed, ${failed} failed, ${results.filter((r) => r.status === 'skip').length} skipped`);
    }
    if (failed > 0) process.exitCode = EXIT.failed;
  },
};
