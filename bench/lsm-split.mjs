#!/usr/bin/env node
// Where the distance from RocksDB's db_bench to a statebench lsm cell goes, on one setup: N keys
// written in order and flushed, then random gets (db_bench readrandom) or random overwrites
// (db_bench overwrite) of those keys. Four loops, each a median of alternating rounds:
//   db_bench      RocksDB's own C++ benchmark (Debian rocksdb-tools, the same librocksdb)
//   native        the same loop in C++ inside statebench's addon (statebench overhead --native)
//   raw           a bare JavaScript loop calling the backend (statebench overhead)
//   runner        the same keys through statebench's measured loop (statebench overhead)
// native / db_bench is what the Node process and the addon's setup add around the same RocksDB
// calls (keys of the same width, the DB opened through the options-string path); raw / native
// the JS call into the addon; runner / raw the runner's own cost.
//
//   node bench/lsm-split.mjs [--num 200000] [--ops 1000000] [--rounds 3] [--memtable] [--db-bench /usr/bin/db_bench]
//
// --memtable: no flush after the load in either tool, so the gets are served by the memtable, as
// bench/lsm-vs-dbbench.mjs's readrandom's are.
//
// Matching settings: 16-byte keys, 100-byte incompressible values (statebench overhead's values
// are random bytes; db_bench --compression_ratio=1), snappy, 64 MiB write buffer, 8 MiB block
// cache, no bloom filter, WAL on without sync, one thread, statistics on, perf context off in both.
// Needs `npm run build` first.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { args, builtMedian, dbBenchPath, flag, root } from './dbbench-common.mjs';

const num = Number(flag('num', '200000'));
const ops = Number(flag('ops', '1000000'));
const rounds = Number(flag('rounds', '3'));
const memtable = args.includes('--memtable');
const fill = memtable ? 'fillseq' : 'fillseq,flush';
const dbBench = dbBenchPath();
const median = await builtMedian();

const COMMON = ['--key_size=16', '--value_size=100', '--compression_type=snappy', '--compression_ratio=1', '--write_buffer_size=67108864', '--cache_size=8388608', '--bloom_bits=0', '--threads=1', '--statistics=1', '--disable_wal=false', '--sync=false', '--seed=42', '--perf_level=1'];
const DB_BENCH = {
  get: [`--benchmarks=${fill},readrandom`, `--reads=${ops}`],
  put: [`--benchmarks=${fill},overwrite`, `--writes=${ops}`],
};
const LINE = { get: 'readrandom', put: 'overwrite' };

function runDbBench(op) {
  const dir = mkdtempSync(join(tmpdir(), 'lsm-split-dbbench-'));
  try {
    const r = spawnSync(dbBench, [...COMMON, ...DB_BENCH[op], `--num=${num}`, `--db=${dir}`], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`db_bench failed: ${r.stderr || r.stdout}`);
    const line = r.stdout.split('\n').find((l) => l.startsWith(`${LINE[op]} `));
    const m = / ([\d.]+) ops\/sec/.exec(line ?? '');
    if (!m) throw new Error(`no '${LINE[op]}' line in db_bench output:\n${r.stdout}`);
    return Number(m[1]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function runOverhead() {
  const r = spawnSync(
    process.execPath,
    [join(root, 'bin', 'statebench.js'), 'overhead', '-b', 'lsm', '--native', '--records', String(num), '--ops', String(ops), '--set', 'lsm.perfLevel=disable', ...(memtable ? ['--no-flush'] : []), '--json'],
    { encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(`statebench overhead failed (exit ${r.status}): ${r.stderr.split('\n').slice(-5).join('\n')}`);
  return Object.fromEntries(JSON.parse(r.stdout).results.map((x) => [x.op, x]));
}

const figures = { get: { db_bench: [], native: [], raw: [], runner: [] }, put: { db_bench: [], native: [], raw: [], runner: [] } };
for (let round = 0; round < rounds; round++) {
  // Alternate which tool goes first, so drift on a shared machine falls on both.
  const order = round % 2 === 0 ? ['db_bench', 'statebench'] : ['statebench', 'db_bench'];
  for (const tool of order) {
    if (tool === 'db_bench') {
      for (const op of ['get', 'put']) figures[op].db_bench.push(runDbBench(op));
    } else {
      const o = runOverhead();
      for (const op of ['get', 'put']) {
        figures[op].native.push(o[op].nativeOpsPerSec);
        figures[op].raw.push(o[op].rawOpsPerSec);
        figures[op].runner.push(o[op].harnessOpsPerSec);
      }
    }
  }
  const f = (op, k) => Math.round(figures[op][k][figures[op][k].length - 1]);
  console.error(`round ${round + 1}/${rounds}: get db_bench ${f('get', 'db_bench')} native ${f('get', 'native')} raw ${f('get', 'raw')} runner ${f('get', 'runner')}; put db_bench ${f('put', 'db_bench')} native ${f('put', 'native')} raw ${f('put', 'raw')} runner ${f('put', 'runner')}`);
}

// Ratios are taken within each round (its loops ran minutes apart at most), then their median:
// a machine that slows down over the run moves both sides of a round's ratio together.
const r3 = (x) => x.toFixed(3);
const ratioMedian = (op, a, b) => median(figures[op][a].map((x, i) => x / figures[op][b][i]));
console.log(`lsm: db_bench to the runner, ${num} keys written in order${memtable ? ' (left in the memtable)' : ' and flushed'}, ${ops} random ops; ${rounds} alternating rounds: ops/s medians, ratios the medians of each round's ratio`);
console.log('op   db_bench ops/s  native ops/s  raw ops/s  runner ops/s  native/db_bench  raw/native  runner/raw  runner/db_bench');
const out = {};
for (const op of ['get', 'put']) {
  const m = Object.fromEntries(Object.entries(figures[op]).map(([k, v]) => [k, Math.round(median(v))]));
  out[op] = { ...m, nativeToDbBench: ratioMedian(op, 'native', 'db_bench'), rawToNative: ratioMedian(op, 'raw', 'native'), runnerToRaw: ratioMedian(op, 'runner', 'raw'), runnerToDbBench: ratioMedian(op, 'runner', 'db_bench') };
  const o = out[op];
  console.log(`${op.padEnd(4)} ${String(o.db_bench).padStart(14)}  ${String(o.native).padStart(12)}  ${String(o.raw).padStart(9)}  ${String(o.runner).padStart(12)}  ${r3(o.nativeToDbBench).padStart(15)}  ${r3(o.rawToNative).padStart(10)}  ${r3(o.runnerToRaw).padStart(10)}  ${r3(o.runnerToDbBench).padStart(15)}`);
}
if (args.includes('--json')) console.log(JSON.stringify(out));
