// A checkpoint is a compacting copy: free pages are left out, and the copy opens as an
// environment with the same data.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataFileBytes } from './data-file.js';
import { bytes, openLmdb, tempDir } from './test-support/open.js';

describe('lmdb checkpoint', () => {
  it('writes a compacted copy that reopens with the live data', async () => {
    const { db, dir } = await openLmdb({ writePath: 'sync', writeBatchOps: '500' });
    for (let i = 0; i < 5000; i++) db.put(i, bytes(200, i & 0xff));
    for (let i = 0; i < 4500; i++) db.delete(i);
    const target = join(tempDir(), 'cp-1');
    const cp = await db.checkpoint(target);
    expect(cp.files).toBe(1);
    expect(cp.bytes).toBe(dataFileBytes(target));
    expect(cp.bytes).toBeLessThan((dataFileBytes(dir) as number) / 2);
    expect(cp.incrementalBytes).toBe(cp.bytes);

    const copy = await openLmdb({ writePath: 'sync' }, target);
    expect(copy.db.get(4499)).toBeUndefined();
    expect(Array.from(copy.db.get(4999) ?? [])[0]).toBe(4999 & 0xff);
    expect(copy.db.sampleStats().entries).toBe(500);
  });

  it('includes writes still in an open sync batch', async () => {
    const { db } = await openLmdb({ writePath: 'sync', writeBatchOps: '1000' });
    db.put(1, bytes(10));
    const target = join(tempDir(), 'cp');
    await db.checkpoint(target);
    const copy = await openLmdb({}, target);
    expect(copy.db.get(1)?.byteLength).toBe(10);
  });
});
