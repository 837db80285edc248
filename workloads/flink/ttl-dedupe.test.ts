import { describe, expect, it } from 'vitest';
import { resolveParams } from '../params.js';
import { createRng } from '../../core/rng.js';
import { OpBatch } from '../types.js';
import { TTL_TICKS, ttlDedupe } from './ttl-dedupe.js';

/** Replays the runner's ttl-dedupe rule on a map: the share of revisits that found an expired entry. */
function expiredShareOf(share: number): number {
  const p = resolveParams(ttlDedupe, { records: 1000, extra: { expiredShare: share } });
  const ops = 300_000;
  const batch = new OpBatch(ops);
  ttlDedupe.createRun(p, createRng(5), { inserted: 0 }, ops).fill(batch, ops);
  const written = new Map<number, number>();
  let revisits = 0;
  let expired = 0;
  for (let i = 0; i < ops; i++) {
    const key = batch.key[i] as number;
    const tick = batch.arg[i] as number;
    const w = written.get(key);
    // The first 30k events fill the state; count from then on.
    if (w !== undefined && i >= 30_000) {
      revisits++;
      if (w + TTL_TICKS < tick) expired++;
    }
    if (w === undefined || w + TTL_TICKS < tick) written.set(key, tick);
  }
  return expired / revisits;
}

describe('ttl-dedupe', () => {
  for (const share of [0.05, 0.1, 0.5]) {
    it(`expires about ${share} of revisits with uniform keys`, () => {
      expect(Math.abs(expiredShareOf(share) - share)).toBeLessThan(0.02);
    });
  }

  it('expires nothing at expiredShare 0', () => {
    expect(expiredShareOf(0)).toBe(0);
  });

  it('newKeyShare: that share of events brings a never-seen id, and the source tells the tick of each batch\'s first op', () => {
    const p = resolveParams(ttlDedupe, { records: 1000, extra: { expiredShare: 0.5, newKeyShare: 0.3 } });
    const space = { inserted: 0 };
    const source = ttlDedupe.createRun(p, createRng(9), space, 20_000);
    const batch = new OpBatch(10_000);
    const seen = new Set<number>();
    let fresh = 0;
    for (let round = 0; round < 2; round++) {
      const n = source.fill(batch, 10_000);
      expect(source.clock?.()).toBe(batch.arg[0]);
      for (let i = 0; i < n; i++) {
        const key = batch.key[i] as number;
        if (key >= 1000) {
          expect(seen.has(key)).toBe(false);
          fresh++;
        }
        seen.add(key);
      }
    }
    expect(Math.abs(fresh / 20_000 - 0.3)).toBeLessThan(0.02);
    // The key space counts the new ids.
    expect(space.inserted).toBe(1000 + fresh);
  });

  it('declares its state with the ttlCleanup asked for, background (Flink\'s default) unless told', () => {
    const states = (extra: Record<string, string>) => ttlDedupe.flinkStates?.(resolveParams(ttlDedupe, { extra }))?.states[0];
    expect(states({})).toMatchObject({ ttl: TTL_TICKS, ttlCleanup: 'background' });
    expect(states({ ttlCleanup: 'full-snapshot' })).toMatchObject({ ttlCleanup: 'full-snapshot' });
    expect(() => resolveParams(ttlDedupe, { extra: { ttlCleanup: 'sometimes' } })).toThrow(/--param ttlCleanup=sometimes: expected one of background, compaction, incremental, full-snapshot, none/);
    expect(() => resolveParams(ttlDedupe, { extra: { newKeyShare: 1 } })).toThrow(/--param newKeyShare=1/);
  });
});
