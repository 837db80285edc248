// lsm keeps each Flink state apart, keys in Flink's layout: until the addon opens column
// families, in the default one under a prefix byte per state (state-keyspace.ts).
import { describe, expect, it } from 'vitest';
import { lsmBackend, type LsmInstance } from './backend.js';
import { defineFlinkStatesSuite, MAP, VALUE_A, VALUE_B, withInstance } from '../test-support/flink-states-suite.js';
import { FlinkKeyCodec } from '../flink-layout/key-codec.js';
import { KeyCodec } from '../key-codec.js';

defineFlinkStatesSuite(lsmBackend);

describe('lsm Flink states', () => {
  it("stores each state under its own prefix, keys in Flink's layout, map values after Flink's null flag", () =>
    withInstance(lsmBackend, {}, (db) => {
      db.state?.(VALUE_A).put(42, Uint8Array.of(1));
      db.state?.(VALUE_B).put(42, Uint8Array.of(2));
      db.state?.(MAP).put(3, Uint8Array.of(9), 42);
      expect(() => db.state?.(MAP).append(4, Uint8Array.of(5), 42)).toThrow(/map state: no append/);
      const raw: [number[], number[]][] = [];
      const it = (db as LsmInstance).db.iterator(null, null);
      for (let ok = it.seekToFirst(); ok; ok = it.next()) raw.push([Array.from(it.key() as Uint8Array), Array.from(it.value() as Uint8Array)]);
      it.close();
      expect(raw).toEqual([
        [[1, ...new FlinkKeyCodec(VALUE_A).encode(42)], [1]],
        [[2, ...new FlinkKeyCodec(VALUE_B).encode(42)], [2]],
        [[3, ...new FlinkKeyCodec(MAP).encode(3, 42)], [0, 9]],
      ]);
    }));

  it("gives a state's key length as its key bytes, for the bytes written", () =>
    withInstance(lsmBackend, {}, (db) => {
      // the state's prefix byte, then [key group][key][VoidNamespace]
      expect(db.state?.(VALUE_A).keyBytes).toBe(1 + 10);
      expect(db.state?.(MAP).keyBytes).toBe(1 + 18);
    }));

  it("keeps the instance's own calls (YCSB, db_bench) in the plain layout, no state prefix", () =>
    withInstance(lsmBackend, {}, (db) => {
      db.put(42, Uint8Array.of(1), 3);
      const it = (db as LsmInstance).db.iterator(null, null);
      const keys: number[][] = [];
      for (let ok = it.seekToFirst(); ok; ok = it.next()) keys.push(Array.from(it.key() as Uint8Array));
      it.close();
      expect(keys).toEqual([Array.from(new KeyCodec(16).encode(42, 3))]);
    }));
});
