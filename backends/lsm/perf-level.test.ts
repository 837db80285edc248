// lsm.perfLevel: RocksDB's perf context counts on the operations' thread at 'count' (RocksDB's
// default) and stays at zero at 'disable' (db_bench's default).
import { describe, expect, it } from 'vitest';
import { bytes, useLsm } from './test-support/open.js';

describe('lsm.perfLevel', () => {
  const { open } = useLsm();

  async function comparisonsOf100Gets(knobs: Record<string, string>): Promise<number> {
    const { db } = await open(knobs);
    for (let k = 0; k < 1000; k++) db.put(k, bytes(`v${k}`));
    db.db.perfComparisons(true);
    for (let k = 0; k < 100; k++) expect(db.get(k * 7)).toBeDefined();
    return db.db.perfComparisons();
  }

  it("counts user-key comparisons at RocksDB's default level", async () => {
    // a memtable of 1,000 keys: a skiplist search compares several keys per get
    expect(await comparisonsOf100Gets({})).toBeGreaterThan(100);
  });

  it('counts nothing when disabled', async () => {
    expect(await comparisonsOf100Gets({ perfLevel: 'disable' })).toBe(0);
  });

  it('sets the level at every open, so a later default open counts again', async () => {
    await comparisonsOf100Gets({ perfLevel: 'disable' });
    expect(await comparisonsOf100Gets({ perfLevel: 'count' })).toBeGreaterThan(100);
  });
});
