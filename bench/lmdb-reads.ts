// LMDB point reads: how the value copy is made. Side by side in one process, alternating
// rounds over the same random keys (median of 7 rounds, wall clock and process CPU time):
//   lmdb-get      lmdb-js get() with encoding 'binary' (a Uint8Array slice per value: its own
//                 ArrayBuffer)
//   fast+pool     getBinaryFast() copied into Buffer.allocUnsafe (Node's pool), what the
//                 backend does
//   fast-nocopy   getBinaryFast() alone (a volatile buffer: the floor, not a safe result)
//   backend-get   the backend's get() (key encoding included)
//
//   npx tsx bench/lmdb-reads.ts [--records N] [--reads N] [--value-size N]

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { open } from 'lmdb';
import { KeyCodec } from '../backends/key-codec.js';
import { lmdbBackend } from '../backends/lmdb/backend.js';
import { resolveKnobs } from '../backends/resolve-knobs.js';
import { createRng } from '../core/rng.js';
import { median } from '../core/stats.js';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

const RECORDS = arg('records', 100_000);
const READS = arg('reads', 300_000);
const VALUE_SIZE = arg('value-size', 100);
const ROUNDS = 7;

const dir = mkdtempSync(join(tmpdir(), 'statebench-bench-lmdb-'));
const db = await lmdbBackend.open(dir, resolveKnobs(lmdbBackend.describe(), { writePath: 'sync', writeBatchOps: '10000', noSync: 'true' }), {
  keySize: 16,
  seed: 1,
});
const rng = createRng(11);
const value = new Uint8Array(VALUE_SIZE).fill(7);
for (let k = 0; k < RECORDS; k++) db.put(k, value);
await db.flush();
// A second handle on the same environment for the raw lmdb-js reads (same process: shared env).
const raw = open<Buffer, Buffer>(dir, { keyEncoding: 'binary', encoding: 'binary', noSync: true, overlappingSync: false });
const codec = new KeyCodec(16);
const ids = new Float64Array(READS);
for (let i = 0; i < READS; i++) ids[i] = rng.int(RECORDS);
const keys = Array.from(ids, (id) => Buffer.from(codec.encodeNew(id)));

type Case = () => number;
const cases: Record<string, Case> = {
  'lmdb-get': () => {
    let s = 0;
    for (const k of keys) s += raw.get(k)?.byteLength ?? 0;
    return s;
  },
  'fast+pool': () => {
    let s = 0;
    for (const k of keys) {
      const f = raw.getBinaryFast(k);
      if (f === undefined) continue;
      const out = Buffer.allocUnsafe(f.length);
      out.set(new Uint8Array(f.buffer, f.byteOffset, f.length));
      s += out.byteLength;
    }
    return s;
  },
  'fast-nocopy': () => {
    let s = 0;
    for (const k of keys) s += raw.getBinaryFast(k)?.length ?? 0;
    return s;
  },
  'backend-get': () => {
    let s = 0;
    for (let i = 0; i < ids.length; i++) s += db.get(ids[i] as number)?.byteLength ?? 0;
    return s;
  },
};

const wall: Record<string, number[]> = {};
const cpu: Record<string, number[]> = {};
for (const name of Object.keys(cases)) (cases[name] as Case)(); // warm-up
for (let r = 0; r < ROUNDS; r++) {
  for (const [name, run] of Object.entries(cases)) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const sink = run();
    const ms = performance.now() - t0;
    const c = process.cpuUsage(c0);
    if (sink !== READS * VALUE_SIZE) throw new Error(`${name}: read ${sink} bytes, expected ${READS * VALUE_SIZE}`);
    (wall[name] ??= []).push((ms * 1e6) / READS);
    (cpu[name] ??= []).push(((c.user + c.system) * 1e3) / READS);
  }
}
console.log(`LMDB point reads: ${RECORDS} records of ${VALUE_SIZE} bytes, ${READS} random reads x ${ROUNDS} rounds (median ns/read)`);
console.log('case          wall ns   cpu ns   vs lmdb-get (cpu)');
const base = median(cpu['lmdb-get'] ?? [1]) ?? Number.NaN;
for (const name of Object.keys(cases)) {
  const w = median(wall[name] ?? []) ?? Number.NaN;
  const c = median(cpu[name] ?? []) ?? Number.NaN;
  console.log(`${name.padEnd(12)} ${w.toFixed(0).padStart(8)} ${c.toFixed(0).padStart(8)}   ${(c / base).toFixed(2)}x`);
}
await raw.close();
await db.close();
rmSync(dir, { recursive: true, force: true });
