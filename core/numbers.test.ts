// One way to print a figure and a signed change in every output.
import { describe, expect, it } from 'vitest';
import { formatMargin, formatNumber, formatShare, formatSignedPct, formatWhole } from './numbers.js';

describe('formatSignedPct', () => {
  it('gives the sign, one decimal and a space before the per cent sign', () => {
    expect(formatSignedPct(3.14)).toBe('+3.1 %');
    expect(formatSignedPct(-12)).toBe('-12.0 %');
    expect(formatSignedPct(164.56)).toBe('+164.6 %');
  });

  it('gives no sign to a change that rounds to zero, and `none` for a missing one', () => {
    expect(formatSignedPct(0)).toBe('0.0 %');
    expect(formatSignedPct(-0.04)).toBe('0.0 %');
    expect(formatSignedPct(null)).toBe('?');
    expect(formatSignedPct(null, '-')).toBe('-');
  });
});

describe('formatNumber', () => {
  it('keeps the significant digits asked for and groups thousands', () => {
    expect(formatNumber(12_345.6)).toBe('12,346');
    expect(formatNumber(1.2345)).toBe('1.23');
    expect(formatNumber(1.2346, 4)).toBe('1.235');
    expect(formatNumber(120)).toBe('120');
    expect(formatNumber(null)).toBe('–');
    expect(formatNumber(undefined, 4, '-')).toBe('-');
  });
});

describe('formatShare', () => {
  it('gives a fraction in per cent with one decimal, and `none` for a missing one', () => {
    expect(formatShare(0.8)).toBe('80.0 %');
    expect(formatShare(0.0123)).toBe('1.2 %');
    expect(formatShare(null, 'n/a')).toBe('n/a');
  });
});

describe('formatWhole', () => {
  it('rounds a count or rate to a whole number with thousands grouped, and `none` for a missing one', () => {
    expect(formatWhole(12_345.6)).toBe('12,346');
    expect(formatWhole(7)).toBe('7');
    expect(formatWhole(null)).toBe('-');
    expect(formatWhole(undefined, '–')).toBe('–');
  });
});

describe('formatMargin', () => {
  it('gives a margin in per cent with one decimal, and `none` for a missing one', () => {
    expect(formatMargin(1.234)).toBe('±1.2 %');
    expect(formatMargin(null)).toBe('-');
    expect(formatMargin(null, '–')).toBe('–');
  });
});
