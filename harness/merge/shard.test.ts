import { describe, expect, it } from 'vitest';
import { parseShard, selectShard } from './shard.js';

describe('shard selection', () => {
  const cells = Array.from({ length: 11 }, (_, i) => `c${i}`);
  it('the shards partition the plan: every cell in exactly one shard, shares differ by at most one', () => {
    const shards = [0, 1, 2].map((index) => selectShard(cells, { index, count: 3 }));
    expect(shards.flat().sort()).toEqual([...cells].sort());
    expect(new Set(shards.flat()).size).toBe(cells.length);
    const sizes = shards.map((s) => s.length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
  });
  it('is deterministic: the same share every time', () => {
    expect(selectShard(cells, { index: 1, count: 4 })).toEqual(['c1', 'c5', 'c9']);
    expect(selectShard(cells, null)).toEqual(cells);
  });
  it('parses i/N (0-based) and rejects the rest in one line naming the flag', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    for (const bad of ['4/4', '1/0', 'a/b', '1']) expect(() => parseShard(bad)).toThrow(/^--shard: '.*' is not valid; expected i\/N/);
  });
});
