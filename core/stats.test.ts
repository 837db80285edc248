import { describe, expect, it } from 'vitest';
import { median, sortedMedian } from './stats.js';

describe('median', () => {
  it('odd count: the middle value, whatever the order', () => {
    expect(median([9, 1, 5])).toBe(5);
  });
  it('even count: the mean of the two middle values', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
  it('skips null, undefined and non-finite values', () => {
    expect(median([null, 3, undefined, Number.NaN, 1, Number.POSITIVE_INFINITY, 2])).toBe(2);
  });
  it('null when no finite value is left', () => {
    expect(median([])).toBeNull();
    expect(median([null, Number.NaN])).toBeNull();
  });
  it('leaves its input as it was', () => {
    const xs = [3, 1, 2];
    median(xs);
    expect(xs).toEqual([3, 1, 2]);
  });
});

describe('sortedMedian', () => {
  it('reads the middle of a sorted array', () => {
    expect(sortedMedian([1, 2, 10])).toBe(2);
    expect(sortedMedian([-3, -1, 4, 8])).toBe(1.5);
  });
});
