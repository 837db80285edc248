import { describe, expect, it } from 'vitest';
import { adviseDocument } from './advise.js';
import { craftCell, craftDocument, statsText } from '../../harness/test-support/cells.js';

const MiB = 1024 * 1024;
const ids = (doc: ReturnType<typeof craftDocument>, budget: number | null = null) => adviseDocument(doc, { memoryBudgetBytes: budget }).map((r) => r.id);
const rec = (doc: ReturnType<typeof craftDocument>, id: string, budget: number | null = null) => adviseDocument(doc, { memoryBudgetBytes: budget }).find((r) => r.id === id);
const writes = { insert: [10_000, 10] as [number, number] };

/** A healthy LSM cell: defaults, no stalls, good cache, modest write amp. */
const healthy = () =>
  craftCell({ backend: 'lsm', ops: writes, engine: { stallMicros: 0, writeAmp: 3, blockCacheHitRatio: 0.95, raw: { stats: statsText({}) } }, metrics: { sstBytes: 4 * MiB } });

describe('LSM stall rules', () => {
  const stalled = (s: { l0?: number; memtable?: number; pending?: number }, knobs = {}) =>
    craftDocument(craftCell({ backend: 'lsm', workload: 'fillrandom', ops: writes, knobs, runMs: 10_000, engine: { stallMicros: 4_000_000, raw: { stats: statsText(s) } } }));

  it('no stall rule on a cell that did not stall', () => {
    const r = ids(craftDocument(healthy()));
    expect(r.filter((id) => id.startsWith('lsm-stall'))).toEqual([]);
  });
  it('L0 stalls: raise the slowdown and stop triggers', () => {
    const r = rec(stalled({ l0: 100 }, { level0SlowdownWritesTrigger: 4, level0StopWritesTrigger: 6, level0FileNumCompactionTrigger: 2 }), 'lsm-stall-l0');
    expect(r?.suggestion.changes).toEqual({ level0SlowdownWritesTrigger: 20, level0StopWritesTrigger: 36 });
    expect(r?.evidence.find((e) => e.metric === 'stall share of measured time')?.value).toBeCloseTo(0.4);
    expect(r?.evidence.every((e) => e.chart === null || typeof e.chart === 'string')).toBe(true);
  });
  it('a stall share under 5 % says nothing', () => {
    const doc = craftDocument(craftCell({ backend: 'lsm', ops: writes, runMs: 10_000, engine: { stallMicros: 100_000, raw: { stats: statsText({ l0: 100 }) } } }));
    expect(ids(doc)).not.toContain('lsm-stall-l0');
  });
  it('memtable stalls: more write buffers, or more background jobs when the budget leaves no room', () => {
    expect(rec(stalled({ memtable: 30 }), 'lsm-stall-memtable')?.suggestion.changes).toEqual({ maxWriteBufferNumber: 4 });
    // 2 x 64 MiB + 8 MiB fits 150 MiB, 4 x 64 MiB does not: flushes get more threads instead (2 cores in the document).
    const budgeted = craftDocument(craftCell({ backend: 'lsm', ops: writes, knobs: { maxBackgroundJobs: 1 }, engine: { stallMicros: 4_000_000, raw: { stats: statsText({ memtable: 30 }) } } }));
    expect(rec(budgeted, 'lsm-stall-memtable', 150 * MiB)?.suggestion.changes).toEqual({ maxBackgroundJobs: 2 });
  });
  it("memtable stalls under Flink's bound: a larger write-buffer-ratio, in Flink's key, not more buffers", () => {
    const managed = 536870920;
    const r = rec(stalled({ memtable: 30 }, { boundedMemory: managed }), 'lsm-stall-memtable');
    expect(r?.suggestion.changes).toEqual({ writeBufferRatio: 0.75 });
    expect(r?.suggestion.rationale).toContain('state.backend.rocksdb.memory.write-buffer-ratio: 0.75');
    // At the top of the range there is no larger share: more background jobs flush faster.
    expect(rec(stalled({ memtable: 30 }, { boundedMemory: managed, writeBufferRatio: 0.75, maxBackgroundJobs: 1 }), 'lsm-stall-memtable', null)?.suggestion.changes).toEqual({ maxWriteBufferNumber: 4 });
  });
  it('pending-compaction stalls: more background jobs, then universal compaction', () => {
    expect(rec(stalled({ pending: 10 }, { maxBackgroundJobs: 1 }), 'lsm-stall-pending-compaction')?.suggestion.changes).toEqual({ maxBackgroundJobs: 2 });
    expect(rec(stalled({ pending: 10 }), 'lsm-stall-pending-compaction')?.suggestion.changes).toEqual({ compactionStyle: 'universal' });
    expect(ids(stalled({ pending: 10 }))).not.toContain('lsm-stall-l0');
  });
});

describe('lsm-block-cache-low', () => {
  const reads = { read: [9000, 20] as [number, number], update: [1000, 10] as [number, number] };
  it('fires when the hit ratio is low and the SST files outgrow the cache, sized to the budget', () => {
    const doc = craftDocument(craftCell({ backend: 'lsm', ops: reads, engine: { blockCacheHitRatio: 0.4 }, metrics: { sstBytes: 200 * MiB } }));
    expect(rec(doc, 'lsm-block-cache-low')?.suggestion.changes).toEqual({ blockCacheSize: 300 * MiB });
    // Within 256 MiB: what the write buffers (2 x 64 MiB) leave.
    expect(rec(doc, 'lsm-block-cache-low', 256 * MiB)?.suggestion.changes).toEqual({ blockCacheSize: 128 * MiB });
  });
  it("inside a TaskManager suggests a larger TaskManager or managed fraction, never more memory than it has", () => {
    // The stock 1728m TaskManager: 512 MiB of managed memory per slot (lsm.boundedMemory), of which Flink's cache is (3 - 0.5) / 3.
    const managed = 536870920;
    const cell = craftCell({ backend: 'lsm', ops: reads, knobs: { boundedMemory: managed }, engine: { blockCacheHitRatio: 0.4 }, metrics: { sstBytes: 1024 * MiB } });
    const doc = craftDocument({ ...cell, memory: { taskManager: '1728m', slots: 1, bound: { kind: 'managed', bytes: managed } } });
    const r = rec(doc, 'lsm-block-cache-low');
    // Verified as the larger TaskManager's slot would run: its managed memory as the bound.
    expect(r?.suggestion.changes).toEqual({ boundedMemory: 1844 * MiB });
    // 1536 MiB of cache takes 1844 MiB of managed memory, 0.4 of a Flink size of 4610 MiB or more:
    // 5440m less 256m of metaspace and 544m of overhead (0.1) leaves 4640 MiB; 5376m leaves 4582.
    expect(r?.suggestion.rationale).toMatch(/Flink sizes this cache from the slot's managed memory in the 1728m TaskManager \(512MiB\); a 1\.5GiB cache, which holds the working set, takes 1\.8GiB per slot: a TaskManager of taskmanager\.memory\.process\.size: 5440m\./);
    expect(r?.suggestion.rationale).not.toMatch(/managed\.fraction/);
    // A smaller need fits a larger managed fraction of the TaskManager as it is: a 675 MiB cache
    // takes 810 MiB of managed memory, 0.64 of its 1280 MiB Flink size.
    const small = craftDocument({ ...craftCell({ backend: 'lsm', ops: reads, knobs: { boundedMemory: managed }, engine: { blockCacheHitRatio: 0.4 }, metrics: { sstBytes: 450 * MiB } }), memory: { taskManager: '1728m', slots: 1, bound: { kind: 'managed', bytes: managed } } });
    expect(rec(small, 'lsm-block-cache-low')?.suggestion.rationale).toMatch(/taskmanager\.memory\.process\.size: \d+m, or taskmanager\.memory\.managed\.fraction: 0\.64 in the 1728m one \(its task heap shrinks by as much\)/);
  });
  it("inside a TaskManager, a read-mostly mix also hears of a lower write-buffer-ratio within the same memory", () => {
    const managed = 536870920;
    const readOnly = { read: [10_000, 20] as [number, number] };
    const cell = craftCell({ backend: 'lsm', ops: readOnly, knobs: { boundedMemory: managed }, engine: { blockCacheHitRatio: 0.4 }, metrics: { sstBytes: 1024 * MiB } });
    const r = rec(craftDocument({ ...cell, memory: { taskManager: '1728m', slots: 1, bound: { kind: 'managed', bytes: managed } } }), 'lsm-block-cache-low');
    expect(r?.suggestion.rationale).toContain('Within the same memory, state.backend.rocksdb.memory.write-buffer-ratio: 0.25 leaves more of the cache to blocks');
  });
  it('is silent when the working set fits the cache', () => {
    const doc = craftDocument(craftCell({ backend: 'lsm', ops: reads, engine: { blockCacheHitRatio: 0.4 }, metrics: { sstBytes: 4 * MiB } }));
    expect(ids(doc)).not.toContain('lsm-block-cache-low');
  });
});

describe('lsm-bloom-missing', () => {
  const tickers = (read: number, found: number) => ({ tickers: { 'rocksdb.number.keys.read': read, 'rocksdb.memtable.hit': found, 'rocksdb.l0.hit': 0 } });
  const reads = { read: [9000, 20] as [number, number], update: [1000, 10] as [number, number] };
  it('fires on point reads that miss without a filter', () => {
    const doc = craftDocument(craftCell({ backend: 'lsm', ops: reads, engine: { raw: tickers(1000, 500) } }));
    expect(rec(doc, 'lsm-bloom-missing')?.suggestion.changes).toEqual({ bloomBitsPerKey: 10 });
  });
  it('is silent with a filter, or when reads find their keys', () => {
    expect(ids(craftDocument(craftCell({ backend: 'lsm', ops: reads, knobs: { bloomBitsPerKey: 10 }, engine: { raw: tickers(1000, 500) } })))).not.toContain('lsm-bloom-missing');
    expect(ids(craftDocument(craftCell({ backend: 'lsm', ops: reads, engine: { raw: tickers(1000, 990) } })))).not.toContain('lsm-bloom-missing');
  });
});

describe('lsm-write-amp-high', () => {
  it('small write buffers: back to 64 MiB; otherwise universal compaction', () => {
    const small = craftDocument(craftCell({ backend: 'lsm', ops: writes, knobs: { writeBufferSize: 4 * MiB }, engine: { writeAmp: 18 } }));
    expect(rec(small, 'lsm-write-amp-high')?.suggestion.changes).toEqual({ writeBufferSize: 64 * MiB });
    const dflt = craftDocument(craftCell({ backend: 'lsm', ops: writes, engine: { writeAmp: 18 } }));
    expect(rec(dflt, 'lsm-write-amp-high')?.suggestion.changes).toEqual({ compactionStyle: 'universal' });
  });
  it('not on a read-heavy mix', () => {
    const doc = craftDocument(craftCell({ backend: 'lsm', ops: { read: [9000, 5], update: [1000, 5] }, engine: { writeAmp: 18 } }));
    expect(ids(doc)).not.toContain('lsm-write-amp-high');
  });
});

describe('sizing rules', () => {
  it('defaults are balanced: neither sizing rule fires', () => {
    expect(ids(craftDocument(healthy()))).not.toContain('lsm-l0-l1-sizing');
    expect(ids(craftDocument(healthy()))).not.toContain('lsm-target-file-size');
  });
  it('L0 far from L1: max_bytes_for_level_base set to write buffer x merge x trigger', () => {
    const doc = craftDocument(craftCell({ backend: 'lsm', ops: writes, knobs: { writeBufferSize: 4 * MiB, level0FileNumCompactionTrigger: 2 } }));
    expect(rec(doc, 'lsm-l0-l1-sizing')?.suggestion.changes).toEqual({ maxBytesForLevelBase: 8 * MiB });
  });
  it('target_file_size_base far from max_bytes_for_level_base / 10', () => {
    const doc = craftDocument(craftCell({ backend: 'lsm', ops: writes, knobs: { targetFileSizeBase: 512 * MiB } }));
    expect(rec(doc, 'lsm-target-file-size')?.suggestion.value).toBe(Math.round((256 * MiB) / 10 / 65536) * 65536);
  });
});

describe('lsm-background-jobs', () => {
  it('fires when compaction lags with fewer jobs than cores', () => {
    const doc = craftDocument(craftCell({ backend: 'lsm', ops: writes, knobs: { maxBackgroundJobs: 1 }, metrics: { maxPendingCompactionBytes: 200 * MiB } }));
    expect(rec(doc, 'lsm-background-jobs')?.suggestion.changes).toEqual({ maxBackgroundJobs: 2 });
  });
  it('is silent when jobs match the cores', () => {
    const doc = craftDocument(craftCell({ backend: 'lsm', ops: writes, metrics: { maxPendingCompactionBytes: 200 * MiB } }));
    expect(ids(doc)).not.toContain('lsm-background-jobs');
  });
});

describe("lsm advice inside a TaskManager speaks Flink's terms", () => {
  const managed = 536870920;
  const reads = { read: [9000, 20] as [number, number], update: [1000, 10] as [number, number] };
  const bounded = (knobs: Record<string, number | boolean>, share: number, hit = 0.6) =>
    craftDocument({
      ...craftCell({ backend: 'lsm', ops: reads, knobs: { boundedMemory: managed, ...knobs }, engine: { blockCacheHitRatio: hit }, metrics: { sstBytes: 100 * MiB, blockCacheIndexFilterMissShare: share } }),
      memory: { taskManager: '1728m', slots: 1, bound: { kind: 'managed', bytes: managed } },
    });
  it('index and filter blocks missing the cache: a larger high-priority pool, then partitioned index and filters', () => {
    const r = rec(bounded({}, 0.45), 'lsm-index-filter-misses');
    expect(r?.suggestion.changes).toEqual({ highPriPoolRatio: 0.2 });
    expect(r?.suggestion.rationale).toMatch(/Index and filter blocks were 45\.0 % of the block cache misses.*state\.backend\.rocksdb\.memory\.high-prio-pool-ratio: 0\.2/);
    expect(rec(bounded({ highPriPoolRatio: 0.25 }, 0.45), 'lsm-index-filter-misses')?.suggestion.changes).toEqual({ partitionedIndexFilters: true });
    expect(ids(bounded({}, 0.1))).not.toContain('lsm-index-filter-misses');
  });
  it('never suggests a size that Flink would override (the block cache, the DB-wide write buffer)', () => {
    const docs = [bounded({}, 0.45, 0.3), bounded({ writeBufferSize: 8 * MiB }, 0.1, 0.2)];
    for (const doc of docs) {
      for (const r of adviseDocument(doc, { memoryBudgetBytes: null }).filter((x) => x.backend === 'lsm')) {
        expect(Object.keys(r.suggestion.changes ?? {}), r.id).not.toContain('blockCacheSize');
        expect(Object.keys(r.suggestion.changes ?? {}), r.id).not.toContain('dbWriteBufferSize');
      }
    }
  });
});
