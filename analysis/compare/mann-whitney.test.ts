import { describe, expect, it } from 'vitest';
import { hodgesLehmannChange, mannWhitneyMinRepeats, mannWhitneyRank, normalQuantile } from './mann-whitney.js';

describe('Mann-Whitney interval ranks', () => {
  it('matches the published two-sided 5 % critical values (U crit + 1)', () => {
    // Critical values of U at alpha = 0.05, two-sided: n=m=4: 0, 5: 2, 6: 5, 8: 13, 10: 23.
    expect(mannWhitneyRank(4, 4, 0.95)).toBe(1);
    expect(mannWhitneyRank(5, 5, 0.95)).toBe(3);
    expect(mannWhitneyRank(6, 6, 0.95)).toBe(6);
    expect(mannWhitneyRank(8, 8, 0.95)).toBe(14);
    expect(mannWhitneyRank(10, 10, 0.95)).toBe(24);
  });

  it('has no interval with 3 repeats per side, so the minimum is 4', () => {
    expect(mannWhitneyRank(3, 3, 0.95)).toBe(0);
    expect(mannWhitneyMinRepeats(0.95)).toBe(4);
  });
});

describe('Hodges-Lehmann relative change', () => {
  it('recovers a constant 10 % shift exactly', () => {
    const base = [100, 102, 98, 101, 99];
    const head = base.map((x) => x * 1.1);
    const c = hodgesLehmannChange(base, head, 0.95);
    expect(c?.estimate).toBeCloseTo(0.1, 9);
    expect(c?.low).toBeLessThanOrEqual(0.1);
    expect(c?.high).toBeGreaterThanOrEqual(0.1);
  });

  it('with 4 repeats per side spans the smallest to the largest pairwise ratio', () => {
    const c = hodgesLehmannChange([10, 11, 12, 13], [20, 21, 22, 23], 0.95);
    expect(c?.low).toBeCloseTo(20 / 13 - 1, 9);
    expect(c?.high).toBeCloseTo(23 / 10 - 1, 9);
  });

  it('gives no interval with too few repeats or a non-positive value', () => {
    expect(hodgesLehmannChange([1, 2, 3], [1, 2, 3], 0.95)).toBeNull();
    expect(hodgesLehmannChange([0, 2, 3, 4], [1, 2, 3, 4], 0.95)).toBeNull();
  });
});

describe('normalQuantile', () => {
  it('gives the familiar quantiles', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 5);
    expect(normalQuantile(0.8)).toBeCloseTo(0.841621, 5);
    expect(normalQuantile(0.01)).toBeCloseTo(-2.326348, 5);
  });
});
