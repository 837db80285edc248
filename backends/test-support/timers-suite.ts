// What every backend with state() owes a 'timers' state, as a vitest suite for the built-in
// backends' test files: a timer registered twice is held once, a deleted timer does not fire, a
// fire that does not name the queue's head is refused (naming both) and changes nothing, the
// timers of a seeded workload fire in Flink's order (timestamp, key group, key, namespace) and
// only in it, a checkpoint holds the timers, and a timers state has no keyed entries.

import { describe, expect, it } from 'vitest';
import type { StateDescriptor } from '../../core/flink/keyed-state.js';
import { keyGroupOfLong } from '../../core/flink/key-group.js';
import { namespaceRank } from '../../core/flink/namespace-order.js';
import { join } from 'node:path';
import { resolveKnobs } from '../resolve-knobs.js';
import type { Backend, BackendInstance, TimerHandle } from '../types.js';
import { ByteTimerService } from '../flink-layout/byte-timer-service.js';
import type { TimerStoreCalls } from '../flink-layout/caching-queue-set.js';
import { tempDir } from '../../core/test-support/temp-dir.js';
import { withInstance } from './flink-states-suite.js';

export const WINDOW_TIMERS: StateDescriptor = { name: '_timer_state/event_window-timers', kind: 'timers', namespace: { kind: 'window', size: 100, slide: 25 }, ttl: null, maxParallelism: 128 };
export const JOIN_TIMERS: StateDescriptor = { name: '_timer_state/event_interval-join', kind: 'timers', namespace: { kind: 'names', names: ['CLEANUP_RIGHT', 'CLEANUP_LEFT'] }, ttl: null, maxParallelism: 128 };

export interface Timer {
  readonly key: number;
  readonly ns: number;
  readonly timestamp: number;
}

/** The order a workload fires timers in: timestamp, key group, key, namespace (in its bytes' order). */
export function fireOrder(d: StateDescriptor, timers: readonly Timer[]): Timer[] {
  const rank = namespaceRank(d.namespace);
  const group = (t: Timer): number => keyGroupOfLong(t.key, d.maxParallelism);
  return [...timers].sort((a, b) => a.timestamp - b.timestamp || group(a) - group(b) || a.key - b.key || rank(a.ns) - rank(b.ns));
}

/** A seeded set of timers: `n` registrations (some repeated) over few keys, namespaces and times. */
export function seededTimers(n: number, namespaces: number, seed = 7): Timer[] {
  let s = seed;
  const next = (m: number): number => {
    s = (Math.imul(s, 1_103_515_245) + 12_345) >>> 0;
    return (s >>> 8) % m;
  };
  return Array.from({ length: n }, () => ({ key: next(40), ns: next(namespaces), timestamp: 1000 + next(30) * 25 }));
}

export function timersOf(db: BackendInstance, d: StateDescriptor): TimerHandle {
  const h = db.state?.(d).timers;
  if (h === undefined) throw new Error(`the backend keeps no timers for ${d.name}`);
  return h;
}

const distinct = (timers: readonly Timer[]): Timer[] => [...new Map(timers.map((t) => [`${t.key}/${t.ns}/${t.timestamp}`, t])).values()];

export function defineTimersSuite(backend: Backend, knobs: Record<string, string> = {}): void {
  describe(`timers: ${backend.describe().name}`, () => {
    it('holds a timer registered twice once, and fires none that was deleted', () =>
      withInstance(backend, knobs, (db) => {
        const t = timersOf(db, WINDOW_TIMERS);
        t.registerTimer(5, 2, 99);
        t.registerTimer(5, 2, 99);
        t.registerTimer(5, 3, 124);
        t.deleteTimer(5, 3, 124);
        t.deleteTimer(5, 3, 124); // deleting a timer not held changes nothing
        t.fireTimer(5, 2, 99);
        expect(() => t.fireTimer(5, 2, 99)).toThrow(/is empty/);
        expect(() => t.fireTimer(5, 3, 124)).toThrow(/is empty/);
      }));

    it('refuses a fire that does not name the head, naming both, and keeps the queue as it was', () =>
      withInstance(backend, knobs, (db) => {
        const t = timersOf(db, WINDOW_TIMERS);
        t.registerTimer(9, 0, 200);
        t.registerTimer(9, 1, 150);
        expect(() => t.fireTimer(9, 0, 200)).toThrow(/timer-fire of timer \(key 9, ns 0, timestamp 200\).*timer \(key 9, ns 1, timestamp 150\).*disagree/);
        t.fireTimer(9, 1, 150);
        t.fireTimer(9, 0, 200);
      }));

    for (const d of [WINDOW_TIMERS, JOIN_TIMERS]) {
      it(`fires a seeded workload's timers in Flink's order, and refuses them out of it (${d.namespace.kind})`, () =>
        withInstance(backend, knobs, (db) => {
          const t = timersOf(db, d);
          const registered = seededTimers(600, d.namespace.kind === 'names' ? 2 : 8);
          for (const r of registered) t.registerTimer(r.key, r.ns, r.timestamp);
          const deleted = registered.filter((_, i) => i % 7 === 0);
          for (const r of deleted) t.deleteTimer(r.key, r.ns, r.timestamp);
          const gone = new Set(deleted.map((r) => `${r.key}/${r.ns}/${r.timestamp}`));
          const order = fireOrder(d, distinct(registered).filter((r) => !gone.has(`${r.key}/${r.ns}/${r.timestamp}`)));
          expect(order.length).toBeGreaterThan(300);
          // the last timer of the order is not the head of its queue while others of its key group wait
          const last = order[order.length - 1] as Timer;
          expect(() => t.fireTimer(last.key, last.ns, last.timestamp)).toThrow(/disagree/);
          for (const r of order) t.fireTimer(r.key, r.ns, r.timestamp);
          expect(() => t.fireTimer(last.key, last.ns, last.timestamp)).toThrow(/is empty/);
        }));
    }

    it('keeps its timers in a checkpoint, and a reopened instance fires them in order', async () => {
      const snapshot = join(tempDir(), 'cp');
      const registered = distinct(seededTimers(300, 8, 3));
      await withInstance(backend, knobs, async (db) => {
        const t = timersOf(db, WINDOW_TIMERS);
        for (const r of registered) t.registerTimer(r.key, r.ns, r.timestamp);
        await db.checkpoint(snapshot);
      });
      const back = await backend.open(snapshot, resolveKnobs(backend.describe(), knobs), { keySize: 16, seed: 1 });
      try {
        const t = timersOf(back, WINDOW_TIMERS);
        for (const r of fireOrder(WINDOW_TIMERS, registered)) t.fireTimer(r.key, r.ns, r.timestamp);
      } finally {
        await back.close();
      }
    });

    it('has no keyed entries: its data calls throw, naming the state', () =>
      withInstance(backend, knobs, (db) => {
        const h = db.state?.(WINDOW_TIMERS);
        expect(() => h?.get(1)).toThrow(/_timer_state\/event_window-timers is a timer queue: no get/);
        expect(() => h?.put(1, Uint8Array.of(1))).toThrow(/no put/);
        expect(h?.keyBytes).toBe(1 + 8 + 8 + 16);
      }));
  });
}

/** The engine calls of a byte-keyed engine's timers state (its ByteTimerService). */
function callsOf(db: BackendInstance, d: StateDescriptor): TimerStoreCalls {
  const h = db.state?.(d);
  if (!(h instanceof ByteTimerService)) throw new Error(`${d.name} is not kept by a byte-keyed timer service`);
  return h.calls;
}

/**
 * What a byte-keyed engine's timers state asks of the engine, counted: the calls Flink's
 * RocksDBCachingPriorityQueueSet makes (128 timers cached per key group).
 */
export function defineTimerCallsSuite(backend: Backend, knobs: Record<string, string> = {}): void {
  describe(`timer engine calls: ${backend.describe().name}`, () => {
    it('seeks each key group once at open, puts every timer, and refills 128 at a time as timers fire', () =>
      withInstance(backend, knobs, (db) => {
        const t = timersOf(db, WINDOW_TIMERS);
        const calls = callsOf(db, WINDOW_TIMERS);
        // KeyGroupPartitionedPriorityQueue peeks every key group's queue when it is made
        expect(calls).toEqual({ puts: 0, deletes: 0, batches: 0, seeks: 128, keysRead: 0 });
        // 300 timers of one key (one key group), in time order: 128 cached, all written (into the batch)
        for (let i = 0; i < 300; i++) t.registerTimer(11, 0, 1000 + i);
        expect(calls).toEqual({ puts: 300, deletes: 0, batches: 0, seeks: 128, keysRead: 0 });
        for (let i = 0; i < 127; i++) t.fireTimer(11, 0, 1000 + i);
        expect(calls).toEqual({ puts: 300, deletes: 127, batches: 0, seeks: 128, keysRead: 0 });
        // the 128th fire empties the cache: the batch is written, then one seek reads the next 128 and sees a 129th
        t.fireTimer(11, 0, 1127);
        expect(calls).toEqual({ puts: 300, deletes: 128, batches: 1, seeks: 129, keysRead: 129 });
        for (let i = 128; i < 256; i++) t.fireTimer(11, 0, 1000 + i);
        // the last 44, and nothing after them: every timer is cached again
        expect(calls).toEqual({ puts: 300, deletes: 256, batches: 2, seeks: 130, keysRead: 173 });
        for (let i = 256; i < 300; i++) t.fireTimer(11, 0, 1000 + i);
        expect(calls).toEqual({ puts: 300, deletes: 300, batches: 2, seeks: 130, keysRead: 173 });
      }));

    it('gives the engine its writes in batches of 500, and the rest at a checkpoint', () =>
      withInstance(backend, knobs, async (db) => {
        const t = timersOf(db, WINDOW_TIMERS);
        const calls = callsOf(db, WINDOW_TIMERS);
        for (let i = 0; i < 1200; i++) t.registerTimer(i % 40, 0, 1000 + i);
        expect(calls.batches).toBe(2);
        await db.checkpoint(join(tempDir(), 'cp'));
        expect(calls.batches).toBe(3);
        expect(calls.puts).toBe(1200);
      }));

    it('writes no timer the cache holds again, but one past the cache it writes again, as Flink does', () =>
      withInstance(backend, knobs, (db) => {
        const t = timersOf(db, WINDOW_TIMERS);
        const calls = callsOf(db, WINDOW_TIMERS);
        for (let i = 1; i <= 129; i++) t.registerTimer(11, 0, 1000 + i);
        expect(calls.puts).toBe(129);
        t.registerTimer(11, 0, 1001); // cached: TreeSet.add is false, no put
        expect(calls.puts).toBe(129);
        t.registerTimer(11, 0, 1129); // only in the engine: put again
        expect(calls.puts).toBe(130);
        t.registerTimer(11, 0, 1000); // before the cache's last: cached, the last evicted, put
        expect(calls.puts).toBe(131);
        // each timer fires once all the same
        for (let i = 0; i <= 129; i++) t.fireTimer(11, 0, 1000 + i);
        expect(() => t.fireTimer(11, 0, 1000)).toThrow(/is empty/);
        expect(calls.deletes).toBe(130);
      }));

    it("reports its calls in the engine report's metrics", () =>
      withInstance(backend, knobs, async (db) => {
        const t = timersOf(db, WINDOW_TIMERS);
        for (let i = 0; i < 200; i++) t.registerTimer(11, 0, 1000 + i);
        for (let i = 0; i < 150; i++) t.fireTimer(11, 0, 1000 + i);
        const { metrics } = await db.finalStats({ userBytesWritten: 0, liveLogicalBytes: 0, processWriteBytes: null });
        expect([metrics.timerPuts, metrics.timerDeletes, metrics.timerWriteBatches, metrics.timerSeeks, metrics.timerKeysRead]).toEqual([200, 150, 2, 129, 72]);
      }));

    it('deletes on remove, even a timer it does not hold, and refills after a remove empties the cache', () =>
      withInstance(backend, knobs, (db) => {
        const t = timersOf(db, WINDOW_TIMERS);
        const calls = callsOf(db, WINDOW_TIMERS);
        for (let i = 0; i < 130; i++) t.registerTimer(11, 0, 1000 + i);
        t.deleteTimer(11, 0, 5); // not held: Flink's remove deletes it from the engine all the same
        expect(calls.deletes).toBe(1);
        for (let i = 0; i < 128; i++) t.deleteTimer(11, 0, 1000 + i);
        expect(calls).toEqual({ puts: 130, deletes: 129, batches: 1, seeks: 129, keysRead: 2 });
        t.fireTimer(11, 0, 1128);
        t.fireTimer(11, 0, 1129);
      }));
  });
}
