import { describe, expect, it } from 'vitest';
import { UsageError } from '../core/errors.js';
import { DISTRIBUTIONS } from './distributions/index.js';
import { concentration, keySampleJson, sampleKeys, topKeys } from './key-sample.js';

describe('statebench keys: sampleKeys', () => {
  for (const distribution of DISTRIBUTIONS) {
    it(`${distribution} passes its fit at seed 42`, () => {
      const s = sampleKeys({ distribution, theta: 0.99, records: 1000, samples: 100_000, seed: 42 });
      expect(s.counts.reduce((a, b) => a + b, 0)).toBe(100_000);
      expect(s.fit.pValue).toBeGreaterThan(0.001);
    });
  }

  it('prints the --json shape: counts per key id and the fit', () => {
    const s = sampleKeys({ distribution: 'uniform', theta: 0.99, records: 5, samples: 100, seed: 1 });
    const doc = keySampleJson(s) as Record<string, unknown>;
    expect(Object.keys(doc)).toEqual(['distribution', 'theta', 'records', 'samples', 'seed', 'counts', 'fit']);
    expect(doc.counts).toHaveLength(5);
    expect((doc.counts as number[]).reduce((a, b) => a + b, 0)).toBe(100);
    expect(Object.keys(doc.fit as object)).toEqual(['test', 'statistic', 'pValue']);
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
  });

  it('ranks the most drawn keys and their concentration', () => {
    const s = sampleKeys({ distribution: 'zipfian', theta: 0.99, records: 1000, samples: 50_000, seed: 3 });
    const top = topKeys(s, 3);
    expect(top.map((t) => t.key)).toEqual([0, 1, 2]);
    expect(Math.abs((top[0]?.share ?? 0) - (top[0]?.expectedShare ?? 1))).toBeLessThan(0.01);
    const c = concentration(s, 0.1);
    expect(Math.abs(c.realised - c.expected)).toBeLessThan(0.01);
  });

  it('rejects bad flags naming them', () => {
    const base = { distribution: 'uniform', theta: 0.99, records: 10, samples: 10, seed: 1 };
    expect(() => sampleKeys({ ...base, records: 0 })).toThrow(UsageError);
    expect(() => sampleKeys({ ...base, records: 0 })).toThrow(/^--records: 0/);
    expect(() => sampleKeys({ ...base, samples: 1.5 })).toThrow(/^--samples: 1.5/);
    expect(() => sampleKeys({ ...base, distribution: 'zipfian', theta: 2 })).toThrow(/^--theta: 2/);
    expect(() => sampleKeys({ ...base, seed: 0.5 })).toThrow(/^--seed: 0.5/);
  });
});
