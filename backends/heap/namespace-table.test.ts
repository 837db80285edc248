import { describe, expect, it } from 'vitest';
import { NamespaceTable } from './namespace-table.js';
import { createRng } from '../../core/rng.js';

describe('heap namespace table ordered index', () => {
  it('scans in key order through any mix of inserts, overwrites and deletes (against a reference model)', () => {
    const rng = createRng(11);
    const table = new NamespaceTable();
    const model = new Map<number, number>();
    const v = (n: number): Uint8Array => new Uint8Array([n & 0xff]);
    for (let step = 0; step < 20_000; step++) {
      const r = rng.next();
      const key = rng.int(5_000);
      if (r < 0.5) {
        table.set(key, v(step));
        model.set(key, step & 0xff);
      } else if (r < 0.7) {
        table.delete(key);
        model.delete(key);
      } else {
        const start = rng.int(5_000);
        const limit = 1 + rng.int(50);
        const end = rng.next() < 0.3 ? start + rng.int(500) : undefined;
        const expected = [...model.keys()]
          .filter((k) => k >= start && (end === undefined || k < end))
          .sort((a, b) => a - b)
          .slice(0, limit);
        const got = table.scan(start, limit, end);
        expect(got.map((e) => e.key)).toEqual(expected);
        for (const e of got) expect(e.value[0]).toBe(model.get(e.key));
      }
    }
  });
});
