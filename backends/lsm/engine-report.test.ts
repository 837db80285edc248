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
});
