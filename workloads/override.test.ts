// --distribution and distribution settings reach the keys a built-in generates.
import { describe, expect, it } from 'vitest';
import { resolveWorkload } from './catalogue.js';
import { resolveParams } from './params.js';
import { createRng } from '../core/rng.js';
import { OpBatch, type WorkloadParamsInput } from './types.js';

function runKeys(name: string, input: WorkloadParamsInput, ops = 50_000): Float64Array {
  const def = resolveWorkload(name);
  const p = resolveParams(def, { records: 1000, ...input });
  const space = { inserted: 0 };
  const batch = new OpBatch(ops);
  const load = def.createLoad(p, createRng(1), space);
  if (load) while (load.fill(batch, batch.capacity) > 0);
  const n = def.createRun(p, createRng(2), space, ops).fill(batch, ops);
  return batch.key.slice(0, n);
}

describe('distribution overrides in built-ins', () => {
  it('--distribution zipfian makes key 0 the hottest in readrandom (uniform by default)', () => {
    const keys = runKeys('readrandom', { distribution: 'zipfian' });
    const zeros = keys.filter((k) => k === 0).length / keys.length;
    expect(zeros).toBeGreaterThan(0.1);
    const uniformZeros = runKeys('readrandom', {}).filter((k) => k === 0).length / keys.length;
    expect(uniformZeros).toBeLessThan(0.01);
  });

  it('hotspot settings shape value-state keys', () => {
    const keys = runKeys('value-state', { distribution: 'hotspot', extra: { hotsetFraction: 0.05, hotOpnFraction: 0.9 } });
    const hot = keys.filter((k) => k < 50).length / keys.length;
    expect(Math.abs(hot - 0.9)).toBeLessThan(0.01);
  });

  it('ycsb insertOrder=ordered keeps key numbers as ids; hashed spreads them', () => {
    const ordered = runKeys('ycsb-c', { extra: { insertOrder: 'ordered' } });
    expect(Math.max(...ordered)).toBeLessThan(1000);
    const hashed = runKeys('ycsb-c', {});
    expect(Math.max(...hashed)).toBeGreaterThan(1000);
  });
});
