// Engine figures from lmdb-js getStats(): the pure shaping, and what a real environment reports.
import { describe, expect, it } from 'vitest';
import { bytes, openLmdb } from './test-support/open.js';
import { reportFromStats, sampleFromStats, type LmdbStats } from './stats.js';

const tree = { pageSize: 4096, treeDepth: 0, treeBranchPageCount: 0, treeLeafPageCount: 0, entryCount: 0, overflowPages: 0 };
const stats: LmdbStats = {
  ...tree,
  treeDepth: 3,
  treeBranchPageCount: 10,
  treeLeafPageCount: 500,
  overflowPages: 4,
  entryCount: 20_000,
  mapSize: 8 * 1024 * 1024,
  lastPageNumber: 1023,
  lastTxnId: 77,
  maxReaders: 126,
  numReaders: 1,
  free: { ...tree, treeDepth: 1, treeLeafPageCount: 1, entryCount: 3 },
};

describe('lmdb stats shaping', () => {
  it('samples pages used, map usage and entries', () => {
    expect(sampleFromStats(stats, null)).toEqual({ pagesUsed: 1024, mapUsageRatio: 0.5, entries: 20_000, treeDepth: 3, commits: 77 });
    expect(sampleFromStats(stats, 16 * 1024 * 1024).mapUsageRatio).toBe(0.25);
  });

  it('computes amplification from the harness figures and reports the page census', () => {
    const r = reportFromStats(stats, { userBytesWritten: 1000, liveLogicalBytes: 2_000_000, processWriteBytes: 5000 }, 4_194_304, null);
    expect(r.writeAmp).toBe(5);
    expect(r.spaceAmp).toBeCloseTo(2.097152, 6);
    expect(r.blockCacheHitRatio).toBeNull();
    expect(r.metrics).toMatchObject({
      treeDepth: 3,
      branchPages: 10,
      leafPages: 500,
      overflowPages: 4,
      entries: 20_000,
      freeTreePages: 1,
      freeTreeEntries: 3,
      freePagesDerived: 1024 - 2 - 514 - 1,
      usedBytes: 4_194_304,
      mapSizeBytes: 8 * 1024 * 1024,
      commits: 77,
    });
  });

  it('leaves amplification null when a figure is missing or zero', () => {
    const r = reportFromStats(stats, { userBytesWritten: 0, liveLogicalBytes: 0, processWriteBytes: null }, null, null);
    expect(r.writeAmp).toBeNull();
    expect(r.spaceAmp).toBeNull();
  });
});

describe('lmdb stats from a real environment', () => {
  it('counts entries and pages, and spaceAmp is the data file over the live bytes', async () => {
    const { db } = await openLmdb({ writePath: 'sync', writeBatchOps: '100' });
    for (let i = 0; i < 2000; i++) db.put(i, bytes(100));
    const sample = db.sampleStats();
    expect(sample.entries).toBe(2000);
    expect(sample.pagesUsed as number).toBeGreaterThan(2000 / 30);
    const live = 2000 * (16 + 100);
    const r = await db.finalStats({ userBytesWritten: live, liveLogicalBytes: live, processWriteBytes: 3 * live });
    expect(r.writeAmp).toBe(3);
    expect(r.metrics.entries).toBe(2000);
    expect(r.metrics.treeDepth).toBeGreaterThanOrEqual(2);
    expect(r.metrics.commits).toBe(20);
    expect(r.spaceAmp).toBeCloseTo((r.metrics.dataFileBytes as number) / live, 9);
    expect(r.spaceAmp as number).toBeGreaterThan(1);
  });
});
