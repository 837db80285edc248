// statebench run: run the cells of a plan and write results.json, results.jsonl (and the
// reports) into --out; print the summary table, or the document with --json.

import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { resolveRunOptions, type RunFlags } from '../../harness/run/resolve-options.js';
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
      .option('backend', { alias: 'b', type: 'string', array: true, describe: 'Backends to run (heap, lmdb, lsm); default: every available one' })
      .option('workload', { alias: 'w', type: 'string', array: true, describe: 'Built-in workload names or workload files; default: ycsb-a value-state' })
      .option('records', { alias: 'n', type: 'string', describe: 'Records loaded before the run phase (default 225000); a list (100k,1M,10M) sweeps the state size, one cell per size' })
      .option('ops', { type: 'string', describe: 'Operations in the run phase (exclusive with --duration)' })
      .option('duration', { alias: 'd', type: 'string', describe: 'Run phase length: 30s, 2m (default 3s when --ops is not given)' })
      .option('value-size', { type: 'string', describe: "Value size: 100, 4KiB, uniform:10-1000, zipfian:10-1000, histogram:100=0.5,1000=0.5 (default: the workload's own, else 1000)" })
      .option('key-size', { type: 'string', describe: 'Encoded key width in bytes for byte-keyed engines (default 16, min 12)' })
      .option('distribution', { type: 'string', describe: "Request distribution overriding the workload's own (uniform, zipfian, ...)" })
      .option('theta', { type: 'string', describe: 'Zipfian constant (default 0.99)' })
      .option('compressibility', { type: 'string', describe: 'Compressible fraction of each value, 0..1 (default 0.5, as db_bench)' })
      .option('param', { type: 'string', array: true, describe: 'Workload setting name=value (e.g. scanLength=50)' })
      .option('seed', { type: 'string', describe: 'Seed of every generator (default 42); stored in the result' })
      .option('set', { type: 'string', array: true, describe: 'Knob values: backend.knob=value[,value...]; several values make a sweep' })
      .option('repeat', { alias: 'r', type: 'string', describe: 'Run every cell N times, interleaved in a seeded shuffled order' })
      .option('warmup', { type: 'string', describe: 'Warm-up before the run phase: a duration (500ms, 2s) or ops (10000); 0 for none (default 500ms)' })
      .option('target-rate', { type: 'string', describe: 'Open loop: issue ops at this rate (ops/s); latency counts from each intended start' })
      .option('interval', { type: 'string', describe: 'Time-series step (default 1s)' })
      .option('sample-every', { type: 'string', describe: 'Time one op in N (a power of two); default: chosen per cell from the op cost measured in the load and warm-up, so timing stays under 1 % of it' })
      .option('max-in-flight', { type: 'string', describe: 'Async-write backends: most writes outstanding at once' })
      .option('out', { alias: 'o', type: 'string', describe: 'Output directory (default statebench-results)' })
      .option('data-dir', { type: 'string', describe: 'Where engines keep their data; a fresh subdirectory is made and removed (default: the OS temp dir)' })
      .option('keep-data', { type: 'boolean', describe: 'Keep the data directories after the run' })
      .option('flink-conf', { type: 'string', describe: "A Flink configuration: its state.backend.rocksdb.* keys become lsm knobs (Flink's defaults and memory arithmetic)" })
      .option('sweep', { type: 'string', describe: 'A knob matrix per backend (JSON or YAML: {lsm: {writeBufferSize: [4MiB, 64MiB]}}); expands like --set lists' })
      .option('memory-budget', { type: 'string', describe: 'Skip cells whose memory cannot fit (LSM write buffers + block cache, LMDB object cache; heap state measured), e.g. 512MiB' })
      .option('shard', { type: 'string', describe: 'Run shard i of N of the cells, numbered from 1 as vitest and jest number shards (1/4 ... 4/4); merge the shards with `statebench merge`' })
      .option('resume', { type: 'string', describe: 'The results.jsonl of a stopped run: cells it finished ok are kept, the rest run' })
      .option('verify-advice', { type: 'boolean', describe: 'Verify each recommendation: run its suggestion against the current setting with repeats' })
      .option('verify-repeats', { type: 'string', describe: 'Repeats per side when verifying advice (default 5)' })
      .option('threads', { type: 'string', describe: 'Worker threads per cell, each with its own backend instance and share of the records and ops, started together (a TaskManager\'s slots); a list (1,2,4) sweeps it, one cell per count (default 1, or the --flink-conf file\'s taskmanager.numberOfTaskSlots)' })
      .option('checkpoint-interval', { type: 'string', describe: 'Checkpoint every T during the run phase (5s), then restore from the last one and check it' })
      .option('verify', { type: 'boolean', describe: 'Values carry key id, version and checksum; every read checks them (mismatches and lost keys counted)' })
      .option('semantics', { type: 'string', describe: 'flink (default): no per-write durability, as Flink runs its state backends (lsm WAL off, lmdb noSync); per-write: each engine\'s own durable defaults' })
      .option('config', { type: 'string', describe: 'A JSON file with the same settings (validated, never executed); flags override it' })
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
