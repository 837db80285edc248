import { describe, expect, it } from 'vitest';
import { chiSquareFit, chiSquarePValue } from './chi-square.js';

describe('chi-square p-values', () => {
  it('matches table critical values at 5%', () => {
    expect(chiSquarePValue(3.841459, 1)).toBeCloseTo(0.05, 5);
    expect(chiSquarePValue(18.307038, 10)).toBeCloseTo(0.05, 5);
    expect(chiSquarePValue(1074.679449, 1000)).toBeCloseTo(0.05, 4);
  });

  it('pools keys expecting fewer than 5 draws', () => {
    const fit = chiSquareFit([3, 2, 5, 10], [0.1, 0.1, 0.3, 0.5]);
    // 20 samples: expected 2, 2, 6, 10 -> bins {0,1,2} (10 vs 10) and {3} (10 vs 10).
    expect(fit.bins).toBe(2);
    expect(fit.statistic).toBeCloseTo(0, 10);
  });

  it('gives p = 0 for draws where the distribution has no mass', () => {
    expect(chiSquareFit([10, 10], [1, 0]).pValue).toBe(0);
  });
});
