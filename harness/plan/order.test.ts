import { describe, expect, it } from 'vitest';
import { UsageError } from '../../core/errors.js';
import { interleaveRepeats, parseSeed, repeatSeed } from './order.js';

const rounds = (repeats: number, seed: number): string[] => interleaveRepeats(repeats, seed, (r) => ['a', 'b', 'c', 'd', 'e'].map((c) => `${c}#${r}`));

describe('the order of cells', () => {
  it('keeps the order given when there is one repeat, unless told to shuffle that one round too', () => {
    expect(rounds(1, 42)).toEqual(['a#0', 'b#0', 'c#0', 'd#0', 'e#0']);
    const shuffled = (seed: number): string[] => interleaveRepeats(1, seed, () => ['a', 'b', 'c', 'd', 'e'], true);
    expect([...shuffled(42)].sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect([1, 2, 3, 4, 5].some((s) => shuffled(s).join() !== 'a,b,c,d,e')).toBe(true);
  });

  it('runs every cell of repeat r before any of repeat r + 1, each round shuffled by the seed', () => {
    const order = rounds(3, 42);
    for (let r = 0; r < 3; r++) expect([...order.slice(r * 5, r * 5 + 5)].sort()).toEqual(['a', 'b', 'c', 'd', 'e'].map((c) => `${c}#${r}`));
    expect(rounds(3, 42)).toEqual(order);
    // Some seed reorders the rounds (a shuffle that never moves anything would pass the rest).
    expect([1, 2, 3, 4, 5].some((s) => rounds(3, s).join() !== rounds(3, 42).join())).toBe(true);
  });

  it('gives each repeat its own seed, the same for every configuration, repeat 0 on the run seed', () => {
    expect(repeatSeed(42, 0)).toBe(42);
    const seeds = [0, 1, 2, 3].map((r) => repeatSeed(42, r));
    expect(new Set(seeds).size).toBe(4);
    expect(seeds.every((s) => Number.isInteger(s) && s >= -2147483648 && s <= 2147483647)).toBe(true);
  });

  it('reads --seed as a 32-bit integer, or the fallback', () => {
    expect(parseSeed(undefined, 7)).toBe(7);
    expect(parseSeed('-3', 7)).toBe(-3);
    expect(() => parseSeed('2147483648', 7)).toThrow(UsageError);
    expect(() => parseSeed('soon', 7)).toThrow(/--seed/);
  });
});
