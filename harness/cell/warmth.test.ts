import { describe, expect, it } from 'vitest';
import { cacheWarmth } from './warmth.js';

const s = (hits: number, misses: number) => ({ blockCacheHits: hits, blockCacheMisses: misses, l0Files: 1 });

describe('cache warmth', () => {
  it('gives the hit ratio of the first and the last interval of a phase', () => {
    // Before the phase 100/100; first interval 10 hits of 100 lookups, last 90 of 100.
    const w = cacheWarmth(s(100, 100), [s(110, 190), s(160, 240), s(250, 250)]);
    expect(w).toEqual({ startHitRatio: 0.1, endHitRatio: 0.9 });
  });
  it('passes over a sliver of an interval at the end', () => {
    const w = cacheWarmth(s(0, 0), [s(50, 50), s(140, 60), s(140, 61)]);
    expect(w?.endHitRatio).toBe(0.9);
  });
  it('is null for an engine without cache counters, or with no lookups', () => {
    expect(cacheWarmth({ l0Files: 1 }, [{ l0Files: 2 }])).toBeNull();
    expect(cacheWarmth(s(5, 5), [s(5, 5)])).toBeNull();
  });
});
