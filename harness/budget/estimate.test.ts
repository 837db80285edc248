import { describe, expect, it } from 'vitest';
import { LSM_KNOBS } from '../../backends/lsm/knobs.js';
import type { KnobValue } from '../../backends/types.js';
import { estimateCellMemory, estimateLsm, LMDB_CACHE_STRONG_ENTRIES } from './estimate.js';

const MiB = 1024 * 1024;
function lsm(set: Record<string, KnobValue> = {}): Record<string, KnobValue | null> {
  const out: Record<string, KnobValue | null> = {};
  for (const k of LSM_KNOBS) out[k.name] = k.default;
  return { ...out, ...set };
}

describe('LSM memory arithmetic', () => {
  it("RocksDB's defaults: 2 x 64 MiB write buffers + 8 MiB cache", () => {
    expect(estimateLsm(lsm(), { flinkBudgetBytes: null }).bytes).toBe(136 * MiB);
  });
  it('write buffers x count + block cache, as set', () => {
    expect(estimateLsm(lsm({ writeBufferSize: 16 * MiB, maxWriteBufferNumber: 4, blockCacheSize: 100 * MiB }), { flinkBudgetBytes: null }).bytes).toBe(164 * MiB);
  });
  it('db_write_buffer_size caps the memtables; a disabled cache counts 0', () => {
    expect(estimateLsm(lsm({ dbWriteBufferSize: 32 * MiB, blockCacheSize: 0 }), { flinkBudgetBytes: null }).bytes).toBe(32 * MiB);
  });
  it("a preset's options count (spinning-disk-high-mem: 4 x 64 MiB + 256 MiB cache)", () => {
    expect(estimateLsm(lsm({ preset: 'spinning-disk-high-mem' }), { flinkBudgetBytes: null }).bytes).toBe(512 * MiB);
  });
  it("Flink's managed memory: cache (3-r)M/3 and write buffer manager 2rM/3 as the run applies them", () => {
    // M = 300 MiB, r = 0.5: cache 250 MiB, write buffers 100 MiB (not charged to the cache here).
    const est = estimateLsm(lsm({ blockCacheSize: 250 * MiB, dbWriteBufferSize: 100 * MiB }), { flinkBudgetBytes: 300 * MiB });
    expect(est.bytes).toBe(350 * MiB);
    expect(est.breakdown).toMatch(/Flink budget 300MiB/);
  });
});

describe('other backends', () => {
  const ctx = { records: 1_000_000, meanValueBytes: 100, keySize: 16, flinkBudgetBytes: null };
  it('LMDB: nothing without the object cache; its strongly held entries with it', () => {
    expect(estimateCellMemory('lmdb', { cache: false }, ctx).bytes).toBe(0);
    expect(estimateCellMemory('lmdb', { cache: true }, ctx).bytes).toBe(LMDB_CACHE_STRONG_ENTRIES * (16 + 100 + 64));
  });
  it('heap: only a measurement can tell', () => {
    expect(estimateCellMemory('heap', {}, ctx).bytes).toBeNull();
  });
});
