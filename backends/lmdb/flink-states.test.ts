// LMDB keeps each Flink state in a named database of its own (lmdb-js openDB with the state's
// name), keys in Flink's layout with nothing before them.
import { describe, expect, it } from 'vitest';
import { open } from 'lmdb';
import { lmdbBackend } from './backend.js';
import { defineFlinkStatesSuite, MAP, VALUE_A, VALUE_B, withInstance } from '../test-support/flink-states-suite.js';
import { FlinkKeyCodec } from '../flink-layout/key-codec.js';

describe('writePath=sync', () => defineFlinkStatesSuite(lmdbBackend, { writePath: 'sync' }));
describe('writePath=sync, writeBatchOps=16', () => defineFlinkStatesSuite(lmdbBackend, { writePath: 'sync', writeBatchOps: '16' }));

describe('lmdb Flink states', () => {
  it("stores each state in a named database, keys in Flink's layout, map values after Flink's null flag", async () => {
    let dir = '';
    await withInstance(lmdbBackend, { writePath: 'sync' }, (db, d) => {
      dir = d;
      db.state?.(VALUE_A).put(42, Uint8Array.of(1));
      db.state?.(VALUE_B).put(42, Uint8Array.of(2));
      db.state?.(MAP).put(3, Uint8Array.of(9), 42);
      expect(Array.from(db.state?.(MAP).get(3, 42) ?? [])).toEqual([9]);
    });
    const env = open<Uint8Array, Uint8Array>(dir, { keyEncoding: 'binary', encoding: 'binary' });
    try {
      const entries = (name: string) => Array.from(env.openDB<Uint8Array, Uint8Array>({ name, keyEncoding: 'binary', encoding: 'binary' }).getRange({}), (e) => [Array.from(e.key), Array.from(e.value)]);
      expect(entries('a')).toEqual([[Array.from(new FlinkKeyCodec(VALUE_A).encode(42)), [1]]]);
      expect(entries('b')).toEqual([[Array.from(new FlinkKeyCodec(VALUE_B).encode(42)), [2]]]);
      expect(entries('m')).toEqual([[Array.from(new FlinkKeyCodec(MAP).encode(3, 42)), [0, 9]]]);
    } finally {
      await env.close();
    }
  });

  it('writes a state asynchronously on the async path', () =>
    withInstance(lmdbBackend, { writePath: 'async' }, async (db) => {
      const a = db.state?.(VALUE_A);
      await a?.putAsync?.(5, Uint8Array.of(7));
      await db.state?.(MAP).putAsync?.(1, Uint8Array.of(8), 5);
      expect(Array.from(a?.get(5) ?? [])).toEqual([7]);
      expect(Array.from(db.state?.(MAP).get(1, 5) ?? [])).toEqual([8]);
      expect(db.get(5)).toBeUndefined();
    }));
});
