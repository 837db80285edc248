// lsm keeps each Flink state in a column family of its own, named after it, keys in Flink's
// layout (state-keyspace.ts), as Flink's RocksDB backend does.
import { describe, expect, it } from 'vitest';
import { lsmBackend, type LsmInstance } from './backend.js';
import { defineFlinkStatesSuite, MAP, VALUE_A, VALUE_B, withInstance } from '../test-support/flink-states-suite.js';
import { FlinkKeyCodec } from '../flink-layout/key-codec.js';
import { KeyCodec } from '../key-codec.js';
import { join } from 'node:path';
import { resolveKnobs } from '../resolve-knobs.js';
import { tempDir } from '../../core/test-support/temp-dir.js';

defineFlinkStatesSuite(lsmBackend);

describe('lsm Flink states', () => {
  it("stores each state in a column family named after it, keys in Flink's layout, map values after Flink's null flag", () =>
    withInstance(lsmBackend, {}, (db) => {
      db.state?.(VALUE_A).put(42, Uint8Array.of(1));
      db.state?.(VALUE_B).put(42, Uint8Array.of(2));
      db.state?.(MAP).put(3, Uint8Array.of(9), 42);
      expect(() => db.state?.(MAP).append(4, Uint8Array.of(5), 42)).toThrow(/map state: no append/);
      const native = (db as LsmInstance).db;
      expect(native.columnFamilies()).toEqual(['default', 'a', 'b', 'm']);
      const entries = (family: string): [number[], number[]][] => {
        const out: [number[], number[]][] = [];
        const it = native.columnFamily(family).iterator(null, null);
        for (let ok = it.seekToFirst(); ok; ok = it.next()) out.push([Array.from(it.key() as Uint8Array), Array.from(it.value() as Uint8Array)]);
        it.close();
        return out;
      };
      expect(entries('a')).toEqual([[Array.from(new FlinkKeyCodec(VALUE_A).encode(42)), [1]]]);
      expect(entries('b')).toEqual([[Array.from(new FlinkKeyCodec(VALUE_B).encode(42)), [2]]]);
      expect(entries('m')).toEqual([[Array.from(new FlinkKeyCodec(MAP).encode(3, 42)), [0, 9]]]);
      expect(entries('default')).toEqual([]);
    }));

  it("gives a state's key length as its key bytes, for the bytes written", () =>
    withInstance(lsmBackend, {}, (db) => {
      // [key group][key][VoidNamespace], and a map's user key after it
      expect(db.state?.(VALUE_A).keyBytes).toBe(10);
      expect(db.state?.(MAP).keyBytes).toBe(18);
      expect(() => db.state?.({ ...VALUE_A, name: 'default' })).toThrow(/default column family/);
    }));

  it('reopens its states from a checkpoint, each in its family', async () => {
    const snapshot = join(tempDir(), 'cp');
    await withInstance(lsmBackend, {}, async (db) => {
      db.state?.(VALUE_A).put(7, Uint8Array.of(3));
      db.state?.(MAP).put(1, Uint8Array.of(4), 7);
      await db.checkpoint(snapshot);
    });
    const back = await lsmBackend.open(snapshot, resolveKnobs(lsmBackend.describe(), {}), { keySize: 16, seed: 1 });
    try {
      expect(Array.from(back.state?.(VALUE_A).get(7) ?? [])).toEqual([3]);
      expect(Array.from(back.state?.(MAP).get(1, 7) ?? [])).toEqual([4]);
      expect(back.state?.(VALUE_B).get(7)).toBeUndefined();
    } finally {
      await back.close();
    }
  });

  it("keeps the instance's own calls (YCSB, db_bench) in the plain layout, in the default family", () =>
    withInstance(lsmBackend, {}, (db) => {
      db.put(42, Uint8Array.of(1), 3);
      const it = (db as LsmInstance).db.iterator(null, null);
      const keys: number[][] = [];
      for (let ok = it.seekToFirst(); ok; ok = it.next()) keys.push(Array.from(it.key() as Uint8Array));
      it.close();
      expect(keys).toEqual([Array.from(new KeyCodec(16).encode(42, 3))]);
    }));
});
