// A tiny mapSize fills up: writes then fail with one clear line naming the knob, the data
// written before stays readable, and the process carries on.
import { describe, expect, it } from 'vitest';
import { bytes, openLmdb } from './test-support/open.js';

const FULL = /^lmdb: map full \(mapSize 1MiB\); raise lmdb\.mapSize$/;

describe('lmdb map full', () => {
  it('fails sync writes with a message naming lmdb.mapSize, keeping earlier data', async () => {
    const { db } = await openLmdb({ writePath: 'sync', mapSize: '1MiB' });
    let written = 0;
    let error: unknown = null;
    for (let i = 0; i < 10_000 && error === null; i++) {
      try {
        db.put(i, bytes(1000, i & 0xff));
        written++;
      } catch (err) {
        error = err;
      }
    }
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(FULL);
    expect(written).toBeGreaterThan(100);
    expect(written).toBeLessThan(1100);
    expect(Array.from(db.get(written - 1) ?? [])[0]).toBe((written - 1) & 0xff);
    expect(() => db.delete(0)).toThrow(FULL);
  });

  it('rejects async writes with the same message', async () => {
    const { db } = await openLmdb({ writePath: 'async', mapSize: '1MiB' });
    let error: unknown = null;
    for (let i = 0; i < 10_000 && error === null; i++) {
      await db.putAsync?.(i, bytes(1000)).catch((err: unknown) => {
        error = err;
      });
    }
    expect((error as Error | null)?.message).toMatch(FULL);
  });

  it('fails a batched sync write the same way', async () => {
    const { db } = await openLmdb({ writePath: 'sync', writeBatchOps: '50', mapSize: '1MiB' });
    const attempt = (): void => {
      for (let i = 0; i < 10_000; i++) db.put(i, bytes(1000));
    };
    expect(attempt).toThrow(FULL);
  });
});
