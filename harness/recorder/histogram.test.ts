import { describe, expect, it } from 'vitest';
import type { Histogram } from 'hdr-histogram-js';
import { createHistogram, decodeHistogram, encodeHistogram, FAST_RECORD, mergeEncoded, recordNs, summarise } from './histogram.js';

const countsOf = (h: Histogram): number[] => {
  const out: number[] = [];
  const n = (h as unknown as { countsArrayLength: number }).countsArrayLength;
  for (let i = 0; i < n; i++) out.push((h as unknown as { getCountAtIndex(i: number): number }).getCountAtIndex(i));
  return out;
};

describe('recordNs', () => {
  it('fills the same counts, total, min and max as hdr-histogram-js recordValue', () => {
    const values: number[] = [1, 2, 3, 1023, 1024, 1025, 2047, 2048, 2049, 4095, 4096, 65_535, 65_536, 1_000_000, 2 ** 31 - 1, 2 ** 31, 2 ** 32 - 1, 2 ** 32, 2 ** 33 + 7, 3_600_000_000_000];
    let x = 12345;
    for (let i = 0; i < 20_000; i++) {
      x = (Math.imul(x, 1103515245) + 12345) >>> 0;
      // log-uniform over 1 ns .. ~70 s
      values.push(1 + Math.floor(2 ** ((x / 2 ** 32) * 36)));
    }
    expect(FAST_RECORD).toBe(true); // the bit-arithmetic path is the one under test
    const fast = createHistogram();
    const lib = createHistogram();
    for (const v of values) {
      recordNs(fast, v);
      lib.recordValue(v);
    }
    expect(fast.totalCount).toBe(values.length);
    expect(countsOf(fast)).toEqual(countsOf(lib));
    expect(fast.maxValue).toBe(lib.maxValue);
    expect(fast.minNonZeroValue).toBe(lib.minNonZeroValue);
    expect(fast.getValueAtPercentile(99.9)).toBe(lib.getValueAtPercentile(99.9));
    expect(encodeHistogram(fast)).toBe(encodeHistogram(lib));
  });
});

describe('mergeEncoded', () => {
  it('adds the histograms losslessly, a missing one (no op timed) adding nothing', () => {
    const a = createHistogram();
    const b = createHistogram();
    const all = createHistogram();
    for (let v = 1; v <= 3000; v++) {
      recordNs(v <= 1000 ? a : b, v * 1000);
      recordNs(all, v * 1000);
    }
    const merged = mergeEncoded([encodeHistogram(a), null, encodeHistogram(b), encodeHistogram(createHistogram())]);
    expect(merged.totalCount).toBe(3000);
    expect(summarise(merged)).toEqual(summarise(decodeHistogram(encodeHistogram(all)!)));
    expect(mergeEncoded([null]).totalCount).toBe(0);
  });

  it('throws on a string that is not a histogram it wrote', () => {
    expect(() => mergeEncoded(['not-a-histogram'])).toThrow();
  });
});
