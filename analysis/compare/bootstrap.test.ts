import { describe, expect, it } from 'vitest';
import { bootstrapRatioOfMeans } from './bootstrap.js';

const o = { resamples: 5000, confidence: 0.95, seed: 9 };

describe('bootstrap of the ratio of means', () => {
  it('estimates the relative change of the means and brackets it', () => {
    const base = [100, 101, 99, 100, 100.5];
    const head = base.map((x) => x * 1.1);
    const c = bootstrapRatioOfMeans(base, head, o);
    expect(c?.estimate).toBeCloseTo(0.1, 6);
    expect(c?.low).toBeGreaterThan(0.08);
    expect(c?.low).toBeLessThan(0.1);
    expect(c?.high).toBeGreaterThan(0.1);
    expect(c?.high).toBeLessThan(0.12);
  });

  it('gives a zero-width interval for identical constant samples', () => {
    const c = bootstrapRatioOfMeans([5, 5, 5], [5, 5, 5], o);
    expect(c).toEqual({ estimate: 0, low: 0, high: 0 });
  });

  it('widens the interval when the repeats are noisier', () => {
    const tight = bootstrapRatioOfMeans([100, 101, 99, 100], [100, 99, 101, 100], o);
    const noisy = bootstrapRatioOfMeans([80, 120, 90, 110], [120, 80, 110, 90], o);
    expect((noisy?.high ?? 0) - (noisy?.low ?? 0)).toBeGreaterThan(5 * ((tight?.high ?? 0) - (tight?.low ?? 0)));
  });

  it('is reproducible with the same seed', () => {
    const a = bootstrapRatioOfMeans([1, 2, 3, 4], [2, 3, 4, 5], o);
    const b = bootstrapRatioOfMeans([1, 2, 3, 4], [2, 3, 4, 5], o);
    expect(a).toEqual(b);
  });

  it('gives no interval when the base mean is 0 or a side is empty', () => {
    expect(bootstrapRatioOfMeans([0, 0, 0], [1, 1, 1], o)).toBeNull();
    expect(bootstrapRatioOfMeans([], [1, 1, 1], o)).toBeNull();
  });
});
