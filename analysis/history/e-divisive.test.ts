import { describe, expect, it } from 'vitest';
import { createRng } from '../../core/rng.js';
import { bestSplit, detectChangePoints, permutationsFor } from './e-divisive.js';

const options = { alpha: 0.001, permutations: permutationsFor(0.001), minSegment: 4, seed: 1 };

/** Normal noise (Box-Muller) around a level, seeded. */
function noisy(levels: readonly number[], sd: number, seed: number): number[] {
  const rng = createRng(seed);
  return levels.map((level) => {
    const u = 1 - rng.next();
    const v = rng.next();
    return level * (1 + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v));
  });
}

const steps = (n: number, at: readonly number[], factor: number): number[] =>
  Array.from({ length: n }, (_, i) => 100 * factor ** at.filter((a) => i >= a).length);

describe('E-Divisive means', () => {
  it('splits a clean step exactly where it is', () => {
    expect(bestSplit([1, 1, 1, 1, 1, 2, 2, 2, 2, 2], 2)).toMatchObject({ tau: 5 });
    expect(bestSplit([1, 2, 3], 2)).toBeNull();
  });

  it('finds a 10 % step in 40 points with 2 % noise at its place, with a p-value under alpha', () => {
    const found = detectChangePoints(noisy(steps(40, [23], 1.1), 0.02, 7), options);
    expect(found.map((c) => c.index)).toEqual([23]);
    expect(found[0]?.pValue).toBeLessThanOrEqual(0.001);
  });

  it('finds two steps, and the windows between change points are searched again', () => {
    const found = detectChangePoints(noisy(steps(60, [15, 40], 1.1), 0.02, 3), options);
    expect(found).toHaveLength(2);
    expect(Math.abs((found[0]?.index ?? 0) - 15)).toBeLessThanOrEqual(1);
    expect(Math.abs((found[1]?.index ?? 0) - 40)).toBeLessThanOrEqual(1);
  });

  it('finds nothing in 20 series of pure noise', () => {
    for (let seed = 0; seed < 20; seed++) expect(detectChangePoints(noisy(steps(40, [], 1), 0.02, 100 + seed), options), `seed ${seed}`).toEqual([]);
  });

  it('is reproducible: the same values and seed give the same p-values', () => {
    const values = noisy(steps(30, [20], 1.05), 0.02, 11);
    expect(detectChangePoints(values, options)).toEqual(detectChangePoints(values, options));
  });

  it('keeps minSegment points on each side: a step in the last three of 40 points is placed four from the end', () => {
    expect(detectChangePoints(steps(40, [37], 1.5), options).map((c) => c.index)).toEqual([36]);
    expect(detectChangePoints([1, 2, 3, 4, 5, 6, 7], options)).toEqual([]);
  });
});
