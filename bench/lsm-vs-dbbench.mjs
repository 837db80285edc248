#!/usr/bin/env node
// statebench's lsm backend against RocksDB's own db_bench (Debian rocksdb-tools, same librocksdb)
// on fillrandom and readrandom, with the same sizes and options, alternating the two tools in
// one run and comparing medians. Target: statebench >= 0.9 of db_bench.
//
//   node bench/lsm-vs-dbbench.mjs [--num 200000] [--reads 5*num] [--rounds 3] [--db-bench /usr/bin/db_bench]
//
// Matching settings: 16-byte keys, 100-byte values half compressible (db_bench's
// compression_ratio 0.5 = statebench's --compressibility 0.5), snappy, 64MiB write buffers,
// 8MiB block cache, no bloom filter, WAL on without sync (statebench's --semantics per-write: its
// default, Flink's semantics, turns the WAL off), one thread, statistics on in both
// (statebench always enables them), RocksDB's perf context off in both (db_bench's default
// --perf_level=1; statebench's lsm.perfLevel defaults to RocksDB's own 'count'). readrandom: db_bench fills in order first (fillseq), as
// statebench's readrandom loads its records in order. Needs `npm run build` first.
// After each pair the script prints the RocksDB options that differ between the two DBs
// (both tools write an OPTIONS file), so a mismatch in settings shows.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtMedian, dbBenchPath, flag, root } from './dbbench-common.mjs';

const num = Number(flag('num', '200000'));
const rounds = Number(flag('rounds', '3'));
const reads = Number(flag('reads', String(num * 5)));
const dbBench = dbBenchPath();
const median = await builtMedian();

const COMMON_DB_BENCH = ['--key_size=16', '--value_size=100', '--compression_type=snappy', '--compression_ratio=0.5', '--write_buffer_size=67108864', '--cache_size=8388608', '--bloom_bits=0', '--threads=1', '--statistics=1', '--disable_wal=false', '--sync=false', '--seed=42', '--perf_level=1'];

const CASES = {
  fillrandom: { dbBench: ['--benchmarks=fillrandom'], statebench: ['-w', 'fillrandom', '--records', String(num), '--ops', String(num), '--warmup', '0'] },
  // statebench's readrandom warms the JIT up on 20,000 reads first (db_bench's C++ needs none and
  // reads right after its fill); the fill itself is the same.
  readrandom: { dbBench: ['--benchmarks=fillseq,readrandom', `--reads=${reads}`], statebench: ['-w', 'readrandom', '--records', String(num), '--ops', String(reads), '--warmup', '20000'] },
};

function newestOptions(dir) {
  const names = readdirSync(dir).filter((n) => /^OPTIONS-\d+$/.test(n)).sort();
  if (names.length === 0) return {};
  const out = {};
  let section = '';
  for (const line of readFileSync(join(dir, names[names.length - 1]), 'utf8').split('\n')) {
    const t = line.trim();
    const h = /^\[(.+)\]$/.exec(t);
    if (h) section = h[1];
    else if (t.includes('=') && !t.startsWith('#')) out[`${section}.${t.slice(0, t.indexOf('='))}`] = t.slice(t.indexOf('=') + 1);
  }
  return out;
}

function runDbBench(bench, dir) {
  const r = spawnSync(dbBench, [...COMMON_DB_BENCH, ...CASES[bench].dbBench, `--num=${num}`, `--db=${dir}`], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`db_bench failed: ${r.stderr || r.stdout}`);
  const line = r.stdout.split('\n').find((l) => l.startsWith(`${bench} `));
  const m = / ([\d.]+) ops\/sec/.exec(line ?? '');
  if (!m) throw new Error(`no '${bench}' line in db_bench output:\n${r.stdout}`);
  return Number(m[1]);
}

function runStatebench(bench, dataDir) {
  const r = spawnSync(
    process.execPath,
    [join(root, 'bin', 'statebench.js'), 'run', '-b', 'lsm', ...CASES[bench].statebench, '--key-size', '16', '--value-size', '100', '--compressibility', '0.5', '--seed', '42', '--set', 'lsm.perfLevel=disable', '--semantics', 'per-write', '--data-dir', dataDir, '--keep-data', '-o', join(dataDir, 'out'), '--json'],
    { encoding: 'utf8', maxBuffer: 1 << 28 },
  );
  if (r.status !== 0) throw new Error(`statebench failed (exit ${r.status}): ${r.stderr.split('\n').slice(-5).join('\n')}`);
  const doc = JSON.parse(r.stdout);
  const cell = doc.cells[0];
  if (cell.status !== 'ok') throw new Error(`statebench cell ${cell.status}: ${cell.error?.message ?? ''}`);
  return { opsPerSec: cell.phases.run.throughputOpsPerSec, options: cell.engine?.options ?? {} };
}

// Options that differ because the tools differ, not the engine settings under test.
const EXPECTED_DIFFERENCES = /merge_operator|db_host_id|info_log_level|stats_dump_period_sec|max_bytes_for_level_multiplier_additional|enable_pipelined_write|max_write_buffer_size_to_maintain|max_write_buffer_number_to_maintain|manual_wal_flush|filter_policy|create_if_missing|use_fsync|compaction_readahead_size/;

const summary = [];
for (const bench of Object.keys(CASES)) {
  const dbb = [];
  const sb = [];
  let diffs = [];
  for (let round = 0; round < rounds; round++) {
    // Alternate which tool goes first, so drift on a shared machine falls on both.
    const order = round % 2 === 0 ? ['db_bench', 'statebench'] : ['statebench', 'db_bench'];
    let dbbOptions = {};
    let sbOptions = {};
    for (const tool of order) {
      const dir = mkdtempSync(join(tmpdir(), `lsm-vs-dbbench-${tool}-`));
      try {
        if (tool === 'db_bench') {
          dbb.push(runDbBench(bench, dir));
          dbbOptions = newestOptions(dir);
        } else {
          const r = runStatebench(bench, dir);
          sb.push(r.opsPerSec);
          sbOptions = r.options;
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
    const norm = (k) => k.replace(/^CFOptions\.default\./, 'CFOptions "default".').replace(/^TableOptions\/BlockBasedTable\.default\./, 'TableOptions/BlockBasedTable "default".');
    const sbNorm = Object.fromEntries(Object.entries(sbOptions).map(([k, v]) => [norm(k), v]));
    diffs = Object.keys({ ...dbbOptions, ...sbNorm }).filter((k) => !k.startsWith('Version.') && dbbOptions[k] !== sbNorm[k] && !EXPECTED_DIFFERENCES.test(k)).map((k) => `${k}: db_bench=${dbbOptions[k]} statebench=${sbNorm[k]}`);
    console.error(`${bench} round ${round + 1}/${rounds}: db_bench ${Math.round(dbb[dbb.length - 1])} ops/s, statebench ${Math.round(sb[sb.length - 1])} ops/s`);
  }
  const ratio = median(sb) / median(dbb);
  summary.push({ bench, dbBenchOpsPerSec: Math.round(median(dbb)), statebenchOpsPerSec: Math.round(median(sb)), ratio: Number(ratio.toFixed(3)), otherOptionDifferences: diffs });
}

console.log(`lsm vs db_bench, ${num} keys, medians of ${rounds} alternating rounds (target ratio >= 0.9)`);
console.log('benchmark    db_bench ops/s  statebench ops/s  ratio');
for (const s of summary) {
  console.log(`${s.bench.padEnd(12)} ${String(s.dbBenchOpsPerSec).padStart(14)}  ${String(s.statebenchOpsPerSec).padStart(16)}  ${s.ratio.toFixed(3)}${s.ratio >= 0.9 ? '' : '  (below 0.9)'}`);
  if (s.otherOptionDifferences.length > 0) console.log(`  options that differ: ${s.otherOptionDifferences.join('; ')}`);
}
