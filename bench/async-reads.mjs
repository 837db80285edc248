#!/usr/bin/env node
// What a get costs when it is handed to the addon's threads (lsm.asyncReads) instead of run on
// the JS thread: memtable gets of 100-byte values, one at a time synchronously, then through
// getAsync with 1, 4, 16 and 64 in flight (the thread handoff and the trip back to the JS thread
// are the difference; against a remote store's milliseconds they vanish).
//
//   node bench/async-reads.mjs [--gets 200000] [--keys 100000]
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
const gets = flag('gets', 200_000);
const keys = flag('keys', 100_000);

const dir = mkdtempSync(join(tmpdir(), 'statebench-async-reads-'));
const db = await lsmBackend.open(join(dir, 'db'), resolveKnobs(lsmBackend.describe(), { asyncReads: '64' }), { keySize: 16, seed: 1 });
for (let i = 0; i < keys; i++) db.put(i, new Uint8Array(100).fill(i & 0xff));
const key = (i) => (i * 7) % keys;
let sink = 0;

let t = performance.now();
for (let i = 0; i < gets; i++) sink += db.get(key(i)).length;
console.log(`synchronous      ${(((performance.now() - t) * 1e6) / gets).toFixed(0)} ns/get`);

for (const depth of [1, 4, 16, 64]) {
  t = performance.now();
  let issued = 0;
  let done = 0;
  await new Promise((resolve) => {
    const issue = () => {
      while (issued - done < depth && issued < gets) {
        db.getAsync(key(issued++)).then((v) => {
          sink += v.length;
          if (++done === gets) resolve();
          else issue();
        });
      }
    };
    issue();
  });
  console.log(`${String(depth).padStart(2)} in flight      ${(((performance.now() - t) * 1e6) / gets).toFixed(0)} ns/get`);
}
db.close();
rmSync(dir, { recursive: true, force: true });
if (sink === 0) console.log('(nothing read)');
