import { describe, expect, it } from 'vitest';
import { createRng } from '../../core/rng.js';
import { chiSquareFit } from '../stats/chi-square.js';
import { createKeyChooser, DISTRIBUTIONS } from './index.js';
import { keyProbabilities } from './pmf.js';

function draw(name: string, records: number, samples: number, seed: number, theta = 0.99): Float64Array {
  const chooser = createKeyChooser(name, records, theta, createRng(seed));
  const counts = new Float64Array(records);
  for (let i = 0; i < samples; i++) {
    const k = chooser.next();
    counts[k] = (counts[k] as number) + 1;
  }
  return counts;
}

describe('each distribution fits its theoretical frequencies (chi-square, fixed seeds)', () => {
  for (const name of DISTRIBUTIONS) {
    for (const seed of [7, 42]) {
      it(`${name}, seed ${seed}`, () => {
        const counts = draw(name, 2000, 200_000, seed);
        const fit = chiSquareFit(counts, keyProbabilities(name, 2000, 0.99));
        expect(fit.pValue).toBeGreaterThan(0.001);
      });
    }
  }

  // 0.5: a whole-number exponent (squaring path); 0.7: a fractional one (exp/log path).
  for (const theta of [0.5, 0.7]) {
    it(`zipfian and latest at theta ${theta} fit too`, () => {
      for (const name of ['zipfian', 'latest']) {
        const fit = chiSquareFit(draw(name, 500, 100_000, 3, theta), keyProbabilities(name, 500, theta));
        expect(fit.pValue).toBeGreaterThan(0.001);
      }
    });
  }

  it('the test rejects a wrong curve: uniform draws against zipfian frequencies', () => {
    const fit = chiSquareFit(draw('uniform', 2000, 200_000, 7), keyProbabilities('zipfian', 2000, 0.99));
    expect(fit.pValue).toBeLessThan(1e-9);
  });

  it('the test rejects a slightly wrong theta', () => {
    const fit = chiSquareFit(draw('zipfian', 2000, 200_000, 7, 0.9), keyProbabilities('zipfian', 2000, 0.99));
    expect(fit.pValue).toBeLessThan(1e-9);
  });
});
