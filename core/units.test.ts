import { describe, expect, it } from 'vitest';
import { formatBytes, formatCount, parseSize, trimFixed } from './units.js';
import { parseCount } from './parse-values.js';

describe('formatBytes', () => {
  it('whole multiples print as integers, in the form the size flags read back', () => {
    expect(formatBytes(64 * 1024 * 1024)).toBe('64MiB');
    expect(parseSize(formatBytes(64 * 1024 * 1024))).toBe(64 * 1024 * 1024);
    expect(formatBytes(512)).toBe('512B');
    expect(formatBytes(0)).toBe('0B');
    expect(formatBytes(3 * 1024 ** 4)).toBe('3TiB');
  });
  it('about three significant digits, trailing zeros dropped', () => {
    // The terminal's copy printed one decimal ("113.3KiB", "1.1MiB", "10.0KiB"); the reports'
    // rule won: it keeps three digits at every magnitude and never prints a useless ".0".
    expect(formatBytes(1536)).toBe('1.5KiB');
    expect(formatBytes(116_000)).toBe('113KiB');
    expect(formatBytes(1_180_000)).toBe('1.13MiB');
    expect(formatBytes(10_280)).toBe('10KiB');
    expect(formatBytes(10_800)).toBe('10.5KiB');
  });
  it('reports pass a space between figure and unit', () => {
    expect(formatBytes(116_000, ' ')).toBe('113 KiB');
    expect(formatBytes(100, ' ')).toBe('100 B');
  });
  it('keeps the sign of a negative figure', () => {
    expect(formatBytes(-1536)).toBe('-1.5KiB');
  });
  it('a missing or non-finite figure prints as a dash', () => {
    expect(formatBytes(null)).toBe('–');
    expect(formatBytes(undefined, ' ')).toBe('–');
    expect(formatBytes(Number.NaN)).toBe('–');
  });
});

describe('trimFixed', () => {
  it('drops trailing zeros and a trailing point', () => {
    expect(trimFixed(1.5, 2)).toBe('1.5');
    expect(trimFixed(2, 2)).toBe('2');
    expect(trimFixed(120, 0)).toBe('120');
  });
});

describe('formatCount', () => {
  it('prints a count exactly, with a suffix --records reads back', () => {
    expect([10_000, 4_000_000, 1_500, 12_345, 999, 2_500_000_000].map(formatCount)).toEqual(['10k', '4M', '1.5k', '12345', '999', '2.5G']);
    for (const n of [10_000, 4_000_000, 1_500, 12_345, 100_001]) expect(parseCount('records', formatCount(n))).toBe(n);
  });
});
