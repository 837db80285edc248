// Each built-in's operation shares match its declared mix within 1 % over 100k ops, generated
// from the OpSource directly (the mix does not depend on a backend).
import { describe, expect, it } from 'vitest';
import { listWorkloads } from './catalogue.js';
import { resolveParams } from './params.js';
import { createRng } from '../core/rng.js';
import { OpBatch, type KeySpace, type WorkloadDefinition } from './types.js';

import { DECLARED_SHARES as DECLARED } from './test-support/declared-shares.js';

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
