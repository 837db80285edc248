import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCliProcess } from '../harness/test-support/cli.js';
import { tempDir } from '../core/test-support/temp-dir.js';

const dir = tempDir('statebench-badinput-');
const badConfig = join(dir, 'bad-config.json');
writeFileSync(badConfig, JSON.stringify({ records: 1000, frobnicate: true }));
const notJson = join(dir, 'not.json');
writeFileSync(notJson, '{ records: ');
// Not an OPTIONS file (what /etc/passwd looks like), and a Flink configuration Flink would refuse.
const notOptions = join(dir, 'OPTIONS-passwd');
writeFileSync(notOptions, 'root:x:0:0:root:/root:/bin/bash\n');
const badFlink = join(dir, 'flink-conf.yaml');
writeFileSync(badFlink, 'state.backend.rocksdb.writebuffer.size: lots\n');
// A trace with a bad third line, and a good one without times.
const badTrace = join(dir, 'bad.csv');
writeFileSync(badTrace, 'op,key\nget,1\nfetch,2\n');
const untimedTrace = join(dir, 'untimed.csv');
writeFileSync(untimedTrace, 'op,key\nget,1\nput,2\n');
const flinkFixture = (name: string): string => fileURLToPath(new URL(`../core/flink/test-support/${name}`, import.meta.url));

const cases: [string, string[], RegExp][] = [
  ['an unknown command', ['frobnicate'], /unknown (argument|command)/i],
  ['an unknown flag', ['run', '--frobnicate', '1'], /unknown argument/i],
  ['an unknown backend', ['run', '-b', 'nosuch'], /--backend: unknown backend 'nosuch'; known: .*heap/],
  ['an unknown workload', ['run', '-b', 'heap', '-w', 'nosuch'], /nosuch/],
  ['the plain layout for an operator workload', ['run', '-b', 'heap', '-w', 'sliding-window', '--param', 'keyLayout=plain'], /--param keyLayout=plain: an operator workload keeps its timers as Flink state/],
  ['an unknown knob', ['run', '-b', 'heap', '--set', 'heap.nope=1'], /unknown knob 'nope' for backend heap; known knobs: valueMode/],
  ['a bad knob value', ['run', '-b', 'heap', '--set', 'heap.valueMode=tree'], /heap\.valueMode: 'tree' is not valid; expected one of bytes, object/],
  ['a malformed --set', ['run', '--set', 'valueMode'], /--set 'valueMode': expected backend\.knob=value/],
  ['a --set for a backend not in the run', ['run', '-b', 'heap', '--set', 'lmdb.noSync=true'], /backend 'lmdb' is not in this run's backends/],
  ['a bad number', ['run', '-b', 'heap', '--records', 'lots'], /--records: 'lots' is not valid; expected a whole number/],
  ['a bad duration unit', ['run', '-b', 'heap', '--duration', '5parsecs'], /--duration: '5parsecs' is not valid/],
  ['a sweep where one configuration is measured', ['conformance', 'heap', '--set', 'heap.valueMode=bytes,object'], /--set heap\.valueMode: one value only here \(no sweeps\)/],
  ['another backend\'s knob for conformance', ['conformance', 'heap', '--set', 'lmdb.noSync=true'], /--set lmdb\.…: only knobs of heap apply here/],
  ['a shard numbered from 0', ['run', '-b', 'heap', '--shard', '0/4'], /--shard: '0\/4' is not valid; expected i\/N with 1 <= i <= N, .*\(here: 1\/4 \.\.\. 4\/4\)/],
  ['a shard past the count', ['run', '-b', 'heap', '--shard', '5/4'], /--shard: '5\/4' is not valid; .*\(here: 1\/4 \.\.\. 4\/4\)/],
  ['a bad --semantics for tune', ['tune', '-b', 'lsm', '-w', 'ycsb-a', '--semantics', 'eventual'], /--semantics: 'eventual' is not valid; expected flink .* or per-write/],
  ['a --memory-budget for tune inside a TaskManager', ['tune', '-b', 'lsm', '-w', 'ycsb-a', '--memory-budget', '256MiB'], /^statebench: --memory-budget: inside the 1728m TaskManager its managed memory is the budget \(512MiB per slot\); give --unbounded-memory to search absolute sizes within --memory-budget$/m],
  ['tune both outside and inside a TaskManager', ['tune', '-b', 'lsm', '-w', 'ycsb-a', '--unbounded-memory', '--taskmanager-memory', '4g'], /--unbounded-memory runs outside any TaskManager; --taskmanager-memory 4g puts it inside one: give one of them/],
  ['tune in two TaskManagers', ['tune', '-b', 'lsm', '-w', 'ycsb-a', '--taskmanager-memory', '1728m,4g'], /--taskmanager-memory: tune searches inside one TaskManager; got 1728m, 4g; give one/],
  ['a bad --min-task-heap', ['tune', '-b', 'lsm', '-w', 'ycsb-a', '--min-task-heap', 'lots'], /--min-task-heap: 'lots' is not valid; expected a memory size/],
  ['a --min-task-heap above the TaskManager\'s task heap', ['tune', '-b', 'lsm', '-w', 'ycsb-a', '--min-task-heap', '1g'], /--min-task-heap 1024.000mb \(1073741824 bytes\): the 1728m TaskManager as configured leaves its task heap 384.000mb \(402653174 bytes\); give a floor at or below it, or a larger TaskManager/],
  ['a --set of the bound itself inside a TaskManager', ['run', '-b', 'lsm', '--set', 'lsm.boundedMemory=64MiB'], /--set lsm\.boundedMemory: the run is inside a 1728m TaskManager, whose managed memory sizes lsm's cache and write buffers in its place/],
  ['ops and duration both', ['run', '-b', 'heap', '--ops', '1000', '--duration', '5s'], /--ops and --duration both given/],
  ['--verify with reads in flight', ['run', '-b', 'lsm', '--verify', '--set', 'lsm.asyncReads=0,8'], /^statebench: --verify: checks every read synchronously; lsm\.asyncReads=8 keeps reads in flight \(run --verify without it\)$/m],
  ['a remote store too slow to emulate', ['run', '-b', 'lsm', '--set', 'lsm.remoteBandwidth=1000'], /lsm\.remoteBandwidth: 1000 bytes\/s is not valid; expected 0 \(no limit\) or a rate of at least 64KiB\/s/],
  ['an unwritable --out', ['run', '-b', 'heap', '--out', join(notJson, 'out')], /--out: cannot write to .*not\.json\/out \(ENOTDIR\)/],
  // procfs answers ENOENT for a child of an existing directory: Node's recursive mkdir spun there forever
  ['an --out under /proc', ['run', '-b', 'heap', '--out', '/proc/statebench-no-such/out'], /--out: cannot write to \/proc\/statebench-no-such\/out \(ENOENT\)/],
  ['an unusable --data-dir', ['run', '-b', 'heap', '--ops', '100', '--data-dir', join(notJson, 'data')], /--data-dir: cannot create .*not\.json\/data \(ENOTDIR\); give a writable directory/],
  ['a missing --config file', ['run', '--config', join(dir, 'missing.json')], /--config: cannot read .*missing\.json \(ENOENT\)/],
  ['an unknown field in --config', ['run', '--config', badConfig], /--config .*frobnicate/],
  ['a --config that is not JSON', ['run', '--config', notJson], /--config .*not valid JSON/],
  ['a bad --value-size', ['run', '-b', 'heap', '--value-size', 'huge'], /--value-size/],
  ['a bad --semantics', ['run', '-b', 'heap', '--semantics', 'eventual'], /--semantics: 'eventual' is not valid; expected flink \(.*\) or per-write/],
  ['a --sample-every that is not a power of two', ['run', '-b', 'heap', '--sample-every', '3'], /--sample-every: 3 is not valid; expected a power of two/],
  ['overhead on an unknown backend', ['overhead', '-b', 'nosuch'], /--backend: unknown backend 'nosuch'/],
  // traces (docs/traces.md)
  ['a bad trace line, by file and line', ['run', '-b', 'heap', '-w', badTrace], /--workload: .*bad\.csv:3: op 'fetch' is not one of get, put, delete, merge, scan/],
  ['a missing trace file', ['run', '-b', 'heap', '-w', 'trace:/no/such.csv'], /--workload: trace file '\/no\/such\.csv' not found/],
  ['--target-rate trace on a trace without times', ['run', '-b', 'heap', '-w', untimedTrace, '--target-rate', 'trace'], /--target-rate trace: .*untimed\.csv has no t_us times/],
  ['--target-rate trace on a built-in', ['run', '-b', 'heap', '-w', 'ycsb-a', '--target-rate', 'trace'], /--target-rate trace: workload ycsb-a is not a trace; give a rate in ops\/s/],
  ['--record-trace for more than one cell', ['run', '-b', 'heap', '-w', 'ycsb-a,ycsb-b', '--record-trace', join(dir, 'rec.csv')], /--record-trace: records one cell of one thread; this run has 2 cells/],
  ['trace: a missing file', ['trace', join(dir, 'missing.csv')], /trace: file '.*missing\.csv' not found/],
  ['trace: a bad line', ['trace', badTrace], /bad\.csv:3: op 'fetch'/],
  ['trace: --csv for a CSV trace', ['trace', untimedTrace, '--csv', join(dir, 'out.csv')], /--csv: .*untimed\.csv is not an engine trace/],
  // statebench micro
  ['micro: an unknown operation', ['micro', '-b', 'heap', '--ops', 'get-hit,frob'], /--ops: unknown operation 'frob'; accepted: get-hit, get-miss/],
  ['micro: an unknown backend', ['micro', '-b', 'heap,nosuch'], /--backend: unknown backend 'nosuch'; known: .*heap/],
  ['micro: too few records', ['micro', '-b', 'heap', '--records', '5'], /--records: '5' is not valid; expected a whole number >= 100/],
  ['micro: a bad --time', ['micro', '-b', 'heap', '--time', 'forever'], /--time: 'forever' is not valid; expected milliseconds/],
  ['micro: an unknown knob', ['micro', '-b', 'heap', '--set', 'heap.nope=1'], /unknown knob 'nope' for backend heap; known knobs: /],
  ['micro: a bad knob value', ['micro', '-b', 'heap', '--set', 'heap.valueMode=tree'], /heap\.valueMode: 'tree' is not valid; expected one of bytes, object/],
  ['micro: a --set for a backend not in the run', ['micro', '-b', 'heap', '--set', 'delay.latencyUs=5'], /--set delay\.…: backend 'delay' is not in this run's backends \(heap\)/],
  ['micro: an unwritable --out', ['micro', '-b', 'heap', '--out', join(notJson, 'out')], /--out: cannot write to .*not\.json\/out \(ENOTDIR\)/],
  ['micro: an unknown flag', ['micro', '--frobnicate', '1'], /unknown argument/i],
  // Configuration handed to RocksDB or Flink, checked before any cell starts (issue 17)
  ...(['run', 'micro', 'durability'] as const).flatMap((command): [string, string[], RegExp][] => [
    [`${command}: an options string RocksDB cannot parse`, [command, '-b', 'lsm', '--set', 'lsm.options=write_buffer_size=banana'], /lsm\.options: 'write_buffer_size=banana' is not valid \(RocksDB: .*\); expected a RocksDB options string/],
    [`${command}: an OPTIONS file that is not one`, [command, '-b', 'lsm', '--set', `lsm.optionsFile=${notOptions}`], /lsm\.optionsFile: .*OPTIONS-passwd is not a RocksDB OPTIONS file \(RocksDB: .*\); expected a RocksDB OPTIONS file/],
  ]),
  ['a --flink-conf value Flink refuses', ['run', '--flink-conf', badFlink], /--flink-conf .*flink-conf\.yaml: state\.backend\.rocksdb\.writebuffer\.size: 'lots' is not valid; expected a memory size/],
  // statebench flink-memory
  ['a --taskmanager-memory Flink cannot parse', ['run', '--taskmanager-memory', '1.5g'], /--taskmanager-memory: '1\.5g' is not valid; expected a memory size: a whole number with an optional unit/],
  ['a --taskmanager-memory Flink refuses', ['run', '--taskmanager-memory', '700m'], /--taskmanager-memory: TaskManager memory configuration failed: Sum of configured Framework Heap Memory/],
  ['flink-memory: a TaskManager Flink refuses', ['flink-memory', '--flink-conf', flinkFixture('config-refused-700m.yaml')], /--flink-conf .*config-refused-700m\.yaml: TaskManager memory configuration failed: Sum of configured Framework Heap Memory .* exceed configured Total Flink Memory \(252\.000mb \(264241152 bytes\)\)\.$/],
  ['flink-memory: a size Flink cannot parse', ['flink-memory', '--flink-conf', flinkFixture('config-bad-size.yaml')], /--flink-conf .*config-bad-size\.yaml: taskmanager\.memory\.process\.size: '1\.5g' is not valid; expected a memory size/],
  ['flink-memory: a missing file', ['flink-memory', '--flink-conf', join(dir, 'missing.yaml')], /--flink-conf: cannot read .*missing\.yaml \(ENOENT\)/],
  ['flink-memory: no --flink-conf', ['flink-memory'], /Missing required argument: flink-conf/],
];

describe('bad input: one clear line, exit 2, no stack trace', () => {
  it.each(cases)('%s', async (_name, args, message) => {
    const r = await runCliProcess(args, { cwd: dir });
    expect(r.code, r.stderr).toBe(2);
    const lines = r.stderr.split('\n').filter((l) => l.trim() !== '');
    expect(lines, r.stderr).toHaveLength(1);
    expect(lines[0]).toMatch(/^statebench: /);
    expect(lines[0]).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stdout).toBe('');
  });
});
