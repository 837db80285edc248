import { describe, expect, it } from 'vitest';
import { LSM_KNOBS } from '../../backends/lsm/knobs.js';
import type { KnobValue } from '../../backends/types.js';
import { inProcessCellSpec } from '../cell/spec.js';
import type { PlannedCell } from '../plan/run-cells.js';
import { budgetSkips } from '../plan/budget.js';
import { LMDB_CACHE_STRONG_ENTRIES } from '../../backends/lmdb/memory-estimate.js';
import { estimateLsm } from '../../backends/lsm/memory-estimate.js';
import { estimateCellMemory } from './estimate.js';

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

describe('LSM under --threads N: one instance per slot', () => {
  const est = (set: Record<string, KnobValue>, threads: number) => estimateLsm(lsm(set), { flinkBudgetBytes: null, threads });
  it('each slot its own memtables and cache (lsm.sharedBlockCache off): N x (write buffers + cache)', () => {
    const e = est({}, 4);
    expect(e.bytes).toBe(4 * 136 * MiB);
    expect(e.breakdown).toBe('4 slots x (write buffers 128MiB + block cache 8MiB, one cache per slot) = 544MiB');
  });
  it('a shared cache counts once: N x write buffers + one cache', () => {
    const e = est({ sharedBlockCache: true, blockCacheSize: 64 * MiB }, 4);
    expect(e.bytes).toBe(4 * 128 * MiB + 64 * MiB);
    expect(e.breakdown).toBe('4 slots x write buffers 128MiB + one block cache 64MiB shared by the slots (lsm.sharedBlockCache) = 576MiB');
  });
  it('with a shared cache, db_write_buffer_size is divided among the slots; without, each slot has all of it', () => {
    const shared = est({ sharedBlockCache: true, dbWriteBufferSize: 64 * MiB }, 4);
    expect(shared.bytes).toBe(4 * 16 * MiB + 8 * MiB);
    expect(shared.breakdown).toMatch(/^4 slots x write buffers 16MiB \(db_write_buffer_size 64MiB \/ 4\) \+ one block cache 8MiB/);
    expect(est({ dbWriteBufferSize: 64 * MiB }, 4).bytes).toBe(4 * (64 + 8) * MiB);
  });
  it('one thread: the knob changes nothing', () => {
    expect(est({ sharedBlockCache: true, dbWriteBufferSize: 64 * MiB }, 1)).toEqual(estimateLsm(lsm({ dbWriteBufferSize: 64 * MiB }), { flinkBudgetBytes: null }));
  });
  it("Flink's budget is named per slot, times the slots, or per TaskManager (fixed-per-tm)", () => {
    expect(estimateLsm(lsm(), { flinkBudgetBytes: 300 * MiB, threads: 2 }).breakdown).toMatch(/^Flink budget 300MiB per slot x 2 slots/);
    expect(estimateLsm(lsm({ sharedBlockCache: true }), { flinkBudgetBytes: 600 * MiB, flinkBudgetScope: 'taskmanager', threads: 2 }).breakdown).toMatch(/^Flink budget 600MiB per TaskManager \(all slots\)/);
  });
  it("the budget check counts each planned cell's threads", () => {
    const cell = (threads: number | undefined, knobs: Record<string, KnobValue> = {}): PlannedCell => {
      const { dataDir: _dir, ...spec } = inProcessCellSpec({ id: `lsm-${threads}`, backend: 'lsm', knobs: lsm(knobs), workload: 'ycsb-a', workloadParams: {}, ops: 1, seed: 1, repeat: 0, dataDir: '', sampleEvery: null });
      return threads === undefined ? spec : { ...spec, threads };
    };
    const skips = budgetSkips([cell(undefined), cell(2), cell(4, { sharedBlockCache: true, dbWriteBufferSize: 64 * MiB })], 256 * MiB, null);
    expect([...skips.keys()]).toEqual(['lsm-2']);
    expect(skips.get('lsm-2')).toBe('over the memory budget: 2 slots x (write buffers 128MiB + block cache 8MiB, one cache per slot) = 272MiB > --memory-budget 256MiB');
  });
});

describe('other backends', () => {
  const ctx = { records: 1_000_000, meanValueBytes: 100, keySize: 16, flinkBudgetBytes: null };
  it('LMDB: nothing without the object cache; its strongly held entries with it', () => {
    expect(estimateCellMemory('lmdb', { cache: false }, ctx).bytes).toBe(0);
    expect(estimateCellMemory('lmdb', { cache: true }, ctx).bytes).toBe(LMDB_CACHE_STRONG_ENTRIES * (16 + 100 + 64));
  });
  it('LMDB under --threads: one object cache per slot, never more entries than records', () => {
    const two = estimateCellMemory('lmdb', { cache: true }, { ...ctx, threads: 2 });
    expect(two.bytes).toBe(2 * LMDB_CACHE_STRONG_ENTRIES * (16 + 100 + 64));
    expect(two.breakdown).toMatch(/^2 slots' object caches, /);
    expect(estimateCellMemory('lmdb', { cache: true }, { ...ctx, records: 40_000, threads: 4 }).bytes).toBe(40_000 * (16 + 100 + 64));
  });
  it('heap: only a measurement can tell', () => {
    expect(estimateCellMemory('heap', {}, ctx).bytes).toBeNull();
  });
});

describe('lsm under Flink\'s memory bound', () => {
  it('counts the cache (holding the charged memtables) and the half of the write buffer manager they may run past: M, as Flink sizes them', () => {
    // Flink's stock slot: 536870920 bytes of managed memory, a 447392433-byte cache, a 178956973-byte manager.
    const est = estimateLsm(lsm({ boundedMemory: 536870920 }), { flinkBudgetBytes: null });
    expect(est.bytes).toBe(447392433 + 89478486);
    expect(est.breakdown).toMatch(/holding the memtables/);
  });
});
