// Each built-in's operation shares match its declared mix within 1 % over 100k ops, generated
// from the OpSource directly (the mix does not depend on a backend).
import { describe, expect, it } from 'vitest';
import { listWorkloads } from './catalogue.js';
import { resolveParams } from './params.js';
import { createRng } from './rng.js';
import { OpBatch, type KeySpace, type WorkloadDefinition } from './types.js';

const W = 10_000;
const DECLARED: Record<string, Record<string, number>> = {
  'ycsb-a': { read: 0.5, update: 0.5 },
  'ycsb-b': { read: 0.95, update: 0.05 },
  'ycsb-c': { read: 1 },
  'ycsb-d': { read: 0.95, insert: 0.05 },
  'ycsb-e': { scan: 0.95, insert: 0.05 },
  'ycsb-f': { read: 0.5, 'read-modify-write': 0.5 },
  fillseq: { write: 1 },
  fillrandom: { write: 1 },
  overwrite: { update: 1 },
  readrandom: { read: 1 },
  readseq: { scan: 1 },
  seekrandom: { seek: 1 },
  deleterandom: { delete: 1 },
  readwhilewriting: { read: 0.5, write: 0.5 },
  'value-state': { 'value-get': 0.5, 'value-update': 0.5 },
  'list-state': { 'list-append': 0.9, 'list-get': 0.1 },
  'map-state': { 'map-put': 0.495, 'map-get': 0.495, 'map-iterate': 0.01 },
  'window-agg': { 'window-get': W / (2 * W + 1), 'window-update': W / (2 * W + 1), 'window-fire': 1 / (2 * W + 1) },
  'ttl-dedupe': { dedupe: 1 },
};

const OPS = 100_000;

function runShares(def: WorkloadDefinition): Record<string, number> {
  const params = resolveParams(def, { records: 10_000 });
  const rng = createRng(1234);
  const space: KeySpace = { inserted: 0 };
  const batch = new OpBatch(4096);
  const load = def.createLoad(params, rng.fork(2), space);
  if (load) while (load.fill(batch, batch.capacity) > 0);
  const run = def.createRun(params, rng.fork(4), space, OPS);
  const counts = new Map<string, number>();
  let total = 0;
  for (let n = run.fill(batch, batch.capacity); n > 0; n = run.fill(batch, batch.capacity)) {
    for (let i = 0; i < n; i++) {
      const name = def.operations[batch.kind[i] as number]?.name ?? 'bad kind';
      counts.set(name, (counts.get(name) ?? 0) + 1);
    }
    total += n;
  }
  expect(total).toBe(OPS);
  return Object.fromEntries([...counts].map(([k, v]) => [k, v / total]));
}

describe('built-in operation shares over 100k ops', () => {
  for (const def of listWorkloads()) {
    it(def.name, () => {
      const declared = DECLARED[def.name];
      expect(declared).toBeDefined();
      const got = runShares(def);
      expect(Object.keys(got).sort()).toEqual(Object.keys(declared ?? {}).sort());
      for (const [op, share] of Object.entries(declared ?? {})) expect(Math.abs((got[op] ?? 0) - share)).toBeLessThan(0.01);
    });
  }
});
