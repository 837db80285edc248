// A get whose value has no room left in the value slab: the addon keeps the value it read and
// copies it into the next slab, so each get is one RocksDB Get (rocksdb.number.keys.read), on the
// instance and on a Flink state's column family alike, and every value read back is whole.
import { describe, expect, it } from 'vitest';
import { useLsm } from './test-support/open.js';
import { VALUE_A } from '../test-support/flink-states-suite.js';

/** 20 KiB values: three fit in a 64 KiB slab, so every third or fourth get overflows it. */
const value = (i: number): Uint8Array => new Uint8Array(20 * 1024).fill(i & 0xff);

describe('a value that does not fit the slab', () => {
  const { open } = useLsm();

  it('is read once and handed back whole (instance and state keyspace)', async () => {
    const { db } = await open();
    const state = db.state?.({ ...VALUE_A, maxParallelism: 128 });
    if (!state) throw new Error('lsm has Flink states');
    for (let i = 0; i < 20; i++) {
      db.put(i, value(i));
      state.put(i, value(i + 100));
    }
    db.resetStatistics();
    const got: Uint8Array[] = [];
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 20; i++) {
        got.push(db.get(i) as Uint8Array, state.get(i) as Uint8Array);
      }
    }
    expect(db.statistics().tickers['rocksdb.number.keys.read']).toBe(120);
    for (let j = 0; j < got.length; j++) {
      const i = Math.floor(j / 2) % 20;
      const want = j % 2 === 0 ? i : i + 100;
      expect(got[j]?.byteLength).toBe(20 * 1024);
      expect(got[j]?.every((b) => b === (want & 0xff))).toBe(true);
    }
  });
});
