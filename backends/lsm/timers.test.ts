// lsm keeps a 'timers' state in a column family of its own, in Flink's RocksDB timer layout,
// through the caching queue Flink's RocksDB timer service uses (flink-layout/caching-queue-set.ts).
import { describe, expect, it } from 'vitest';
import { lsmBackend, type LsmInstance } from './backend.js';
import { defineTimerCallsSuite, defineTimersSuite, timersOf, WINDOW_TIMERS } from '../test-support/timers-suite.js';
import { withInstance } from '../test-support/flink-states-suite.js';
import { TimerKeyCodec } from '../flink-layout/timer-key.js';
import { compareBytes } from '../../core/flink/namespace-order.js';

defineTimersSuite(lsmBackend);
defineTimerCallsSuite(lsmBackend);

describe('lsm timers', () => {
  it("keeps a timers state in a column family named after it, keys in Flink's timer layout, values empty, once its write batch is written", () =>
    withInstance(lsmBackend, {}, async (db) => {
      const t = timersOf(db, WINDOW_TIMERS);
      const native = (db as LsmInstance).db;
      const entries = (): [number[], number][] => {
        const out: [number[], number][] = [];
        const it = native.columnFamily(WINDOW_TIMERS.name).iterator(null, null);
        for (let ok = it.seekToFirst(); ok; ok = it.next()) out.push([Array.from(it.key() as Uint8Array), (it.value() as Uint8Array).length]);
        it.close();
        return out;
      };
      t.registerTimer(42, 3, 174);
      t.registerTimer(7, 0, 99);
      expect(native.columnFamilies()).toEqual(['default', WINDOW_TIMERS.name]);
      // the writes wait in the queue's write batch until the instance is flushed
      expect(entries()).toEqual([]);
      await db.flush();
      const codec = new TimerKeyCodec(WINDOW_TIMERS);
      const expected = [codec.encode(42, 3, 174), codec.encode(7, 0, 99)].map((k) => Array.from(k)).sort((a, b) => compareBytes(Uint8Array.from(a), Uint8Array.from(b)));
      expect(entries()).toEqual(expected.map((k) => [k, 0]));
    }));
});
