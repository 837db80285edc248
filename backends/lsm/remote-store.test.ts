// lsm.remote: the addon's emulated store waits the configured latency for each request of a file
// no cache holds, the block cache and the file cache serve theirs without waiting, the counters
// add up, and reads kept in flight wait together. A generous latency (20 ms) keeps the timing
// checks far from a loaded machine's noise.
import { randomFillSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { LsmInstance } from './backend.js';
import { useLsm } from './test-support/open.js';

const LATENCY_MS = 20;
const KEYS = 2000;

function msOf(f: () => void): number {
  const t0 = performance.now();
  f();
  return performance.now() - t0;
}

const stats = (db: LsmInstance) => db.db.remoteStats() as NonNullable<ReturnType<LsmInstance['db']['remoteStats']>>;

describe('lsm.remote', () => {
  const { open } = useLsm();

  /** KEYS keys of 100 random bytes from `first` on, flushed into one SST file. */
  function writeFile(db: LsmInstance, first: number): void {
    for (let i = first; i < first + KEYS; i++) db.put(i, randomFillSync(new Uint8Array(100)));
    db.flush();
  }

  async function remoteDb(knobs: Record<string, string> = {}): Promise<LsmInstance> {
    const { db } = await open({ remote: 'true', remoteLatency: `${LATENCY_MS}ms`, remoteBandwidth: '0', ...knobs });
    writeFile(db, 0);
    return db;
  }

  it('a get of a block no cache holds waits the latency; once the block cache holds it, it does not', async () => {
    const db = await remoteDb();
    expect(msOf(() => db.get(7))).toBeGreaterThanOrEqual(LATENCY_MS);
    expect(msOf(() => db.get(7))).toBeLessThan(LATENCY_MS / 2);
  });

  it('the file cache serves a file written through it at local speed', async () => {
    const db = await remoteDb({ fileCacheSize: '64MiB' });
    expect(msOf(() => db.get(7))).toBeLessThan(LATENCY_MS / 2);
    expect(stats(db)).toMatchObject({ readRequests: 0, fileCacheMisses: 0, fileCacheFiles: 1 });
    expect(stats(db).fileCacheHits).toBeGreaterThan(0);
  });

  it('counts every request, its bytes and its wait', async () => {
    const db = await remoteDb({ blockCacheSize: '0' });
    const before = stats(db);
    for (let i = 0; i < 10; i++) expect(db.get(i * 150)?.length).toBe(100);
    const after = stats(db);
    // No block cache, index and filter in the table reader: one data block read per get.
    expect(after.readRequests - before.readRequests).toBe(10);
    expect(after.fileCacheMisses).toBe(after.readRequests);
    expect(after.fileCacheHits).toBe(0);
    expect(after.readBytes - before.readBytes).toBeGreaterThanOrEqual(10 * 100);
    expect(after.readWaitMicros - before.readWaitMicros).toBeGreaterThanOrEqual(10 * LATENCY_MS * 1000);
    // One flush wrote one file: every byte of it went to the store.
    const files = db.db.liveFiles();
    expect(files).toHaveLength(1);
    expect(after.writeBytes).toBe(files[0]?.bytes);
    expect(after.writeRequests).toBeGreaterThan(0);
    expect(after.writeWaitMicros).toBeGreaterThanOrEqual(after.writeRequests * LATENCY_MS * 1000);
    // Each interval sample carries them, cumulative; the engine report too, with the hit ratio.
    expect(db.sampleStats()).toMatchObject({ remoteReadRequests: after.readRequests, fileCacheMisses: after.fileCacheMisses, fileCacheHits: 0 });
    const report = db.finalStats({ userBytesWritten: 0, liveLogicalBytes: 1, processWriteBytes: null });
    expect(report.metrics).toMatchObject({ remoteReadRequests: after.readRequests, remoteWriteBytes: after.writeBytes, fileCacheHitRatio: 0 });
  });

  it('evicts the least recently used file when the next one does not fit', async () => {
    // One file of KEYS x ~120 bytes fits in 300 KiB, two do not.
    const db = await remoteDb({ fileCacheSize: '300KiB', blockCacheSize: '0' });
    writeFile(db, KEYS);
    expect(stats(db)).toMatchObject({ fileCacheFiles: 1, fileCacheEvictions: 1 });
    const before = stats(db).readRequests;
    expect(msOf(() => db.get(KEYS + 5))).toBeLessThan(LATENCY_MS / 2);
    expect(stats(db).readRequests).toBe(before);
    expect(msOf(() => db.get(5))).toBeGreaterThanOrEqual(LATENCY_MS);
    expect(stats(db).readRequests).toBe(before + 1);
  });

  it('charges the bandwidth: a file written at 1 MiB/s waits its bytes over it', async () => {
    const { db } = await open({ remote: 'true', remoteLatency: '0', remoteBandwidth: '1MiB/s' });
    writeFile(db, 0);
    const s = stats(db);
    expect(s.writeWaitMicros).toBeGreaterThanOrEqual((s.writeBytes / (1024 * 1024)) * 1e6 * 0.99);
  });

  it('reads in flight wait together, and each gets its own value', async () => {
    const db = await remoteDb({ blockCacheSize: '0', asyncReads: '16' });
    expect(db.readMode).toBe('async');
    const keys = Array.from({ length: 16 }, (_, i) => i * 120);
    const expected = keys.map((k) => Array.from(db.get(k) as Uint8Array));
    const t0 = performance.now();
    const got = await Promise.all(keys.map((k) => db.getAsync(k)));
    // 16 one-by-one would wait 16 x 20 ms.
    expect(performance.now() - t0).toBeLessThan((16 * LATENCY_MS) / 2);
    expect(got.map((v) => Array.from(v as Uint8Array))).toEqual(expected);
    expect(await db.getAsync(KEYS + 10)).toBeUndefined();
  });

  it('reads in flight on Flink states: fixed-length keys and String namespaces of unequal lengths', async () => {
    const { db } = await open({ asyncReads: '4' });
    const fixed = db.state({ name: 'v', kind: 'value', namespace: { kind: 'void' }, ttl: null, maxParallelism: 128 });
    const named = db.state({ name: 'n', kind: 'value', namespace: { kind: 'names', names: ['ab', 'a-longer-name'] }, ttl: null, maxParallelism: 128 });
    fixed.put(3, new Uint8Array([1]));
    named.put(3, new Uint8Array([2]), 0);
    named.put(3, new Uint8Array([3]), 1);
    const got = await Promise.all([fixed.getAsync?.(3), named.getAsync?.(3, 0), named.getAsync?.(3, 1), named.getAsync?.(4, 1)]);
    expect(got.map((v) => (v === undefined ? undefined : Array.from(v)))).toEqual([[1], [2], [3], undefined]);
  });

  it('is off by default: every file local, no counters', async () => {
    const { db } = await open({});
    writeFile(db, 0);
    expect(db.db.remoteStats()).toBeNull();
    expect(db.sampleStats()).not.toHaveProperty('remoteReadRequests');
    expect(db.readMode).toBe('sync');
  });
});
