// statebench trace FILE: what a trace does (docs/traces.md): the mix, keys, value sizes, key
// popularity with a fitted zipfian θ, reuse distances, the LRU miss-ratio curve and the nearest
// built-in workload, so a workload can be published without its trace.

import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { convertEngineTrace } from '../../harness/run-command/engine-traces.js';
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { summariseTrace, type TraceSummary } from '../../analysis/trace/summarise.js';
import { UsageError } from '../../core/errors.js';
import { formatNumber, formatShare } from '../../core/numbers.js';
import { formatBytes } from '../../core/units.js';
import { printJson, printLine } from '../output.js';

interface Args {
  file: string;
  json: boolean;
  csv?: string;
}

function printSummary(s: TraceSummary): void {
  printLine(`${s.file}: ${formatNumber(s.ops)} ops${s.durationS !== null ? ` over ${formatNumber(s.durationS)} s` : ''}`);
  printLine(`mix: ${Object.entries(s.mix).filter(([, v]) => v > 0).map(([op, v]) => `${op} ${formatShare(v)}`).join(', ')}`);
  printLine(`keys: ${formatNumber(s.distinctKeys)} distinct, ${formatBytes(s.distinctKeyBytes, ' ')} of keys; a replay interns ${formatNumber(s.internedBytesPerKey)} B per key`);
  const v = s.valueSizes;
  printLine(v ? `value sizes (${formatNumber(v.count)} puts and merges): mean ${formatNumber(v.mean)} B, p50 ${v.p50} B, p90 ${v.p90} B, p99 ${v.p99} B, max ${v.max} B` : 'value sizes: none given (a replay uses --value-size)');
  const z = s.popularity.zipf;
  printLine(`popularity: the top 1 % of keys take ${formatShare(s.popularity.top1PctShare)} of accesses; zipfian θ ${z.theta.toFixed(3)} fits with total variation ${z.totalVariation.toFixed(3)}`);
  const r = s.reuse;
  const how = r.method === 'exact' ? 'exact, Mattson\'s stack' : `SHARDS, sampling rate ${r.samplingRate}`;
  printLine(`reuse distance (distinct keys between two accesses of a key; ${how}): p50 ${formatNumber(r.p50Keys)}, p90 ${formatNumber(r.p90Keys)}, p99 ${formatNumber(r.p99Keys)}; first accesses ${formatShare(r.coldShare)}`);
  printLine('LRU miss ratio by cache size:');
  printLine(`  ${'keys'.padStart(12)} ${'bytes'.padStart(12)} ${'miss ratio'.padStart(11)}`);
  for (const p of s.missRatioCurve) printLine(`  ${formatNumber(p.keys).padStart(12)} ${(p.bytes === null ? '-' : formatBytes(p.bytes, ' ')).padStart(12)} ${p.missRatio.toFixed(4).padStart(11)}`);
  const n = s.nearest;
  printLine(`nearest built-in: like ${n.name}, ${n.distribution}${n.theta !== null ? ` θ ${n.theta.toFixed(2)}` : ''}, ${formatNumber(n.records)} records; mix total variation ${n.distance.toFixed(3)}`);
}

export const traceCommand: CommandModule<object, Args> = {
  command: 'trace <file>',
  describe: 'Summarise an access trace: mix, keys, value sizes, popularity (zipfian θ), reuse distance, LRU miss-ratio curve, nearest built-in workload',
  builder: (y: Argv) =>
    y
      .positional('file', { type: 'string', describe: 'A trace in the CSV or JSON Lines format of docs/traces.md' })
      .option('json', { type: 'boolean', default: false, describe: 'Print the summary as JSON on stdout' })
      .option('csv', { type: 'string', describe: "A RocksDB query trace given: keep its conversion to statebench's CSV trace in this file" })
      .example('$0 trace ops.csv', 'the summary of ops.csv') as unknown as Argv<Args>,
  handler: (argv: ArgumentsCamelCase<Args>) => {
    if (!existsSync(argv.file)) throw new UsageError(`trace: file '${argv.file}' not found`);
    // An engine's own trace (RocksDB's) is read through its CSV conversion: --csv, or a file removed after.
    const tmp = argv.csv === undefined ? mkdtempSync(join(tmpdir(), 'statebench-trace-')) : null;
    try {
      const csv = argv.csv ?? join(tmp as string, 'trace.csv');
      const converted = convertEngineTrace(argv.file, csv, dirname(resolve(csv)));
      if (!converted && argv.csv !== undefined) throw new UsageError(`--csv: ${argv.file} is not an engine trace (RocksDB's); it is read as it is`);
      const s = summariseTrace(converted ? csv : argv.file);
      const summary = converted ? { ...s, file: argv.file, engineTrace: { backend: converted.backend, notes: converted.notes } } : s;
      if (argv.json) printJson(summary);
      else {
        if (converted) printLine(`${argv.file}: an engine trace of the ${converted.backend} backend, read with its own trace reader${converted.notes.length > 0 ? ` (${converted.notes.join('; ')})` : ''}`);
        printSummary(summary);
      }
    } finally {
      if (tmp) rmSync(tmp, { recursive: true, force: true });
    }
  },
};
