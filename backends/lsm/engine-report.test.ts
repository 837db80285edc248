import { describe, expect, it } from 'vitest';
import { useLsm } from './test-support/open.js';

describe('engine report', () => {
  const { open } = useLsm();

  it('reports write amplification, levels, keys and the options used', async () => {
    const { db } = await open({ writeBufferSize: '1MiB' });
    const value = new Uint8Array(100);
    for (let i = 0; i < 30_000; i++) db.put(i, value);
    db.flush();
    const sample = db.sampleStats();
    expect(typeof sample.l0Files).toBe('number');
    expect(typeof sample.isWriteStopped).toBe('boolean');
    expect(typeof sample.blockCacheUsageBytes).toBe('number');
    const live = 30_000 * 116;
    const r = await db.finalStats({ userBytesWritten: live, liveLogicalBytes: live, processWriteBytes: null });
    expect(r.writeAmp).toBeGreaterThan(0);
    expect(r.spaceAmp).toBeGreaterThan(0);
    expect(r.metrics.flushCount).toBeGreaterThanOrEqual(1);
    expect(r.metrics.estimatedKeys).toBeGreaterThan(0);
    const levels = r.raw.levels as { level: number; files: number; bytes: number }[];
    expect(levels.reduce((s, l) => s + l.files, 0)).toBeGreaterThan(0);
    expect((r.raw.tickers as Record<string, number>)['rocksdb.flush.write.bytes']).toBeGreaterThan(0);
    expect(r.options?.['CFOptions.default.write_buffer_size']).toBe('1048576');
    expect(JSON.stringify(r)).not.toMatch(/NaN|Infinity/);
  });

  it("counts the TTL filter's drops and reports each column family's share", async () => {
    const { db } = await open();
    const state = db.db.columnFamily('ttl-state', { ttl: { ms: 1000, state: 'value' } });
    const stamped = (ms: number): Uint8Array => {
      const v = new Uint8Array(16);
      new DataView(v.buffer).setBigInt64(0, BigInt(ms));
      return v;
    };
    for (let i = 0; i < 50; i++) state.put(new Uint8Array([i]), stamped(i < 20 ? 100 : 5000));
    for (let i = 0; i < 10; i++) db.put(i, new Uint8Array(10));
    db.db.setTtlTime(2000);
    db.compact();
    const r = await db.finalStats({ userBytesWritten: 1, liveLogicalBytes: 1, processWriteBytes: null });
    expect(r.metrics.compactionFilterDrops).toBe(20);
    expect(r.metrics.estimatedKeys).toBe(40);
    const families = r.raw.families as { name: string; files: number; estimatedKeys: number; ttlRemoved: number | null }[];
    expect(families.map((f) => [f.name, f.estimatedKeys, f.ttlRemoved])).toEqual([
      ['default', 10, null],
      ['ttl-state', 30, 20],
    ]);
    expect(families.every((f) => f.files === 1)).toBe(true);
  });
});
