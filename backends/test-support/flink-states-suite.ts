// What every backend with state() owes a Flink workload, as a vitest suite for the built-in
// backends' test files: each state keeps its own entries (the same key and namespace in two
// states are two entries), a map iterates its own user keys, a window's namespace scan finds that
// window's keys only, and a state's handle is the same for the same descriptor.

import { describe, expect, it } from 'vitest';
import type { StateDescriptor } from '../../core/flink/keyed-state.js';
import { resolveKnobs } from '../resolve-knobs.js';
import type { Backend, BackendInstance, StateHandle } from '../types.js';
import { tempDir } from '../../core/test-support/temp-dir.js';

export const VALUE_A: StateDescriptor = { name: 'a', kind: 'value', namespace: { kind: 'void' }, ttl: null, maxParallelism: 128 };
export const VALUE_B: StateDescriptor = { ...VALUE_A, name: 'b' };
export const MAP: StateDescriptor = { name: 'm', kind: 'map', namespace: { kind: 'void' }, ttl: null, maxParallelism: 128 };
export const WINDOW: StateDescriptor = { name: 'w', kind: 'aggregating', namespace: { kind: 'window', size: 100 }, ttl: null, maxParallelism: 128 };

const bytes = (...v: number[]): Uint8Array => Uint8Array.from(v);
const text = (v: Uint8Array | undefined): string => (v === undefined ? 'missing' : Array.from(v).join(','));

/** Opens `backend` with `knobs` on a fresh directory, runs `body` on it, closes it. */
export async function withInstance(backend: Backend, knobs: Record<string, string>, body: (db: BackendInstance, dir: string) => Promise<void> | void): Promise<void> {
  const dir = tempDir();
  const db = await backend.open(dir, resolveKnobs(backend.describe(), knobs), { keySize: 16, seed: 1 });
  try {
    await body(db, dir);
  } finally {
    await db.close();
  }
}

function stateOf(db: BackendInstance, d: StateDescriptor): StateHandle {
  if (db.state === undefined) throw new Error('the backend has no state()');
  return db.state(d);
}

export function defineFlinkStatesSuite(backend: Backend, knobs: Record<string, string> = {}): void {
  describe(`Flink states: ${backend.describe().name}`, () => {
    it('keeps the same key and namespace in two states as two entries', () =>
      withInstance(backend, knobs, (db) => {
        const a = stateOf(db, VALUE_A);
        const b = stateOf(db, VALUE_B);
        for (let k = 0; k < 200; k++) {
          a.put(k, bytes(1, k & 0xff));
          b.put(k, bytes(2, k & 0xff));
        }
        b.delete(7);
        expect(text(a.get(7))).toBe('1,7');
        expect(text(b.get(7))).toBe('missing');
        expect(text(b.get(8))).toBe('2,8');
        expect(a.multiGet([5, 6]).map(text)).toEqual(['1,5', '1,6']);
        // the instance's own keyspace holds none of them
        expect(db.get(8)).toBeUndefined();
      }));

    it("iterates a map's own user keys in order, values as written", () =>
      withInstance(backend, knobs, (db) => {
        const m = stateOf(db, MAP);
        for (let key = 0; key < 50; key++) for (const uk of [9, 3, 5]) m.put(uk, bytes(key, uk), key);
        expect(m.scan(0, 100, 17).map((e) => `${e.key}:${text(e.value)}`)).toEqual(['3:17,3', '5:17,5', '9:17,9']);
        expect(m.scan(4, 1, 17).map((e) => e.key)).toEqual([5]);
        expect(text(m.get(5, 17))).toBe('17,5');
        m.writeBatch([{ type: 'put', key: 4, ns: 17, value: bytes(4) }, { type: 'delete', key: 9, ns: 17 }]);
        expect(m.scan(0, 100, 17).map((e) => e.key)).toEqual([3, 4, 5]);
      }));

    it("finds a window's keys only in its namespace scan, and clears them with a batch", () =>
      withInstance(backend, knobs, (db) => {
        const w = stateOf(db, WINDOW);
        for (let k = 0; k < 300; k++) {
          w.put(k, bytes(0), 0);
          if (k % 3 === 0) w.put(k, bytes(1), 1);
        }
        const first = w.scan(0, 0x7fffffff, 1);
        expect(first.length).toBe(100);
        expect(first.every((e) => e.key % 3 === 0 && text(e.value) === '1')).toBe(true);
        expect(w.scan(0, 10, 0).length).toBe(10);
        w.writeBatch(first.map((e) => ({ type: 'delete', key: e.key, ns: 1 })));
        expect(w.scan(0, 0x7fffffff, 1).length).toBe(0);
        expect(w.scan(0, 0x7fffffff, 0).length).toBe(300);
      }));

    it('keeps a state in String namespaces of unequal lengths, and scans one namespace', () =>
      withInstance(backend, knobs, (db) => {
        const s = stateOf(db, { ...VALUE_A, name: 'named', namespace: { kind: 'names', names: ['LEFT', 'RIGHTS'] } });
        for (let k = 0; k < 20; k++) {
          s.put(k, bytes(0, k), 0);
          if (k % 2 === 0) s.put(k, bytes(1, k), 1);
        }
        s.delete(4, 1);
        expect(text(s.get(3, 0))).toBe('0,3');
        expect(text(s.get(3, 1))).toBe('missing');
        expect(text(s.get(6, 1))).toBe('1,6');
        expect(s.multiGet([2, 4], 1).map(text)).toEqual(['1,2', 'missing']);
        expect(s.scan(0, 100, 1).length).toBe(9);
        expect(s.scan(0, 100, 0).length).toBe(20);
      }));

    it('gives the same handle for the same state and refuses another descriptor under its name', () =>
      withInstance(backend, knobs, (db) => {
        const a = stateOf(db, VALUE_A);
        a.put(1, bytes(5));
        expect(stateOf(db, VALUE_A)).toBe(a);
        expect(() => stateOf(db, { ...VALUE_A, kind: 'list' })).toThrow(/state a/);
      }));
  });
}
