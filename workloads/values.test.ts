import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../core/errors.js';
import { createRng } from '../core/rng.js';
import { createValuePool, meanValueSize, parseValueSize } from './values.js';

describe('parseValueSize', () => {
  it('reads every accepted form', () => {
    expect(parseValueSize('100')).toEqual({ kind: 'constant', bytes: 100 });
    expect(parseValueSize('100B')).toEqual({ kind: 'constant', bytes: 100 });
    expect(parseValueSize('4KiB')).toEqual({ kind: 'constant', bytes: 4096 });
    expect(parseValueSize('uniform:10-1000')).toEqual({ kind: 'uniform', min: 10, max: 1000 });
    expect(parseValueSize('zipfian:10-1KiB')).toEqual({ kind: 'zipfian', min: 10, max: 1024 });
    expect(parseValueSize('histogram:100=0.5,1000=0.5')).toEqual({
      kind: 'histogram',
      buckets: [
        { bytes: 100, weight: 0.5 },
        { bytes: 1000, weight: 0.5 },
      ],
    });
  });

  for (const bad of ['', 'abc', '0', '-5', 'uniform:10', 'uniform:100-10', 'normal:1-2', 'histogram:100', 'histogram:100=-1', '100XB']) {
    it(`rejects '${bad}' naming --value-size`, () => {
      expect(() => parseValueSize(bad)).toThrow(UsageError);
      expect(() => parseValueSize(bad)).toThrow(/^--value-size: /);
    });
  }
});

describe('createValuePool', () => {
  it('makes a power-of-two pool of the requested size', () => {
    expect(createValuePool({ kind: 'constant', bytes: 100 }, 0.5, createRng(1))).toHaveLength(1024);
    expect(createValuePool({ kind: 'constant', bytes: 100 }, 0.5, createRng(1), 16)).toHaveLength(16);
    expect(() => createValuePool({ kind: 'constant', bytes: 100 }, 0.5, createRng(1), 1000)).toThrow(/power of two/);
  });

  it('draws sizes from the size distribution', () => {
    const uniform = createValuePool({ kind: 'uniform', min: 10, max: 1000 }, 0.5, createRng(2), 4096);
    const sizes = uniform.map((v) => v.byteLength);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(10);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(1000);
    const mean = sizes.reduce((a, b) => a + b, 0) / sizes.length;
    expect(Math.abs(mean - 505) / 505).toBeLessThan(0.05);

    const hist = createValuePool(parseValueSize('histogram:100=0.25,1000=0.75'), 0.5, createRng(3), 4096);
    const big = hist.filter((v) => v.byteLength === 1000).length / hist.length;
    expect(big).toBeGreaterThan(0.72);
    expect(big).toBeLessThan(0.78);

    const zipf = createValuePool({ kind: 'zipfian', min: 10, max: 1000 }, 0.5, createRng(4), 4096).map((v) => v.byteLength);
    const zipfMean = zipf.reduce((a, b) => a + b, 0) / zipf.length;
    expect(zipf.filter((n) => n === 10).length).toBeGreaterThan(zipf.filter((n) => n === 500).length);
    expect(Math.abs(zipfMean - meanValueSize({ kind: 'zipfian', min: 10, max: 1000 })) / zipfMean).toBeLessThan(0.1);
  });

  for (const c of [0, 0.5, 0.8]) {
    it(`values compress to about ${1 - c} of their size at compressibility ${c}`, () => {
      const pool = createValuePool({ kind: 'constant', bytes: 4096 }, c, createRng(5), 64);
      const raw = pool.reduce((a, v) => a + v.byteLength, 0);
      const packed = pool.reduce((a, v) => a + deflateRawSync(v).byteLength, 0);
      expect(packed / raw).toBeGreaterThan(1 - c - 0.05);
      expect(packed / raw).toBeLessThan(1 - c + 0.05);
    });
  }

  it('gives the same values for the same seed', () => {
    const a = createValuePool({ kind: 'uniform', min: 1, max: 64 }, 0.5, createRng(6), 8);
    const b = createValuePool({ kind: 'uniform', min: 1, max: 64 }, 0.5, createRng(6), 8);
    expect(a).toEqual(b);
  });

  it('repeats values instead of holding more than the pool byte limit', () => {
    const pool = createValuePool({ kind: 'constant', bytes: 1024 * 1024 }, 0.5, createRng(7), 1024);
    expect(pool).toHaveLength(1024);
    expect(new Set(pool).size).toBe(256);
    expect(pool.every((v) => v.byteLength === 1024 * 1024)).toBe(true);
  });
});
