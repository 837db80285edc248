#!/usr/bin/env node
// Leak check of the RocksDB addon: 10M mixed operations (get hit and miss, put, delete, merge,
// multi-get, write batch, scan, iterator open/close, property and statistics reads, error
// paths) on a small key space, printing RSS every million. The loop yields to the event loop
// every 100k ops, as the runner does between stretches. RSS should level off once the
// memtables, block cache and V8 heap are warm; steady growth across millions means a leak.
//
//   node bench/lsm-leak.mjs [--ops 10000000] [--keys 100000]
// Needs `npm run build` first.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lsmBackend } from '../dist/backends/lsm/backend.js';
import { resolveKnobs } from '../dist/backends/resolve-knobs.js';

const args = process.argv.slice(2);
const flag = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return Number(i >= 0 ? args[i + 1] : dflt);
};
const ops = flag('ops', 10_000_000);
const keys = flag('keys', 100_000);

const dir = mkdtempSync(join(tmpdir(), 'statebench-lsm-leak-'));
// Small memtables and cache so flushes and compactions happen and memory should plateau early.
const knobs = resolveKnobs(lsmBackend.describe(), { writeBufferSize: '4MiB', blockCacheSize: '8MiB' });
const db = await lsmBackend.open(join(dir, 'db'), knobs, { keySize: 16, seed: 1 });
const value = new Uint8Array(100).fill(7);
const mb = (n) => (n / 1024 / 1024).toFixed(1);
let sink = 0;
let errors = 0;
let x = 12345;
const rnd = () => {
  x = (x * 1103515245 + 12345) >>> 0;
  return x;
};
const multiKeys = [1, 2, 3, 4, 5, 6, 7, 8];
const t0 = Date.now();
console.log('ops        rss MiB  heapUsed MiB  external MiB  elapsed s');
for (let i = 1; i <= ops; i++) {
  // Turn the event loop now and then, as the runner does between stretches: N-API runs the
  // finalizers of collected wrapper objects (iterators) from the event loop.
  if (i % 100_000 === 0) await new Promise((resolve) => setImmediate(resolve));
  const k = rnd() % keys;
  switch (i % 16) {
    case 0:
    case 1:
    case 2:
    case 3:
      db.put(k, value);
      break;
    case 4:
      db.delete(k);
      break;
    case 5:
      db.append(k % 1000, value.subarray(0, 8), 1);
      if (i % 4096 === 5) db.delete(k % 1000, 1); // keep merge lists short
      break;
    case 6:
      for (let j = 0; j < 8; j++) multiKeys[j] = (k + j) % keys;
      sink += db.multiGet(multiKeys).length;
      break;
    case 7:
      db.writeBatch([
        { type: 'put', key: k, value },
        { type: 'delete', key: (k + 1) % keys },
      ]);
      break;
    case 8:
      sink += db.scan(k, 10).length;
      break;
    case 9: {
      const it = db.db.iterator(null, null);
      it.seekToFirst();
      sink += it.valid() ? 1 : 0;
      it.close();
      break;
    }
    case 10:
      if (i % 1024 === 10) sink += (db.db.statistics() ?? '').length + (db.db.property('rocksdb.stats') ?? '').length;
      else sink += db.db.intProperty('rocksdb.estimate-num-keys') ?? 0;
      break;
    case 11:
      try {
        db.db.get('not bytes'); // a TypeError path
      } catch {
        errors++;
      }
      break;
    default:
      sink += db.get(k)?.byteLength ?? 0;
  }
  if (i % 1_000_000 === 0) {
    const m = process.memoryUsage();
    console.log(`${String(i).padEnd(10)} ${mb(m.rss).padStart(7)}  ${mb(m.heapUsed).padStart(12)}  ${mb(m.external).padStart(12)}  ${((Date.now() - t0) / 1000).toFixed(0).padStart(9)}`);
  }
}
db.close();
rmSync(dir, { recursive: true, force: true });
console.log(`done: ${ops} ops, sink ${sink}, caught errors ${errors}`);
