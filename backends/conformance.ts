// The shared conformance suite: every backend must pass it. A backend's test file calls
// defineConformanceSuite(backend) inside vitest; the suite opens fresh directories itself.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Backend, BackendInstance, ResolvedKnobs } from './types.js';
import { resolveKnobs } from './resolve-knobs.js';

export interface ConformanceOptions {
  /** Knob overrides for the suite (a small cache, sync writes ...). */
  knobs?: Record<string, string>;
  keySize?: number;
}

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);
const text = (b: Uint8Array | undefined): string | undefined => (b === undefined ? undefined : new TextDecoder().decode(b));

async function putAwaited(db: BackendInstance, key: number, value: Uint8Array, ns?: number): Promise<void> {
  if (db.writeMode === 'async' && db.putAsync) await db.putAsync(key, value, ns);
  else db.put(key, value, ns);
}

export function defineConformanceSuite(backend: Backend, options: ConformanceOptions = {}): void {
  const desc = backend.describe();
  const knobs: ResolvedKnobs = resolveKnobs(desc, options.knobs ?? {});
  const ctx = { keySize: options.keySize ?? 16, seed: 1 };
  const dirs: string[] = [];
  const open: BackendInstance[] = [];

  async function fresh(dir?: string): Promise<{ db: BackendInstance; dir: string }> {
    const d = dir ?? mkdtempSync(join(tmpdir(), `statebench-conf-${desc.name}-`));
    if (!dir) dirs.push(d);
    const db = await backend.open(d, knobs, ctx);
    open.push(db);
    return { db, dir: d };
  }

  async function closeQuietly(db: BackendInstance): Promise<void> {
    try {
      await db.close();
    } catch {
      /* already closed by the test */
    }
  }

  describe(`conformance: ${desc.name}`, () => {
    afterEach(async () => {
      for (const db of open.splice(0)) await closeQuietly(db);
      for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
    });

    it('is available on this machine', () => {
      expect(desc.available, desc.reason).toBe(true);
    });

    it('returns a value after put, and undefined for a key never written', async () => {
      const { db } = await fresh();
      await putAwaited(db, 42, bytes('forty-two'));
      expect(text(db.get(42))).toBe('forty-two');
      expect(db.get(43)).toBeUndefined();
    });

    it('overwrites a value', async () => {
      const { db } = await fresh();
      await putAwaited(db, 7, bytes('first'));
      await putAwaited(db, 7, bytes('second, longer'));
      expect(text(db.get(7))).toBe('second, longer');
    });

    it('deletes a key, and deleting a missing key is not an error', async () => {
      const { db } = await fresh();
      db.put(5, bytes('five'));
      db.delete(5);
      expect(db.get(5)).toBeUndefined();
      expect(() => db.delete(99_999)).not.toThrow();
    });

    it('keeps namespaces apart', async () => {
      const { db } = await fresh();
      db.put(1, bytes('ns0'), 0);
      db.put(1, bytes('ns7'), 7);
      expect(text(db.get(1, 0))).toBe('ns0');
      expect(text(db.get(1, 7))).toBe('ns7');
      expect(db.get(1, 8)).toBeUndefined();
    });

    it('multi-gets hits and misses in order', async () => {
      const { db } = await fresh();
      db.put(1, bytes('a'));
      db.put(3, bytes('c'));
      expect(db.multiGet([1, 2, 3]).map(text)).toEqual(['a', undefined, 'c']);
    });

    it('applies a write batch', async () => {
      const { db } = await fresh();
      db.put(2, bytes('old'));
      db.writeBatch([
        { type: 'put', key: 1, value: bytes('one') },
        { type: 'delete', key: 2 },
        { type: 'put', key: 3, value: bytes('three'), ns: 4 },
      ]);
      expect(text(db.get(1))).toBe('one');
      expect(db.get(2)).toBeUndefined();
      expect(text(db.get(3, 4))).toBe('three');
    });

    it('applies a write batch all or nothing', async () => {
      const { db } = await fresh();
      db.put(10, bytes('before'));
      const bad = [
        { type: 'put', key: 10, value: bytes('after') },
        { type: 'put', key: 11 }, // no value: the batch is invalid
      ] as const;
      expect(() => db.writeBatch(bad as never)).toThrow();
      expect(text(db.get(10))).toBe('before');
      expect(db.get(11)).toBeUndefined();
    });

    it('scans in key order from a start key, honouring the limit and the end', async () => {
      const { db } = await fresh();
      for (const k of [300, 5, 70_000, 256, 1, 2 ** 40]) db.put(k, bytes(`v${k}`));
      db.put(2, bytes('other namespace'), 1);
      expect(db.scan(0, 100).map((e) => e.key)).toEqual([1, 5, 256, 300, 70_000, 2 ** 40]);
      expect(db.scan(6, 2).map((e) => e.key)).toEqual([256, 300]);
      expect(db.scan(6, 100, 0, 70_000).map((e) => e.key)).toEqual([256, 300]);
      expect(text(db.scan(256, 1)[0]?.value)).toBe('v256');
      expect(db.scan(0, 10, 1).map((e) => e.key)).toEqual([2]);
    });

    it('stores binary keys whose encoding holds zero bytes, and binary values', async () => {
      const { db } = await fresh();
      const value = new Uint8Array([0, 255, 0, 1, 0]);
      db.put(0, value);
      db.put(256, new Uint8Array([0]));
      expect(Array.from(db.get(0) ?? [])).toEqual([0, 255, 0, 1, 0]);
      expect(Array.from(db.get(256) ?? [])).toEqual([0]);
    });

    it('stores an empty value, distinct from a missing key', async () => {
      const { db } = await fresh();
      db.put(9, new Uint8Array(0));
      const got = db.get(9);
      expect(got).toBeDefined();
      expect(got?.byteLength).toBe(0);
    });

    it('stores a 1 MiB value intact', async () => {
      const { db } = await fresh();
      const big = new Uint8Array(1 << 20);
      for (let i = 0; i < big.length; i++) big[i] = (i * 31 + 7) & 0xff;
      await putAwaited(db, 1, big);
      const got = db.get(1);
      expect(got?.byteLength).toBe(1 << 20);
      expect(Buffer.compare(Buffer.from(got ?? []), Buffer.from(big))).toBe(0);
    });

    it('does not let a caller mutate stored data through the buffer it passed', async () => {
      const { db } = await fresh();
      const v = bytes('original');
      db.put(1, v);
      v.fill(0);
      expect(text(db.get(1))).toBe('original');
    });

    it('appends to a list value', async () => {
      const { db } = await fresh();
      db.append(1, bytes('a'));
      db.append(1, bytes('b'));
      const got = db.get(1);
      expect(got).toBeDefined();
      expect(text(got)).toContain('a');
      expect(text(got)).toContain('b');
    });

    if (desc.durable) {
      it('keeps data across close and reopen', async () => {
        const { db, dir } = await fresh();
        await putAwaited(db, 1, bytes('durable'));
        db.put(2, bytes('also'), 3);
        await db.flush();
        await db.close();
        const again = await fresh(dir);
        expect(text(again.db.get(1))).toBe('durable');
        expect(text(again.db.get(2, 3))).toBe('also');
      });
    }

    it('fails clearly when used after close', async () => {
      const { db } = await fresh();
      db.put(1, bytes('x'));
      await db.close();
      expect(() => db.get(1)).toThrow(/closed/);
      expect(() => db.put(1, bytes('y'))).toThrow(/closed/);
    });

    it('reports cheap stats and a final engine report', async () => {
      const { db } = await fresh();
      for (let i = 0; i < 100; i++) db.put(i, bytes('value'));
      const sample = db.sampleStats();
      expect(typeof sample).toBe('object');
      const report = await db.finalStats({ userBytesWritten: 100 * 21, liveLogicalBytes: 100 * 21, processWriteBytes: null });
      expect(report).toHaveProperty('raw');
      expect(report).toHaveProperty('metrics');
    });
  });
}
