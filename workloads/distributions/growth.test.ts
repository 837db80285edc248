import { describe, expect, it } from 'vitest';
import { createRng } from '../../core/rng.js';
import { createKeyChooser } from './index.js';
import { LatestChooser } from './latest.js';
import { ZipfianRanks } from './zipfian.js';
import { zeta } from './zeta.js';

describe('growing key spaces', () => {
  it('zipfian updates zeta incrementally to the value computed from scratch', () => {
    const ranks = new ZipfianRanks(1000, 0.99, createRng(1));
    for (let n = 1001; n <= 1500; n++) ranks.grow(n);
    expect(ranks.items).toBe(1500);
    expect(ranks.zetaN).toBeCloseTo(zeta(1500, 0.99), 10);
  });

  it('latest makes the newest key the most popular after inserts', () => {
    const latest = new LatestChooser(1000, 0.99, createRng(2));
    latest.grow(1010);
    const counts = new Map<number, number>();
    for (let i = 0; i < 50_000; i++) {
      const k = latest.next();
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    const top = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
    expect(top?.[0]).toBe(1009);
    expect(Math.max(...counts.keys())).toBe(1009);
  });

  for (const name of ['uniform', 'zipfian', 'scrambled-zipfian', 'hotspot', 'exponential', 'sequential']) {
    it(`${name} reaches inserted keys and stays below the count`, () => {
      const chooser = createKeyChooser(name, 100, 0.99, createRng(3), { capacity: 150 });
      chooser.grow?.(200);
      let max = -1;
      for (let i = 0; i < 200_000; i++) max = Math.max(max, chooser.next());
      expect(max).toBeGreaterThanOrEqual(100);
      expect(max).toBeLessThan(200);
    });
  }

  it('scrambled zipfian maps ranks the same way after growing within its capacity', () => {
    const hottest = (start: number): number[] => {
      const c = createKeyChooser('scrambled-zipfian', start, 0.99, createRng(4), { capacity: 2000 });
      c.grow?.(1500);
      const counts = new Float64Array(2000);
      for (let i = 0; i < 50_000; i++) {
        const k = c.next();
        counts[k] = (counts[k] as number) + 1;
      }
      return [...counts.keys()].sort((a, b) => (counts[b] as number) - (counts[a] as number)).slice(0, 3);
    };
    expect(hottest(1000)).toEqual(hottest(1500));
  });
});
