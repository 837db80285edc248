// Commit batching. Sync path: writeBatchOps writes share one transaction; the reads in between
// see the writes; flush commits the rest. Async path: writes of one event turn share a commit.
// The environment's transaction id counts commits.
import { describe, expect, it } from 'vitest';
import { bytes, openLmdb } from './test-support/open.js';
import type { BackendInstance } from '../types.js';

const commits = async (db: BackendInstance): Promise<number> =>
  (await db.finalStats({ userBytesWritten: 1, liveLogicalBytes: 1, processWriteBytes: null })).metrics.commits as number;

describe('lmdb sync path batching', () => {
  it('commits once per writeBatchOps writes, with each write visible at once', async () => {
    const { db } = await openLmdb({ writePath: 'sync', writeBatchOps: '10' });
    const committed = (): number => db.sampleStats().commits as number;
    const before = committed();
    for (let i = 0; i < 9; i++) {
      db.put(i, bytes(8, i));
      expect(db.get(i)?.[0]).toBe(i);
    }
    expect(db.scan(0, 100).length).toBe(9);
    expect(committed()).toBe(before);
    db.put(9, bytes(8));
    expect(committed()).toBe(before + 1);
    for (let i = 10; i < 35; i++) db.put(i, bytes(8));
    expect(committed()).toBe(before + 3);
    db.delete(0);
    expect(db.get(0)).toBeUndefined();
    // finalStats commits the open batch (5 puts and a delete) first.
    expect(await commits(db)).toBe(before + 4);
  });

  it('commits every write on its own with writeBatchOps=1', async () => {
    const { db } = await openLmdb({ writePath: 'sync' });
    const before = await commits(db);
    for (let i = 0; i < 25; i++) db.put(i, bytes(8));
    expect(await commits(db)).toBe(before + 25);
  });

  it('keeps batched writes across close and reopen', async () => {
    const { db, dir } = await openLmdb({ writePath: 'sync', writeBatchOps: '1000' });
    db.put(3, bytes(4, 3));
    await db.close();
    const again = await openLmdb({ writePath: 'sync' }, dir);
    expect(again.db.get(3)?.[0]).toBe(3);
  });
});

describe('lmdb async path batching', () => {
  it('groups the writes of one event turn into far fewer commits than writes', async () => {
    const { db } = await openLmdb({ writePath: 'async' });
    const before = await commits(db);
    const pending: Promise<void>[] = [];
    for (let i = 0; i < 500; i++) pending.push(db.putAsync?.(i, bytes(8)) ?? Promise.reject(new Error('no putAsync')));
    await Promise.all(pending);
    const made = (await commits(db)) - before;
    expect(made).toBeGreaterThanOrEqual(1);
    expect(made).toBeLessThan(10);
    expect(db.get(499)).toBeDefined();
  });
});
