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
});
