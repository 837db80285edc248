// statebench overhead: the runner's throughput against a raw loop on the same backend.

import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { loadBackend, backendNames, resolveBackendSpecs } from '../../backends/registry.js';
import { measureOverhead } from '../../harness/overhead/measure.js';
import { parseSingleSets } from '../../harness/plan/knob-sets.js';
import { UsageError } from '../../core/errors.js';
import { parseCount } from '../../core/parse-values.js';
import { printJson, printLine } from '../output.js';
import { renderTable } from '../../reports/terminal.js';
import { formatWhole } from '../../core/numbers.js';

interface Args {
  backend: string;
  records?: string;
  ops?: string;
  rounds?: string;
  warmupRounds?: string;
  set?: string[];
  dataDir?: string;
  native: boolean;
  untimed: boolean;
  flush: boolean;
  json: boolean;
}

export const overheadCommand: CommandModule<object, Args> = {
  command: 'overhead',
  describe: "Measure the harness's throughput against a raw loop on the same backend (get and put)",
  builder: (y: Argv) =>
    y
      .option('backend', { alias: 'b', type: 'string', demandOption: true, describe: 'Backend to measure' })
      .option('records', { type: 'string', describe: 'Records loaded first (default 100000)' })
      .option('ops', { type: 'string', describe: 'Operations per loop (default 1000000; 200000 for engines)' })
      .option('rounds', { type: 'string', describe: 'Measured rounds, each one raw loop and one through the runner, the first of the two alternating; medians are compared (default 6)' })
      .option('warmup-rounds', { type: 'string', describe: 'Rounds run first and left out (default 2)' })
      .option('set', { type: 'string', array: true, describe: 'Knob values for the backend: backend.knob=value' })
      .option('data-dir', { type: 'string', describe: 'Parent directory of the temporary data directory' })
      .option('native', { type: 'boolean', default: false, describe: 'Also run the same loops inside the engine\'s binding (lsm: C++ in the addon, no JavaScript per op), rotating with the other two' })
      .option('flush', { type: 'boolean', default: true, describe: 'Flush the loaded records before the loops (default); --no-flush leaves them where the load put them (an LSM: its memtable)' })
      .option('untimed', { type: 'boolean', default: false, describe: 'Also run the runner with timing off, rotating with the other loops: splits its cost into its loop (untimed / raw) and its timing (harness / untimed)' })
      .option('json', { type: 'boolean', default: false, describe: 'Print {backend, results: [{op, rawOpsPerSec, harnessOpsPerSec, ratio}]} (with --native also nativeOpsPerSec, rawToNative)' }) as unknown as Argv<Args>,
  handler: async (argv: ArgumentsCamelCase<Args>) => {
    const [name] = await resolveBackendSpecs([argv.backend.trim()]);
    const backend = await loadBackend(name as string);
    if (!backend) throw new UsageError(`--backend: unknown backend '${argv.backend}'; known: ${backendNames().join(', ')}`);
    const desc = backend.describe();
    if (!desc.available) throw new UsageError(`--backend ${desc.name}: unavailable on this machine (${desc.reason ?? 'no reason given'})`);
    const knobs = parseSingleSets(argv.set ?? [], desc.name);
    const results = await measureOverhead(backend, {
      records: argv.records ? parseCount('records', argv.records) : 100_000,
      ops: argv.ops ? parseCount('ops', argv.ops) : desc.subMicrosecond ? 1_000_000 : 200_000,
      rounds: argv.rounds ? parseCount('rounds', argv.rounds) : 6,
      warmupRounds: argv.warmupRounds !== undefined ? parseCount('warmup-rounds', argv.warmupRounds, { min: 0 }) : 2,
      valueSize: 100,
      keySize: 16,
      knobs,
      native: argv.native,
      untimed: argv.untimed,
      flush: argv.flush,
      ...(argv.dataDir ? { dataDir: argv.dataDir } : {}),
    });
    if (argv.json) {
      printJson({
        backend: desc.name,
        results: results.map(({ op, rawOpsPerSec, harnessOpsPerSec, ratio, nativeOpsPerSec, rawToNative, untimedOpsPerSec, untimedToRaw }) => ({
          op,
          rawOpsPerSec,
          harnessOpsPerSec,
          ratio,
          ...(argv.native ? { nativeOpsPerSec, rawToNative } : {}),
          ...(argv.untimed ? { untimedOpsPerSec, untimedToRaw } : {}),
        })),
      });
      return;
    }
    const native = argv.native;
    const untimed = argv.untimed;
        const ratio = (x: number | null): string => (x === null ? '-' : x.toFixed(3));
    const rows = [
      ['op', ...(native ? ['native ops/s', 'raw/native'] : []), 'raw ops/s', ...(untimed ? ['untimed ops/s', 'untimed/raw'] : []), 'harness ops/s', 'ratio', 'timed'],
      ...results.map((r) => [
        r.op,
        ...(native ? [formatWhole(r.nativeOpsPerSec), ratio(r.rawToNative)] : []),
        formatWhole(r.rawOpsPerSec),
        ...(untimed ? [formatWhole(r.untimedOpsPerSec), ratio(r.untimedToRaw)] : []),
        formatWhole(r.harnessOpsPerSec),
        r.ratio.toFixed(3),
        r.sampleEvery > 1 ? `1 in ${r.sampleEvery}` : 'every op',
      ]),
    ];
    printLine(`${desc.name}: medians of alternating rounds in one process`);
    if (native) printLine('native: the same loop inside the addon (C++, no JavaScript per op); raw: a bare JS loop over the backend; harness: the runner; ratio: harness / raw');
    if (untimed) printLine('untimed: the runner with timing off (its loop alone); harness: the runner as it measures; ratio: harness / raw');
    // Right-aligned: every column but the op and the timing note.
    const numeric = new Set(rows[0]?.map((_, i) => i).filter((i) => i > 0 && i < (rows[0]?.length ?? 0) - 1));
    printLine(renderTable(rows, numeric));
  },
};
