import { describe, expect, it } from 'vitest';
import { parseShard, selectShard } from './shard.js';

describe('shard selection', () => {
  const cells = Array.from({ length: 11 }, (_, i) => `c${i}`);
  it('the shards partition the plan: every cell in exactly one shard, shares differ by at most one', () => {
    const shards = [1, 2, 3].map((index) => selectShard(cells, { index, count: 3 }));
    expect(shards.flat().sort()).toEqual([...cells].sort());
    expect(new Set(shards.flat()).size).toBe(cells.length);
    const sizes = shards.map((s) => s.length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
  });
  it('is deterministic: the same share every time', () => {
    expect(selectShard(cells, { index: 2, count: 4 })).toEqual(['c1', 'c5', 'c9']);
    expect(selectShard(cells, null)).toEqual(cells);
  });
  it('parses i/N numbered from 1, as a CI matrix of [1, 2, 3, 4] passes it, and rejects the rest in one line naming the flag and the range', () => {
    expect(parseShard('4/4')).toEqual({ index: 4, count: 4 });
    expect(parseShard('1/4')).toEqual({ index: 1, count: 4 });
    expect(() => parseShard('0/4')).toThrow(/^--shard: '0\/4' is not valid; expected i\/N with 1 <= i <= N, .*\(here: 1\/4 \.\.\. 4\/4\)$/);
    for (const bad of ['5/4', '1/0', 'a/b', '1']) expect(() => parseShard(bad)).toThrow(/^--shard: '.*' is not valid; expected i\/N with 1 <= i <= N/);
  });
});
