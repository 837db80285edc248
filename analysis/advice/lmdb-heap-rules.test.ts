import { describe, expect, it } from 'vitest';
import { adviseDocument } from './advise.js';
import { craftCell, craftDocument } from '../../harness/test-support/cells.js';

const MiB = 1024 * 1024;
const recs = (doc: ReturnType<typeof craftDocument>, budget: number | null = null) => adviseDocument(doc, { memoryBudgetBytes: budget });

describe('lmdb-sync-commits', () => {
  const slowWrites = { read: [5000, 2] as [number, number], update: [5000, 300] as [number, number] };
  it('sync path with one write per transaction: batch 100 writes per transaction', () => {
    const doc = craftDocument(craftCell({ backend: 'lmdb', ops: slowWrites, knobs: { writePath: 'sync' } }));
    const r = recs(doc).find((x) => x.id === 'lmdb-sync-commits');
    expect(r?.suggestion.changes).toEqual({ writeBatchOps: 100 });
    expect(r?.suggestion.rationale).toMatch(/crash loses/);
  });
  it('async path: noSync, with the durability it costs', () => {
    const r = recs(craftDocument(craftCell({ backend: 'lmdb', ops: slowWrites }))).find((x) => x.id === 'lmdb-sync-commits');
    expect(r?.suggestion.changes).toEqual({ noSync: true });
    expect(r?.suggestion.rationale).toMatch(/crash .* can lose/);
  });
  it('silent when writes are cheap or already unsynced', () => {
    expect(recs(craftDocument(craftCell({ backend: 'lmdb', ops: { read: [5000, 2], update: [5000, 3] } }))).map((r) => r.id)).not.toContain('lmdb-sync-commits');
    expect(recs(craftDocument(craftCell({ backend: 'lmdb', ops: slowWrites, knobs: { noSync: true } }))).map((r) => r.id)).not.toContain('lmdb-sync-commits');
  });
});

describe('lmdb-map-nearly-full', () => {
  it('fires at 80 % of a set map size and suggests twice the data', () => {
    const doc = craftDocument(craftCell({ backend: 'lmdb', metrics: { mapSizeLimitBytes: 100 * MiB, mapUsageRatio: 0.9, usedBytes: 90 * MiB } }));
    expect(recs(doc).find((r) => r.id === 'lmdb-map-nearly-full')?.suggestion.changes).toEqual({ mapSize: 180 * MiB });
  });
  it('silent when lmdb-js grows the map itself (no limit set)', () => {
    const doc = craftDocument(craftCell({ backend: 'lmdb', metrics: { mapSizeLimitBytes: null, mapUsageRatio: 0.95, usedBytes: 90 * MiB } }));
    expect(recs(doc).map((r) => r.id)).not.toContain('lmdb-map-nearly-full');
  });
});

describe('lmdb-writemap', () => {
  const writes = { update: [9000, 5] as [number, number], read: [1000, 2] as [number, number] };
  it('only with noSync on a write-heavy mix', () => {
    expect(recs(craftDocument(craftCell({ backend: 'lmdb', ops: writes, knobs: { noSync: true } }))).find((r) => r.id === 'lmdb-writemap')?.suggestion.changes).toEqual({ useWritemap: true });
    expect(recs(craftDocument(craftCell({ backend: 'lmdb', ops: writes }))).map((r) => r.id)).not.toContain('lmdb-writemap');
  });
});

describe('heap-gc-or-memory', () => {
  it('GC pauses over 10 % of the time: move to LSM', () => {
    const r = recs(craftDocument(craftCell({ backend: 'heap', gcPauseMs: 2000, runMs: 10_000 }))).find((x) => x.id === 'heap-gc-or-memory');
    expect(r?.suggestion).toMatchObject({ action: 'switch backend to', backend: 'lsm', knob: null });
  });
  it('measured state close to the budget: move to LSM', () => {
    const cell = craftCell({ backend: 'heap', metrics: { heapUsedBytes: 200 * MiB, valueBytes: 30 * MiB } });
    expect(recs(craftDocument(cell), 256 * MiB).map((r) => r.id)).toContain('heap-gc-or-memory');
    expect(recs(craftDocument(cell), 1024 * MiB).map((r) => r.id)).not.toContain('heap-gc-or-memory');
  });
  it('inside a TaskManager without --memory-budget, the task heap is the budget', () => {
    const cell = craftCell({ backend: 'heap', metrics: { heapUsedBytes: 280 * MiB, valueBytes: 40 * MiB } });
    const inTm = (taskHeap: number) => ({ ...cell, memory: { taskManager: '1728m', slots: 1, bound: { kind: 'task heap' as const, bytes: taskHeap } } });
    const r = recs(craftDocument(inTm(384 * MiB))).find((x) => x.id === 'heap-gc-or-memory');
    expect(r?.suggestion.rationale).toMatch(/state 320MiB of the 384MiB task heap of a 1728m TaskManager/);
    expect(recs(craftDocument(inTm(1536 * MiB))).map((x) => x.id)).not.toContain('heap-gc-or-memory');
  });
});
