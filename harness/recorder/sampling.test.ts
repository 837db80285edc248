import { describe, expect, it } from 'vitest';
import { chooseSampleEvery, measureTimingCostNs } from './sampling.js';

describe('sampling', () => {
  it('times every op when timing is cheap next to the op', () => {
    expect(chooseSampleEvery(20_000, 100)).toBe(1);
    expect(chooseSampleEvery(10_000, 100)).toBe(1);
  });
  it('times one op in a power of two when timing would be more than 1 % of the op', () => {
    expect(chooseSampleEvery(2_000, 100)).toBe(8);
    expect(chooseSampleEvery(1_000, 100)).toBe(16);
    expect(chooseSampleEvery(100, 100)).toBe(128);
    expect(chooseSampleEvery(40, 150)).toBe(512);
  });
  it('stays within bounds on degenerate input', () => {
    expect(chooseSampleEvery(0.001, 1000)).toBe(1024);
    expect(chooseSampleEvery(Number.NaN, 100)).toBe(1);
    expect(chooseSampleEvery(100, 0)).toBe(1);
  });
  it('measures a positive timing cost', () => {
    expect(measureTimingCostNs(3, 2000)).toBeGreaterThan(0);
  });
});
