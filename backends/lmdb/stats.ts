// LMDB's own figures, from lmdb-js getStats() (mdb_stat + mdb_env_info), shaped for the interval
// time series (cheap sample) and the end-of-cell engine report. Pure functions of the stats
// object, so they are tested without an environment.
import type { EngineReport, EngineSample, FinalStatsContext } from '../types.js';

/** The part of lmdb-js's getStats() result used here (it returns an untyped object). */
export interface LmdbTreeStats {
  readonly pageSize: number;
  readonly treeDepth: number;
  readonly treeBranchPageCount: number;
  readonly treeLeafPageCount: number;
  readonly entryCount: number;
  readonly overflowPages: number;
}

export interface LmdbStats extends LmdbTreeStats {
  readonly mapSize: number;
  readonly lastPageNumber: number;
  readonly lastTxnId: number;
  readonly maxReaders: number;
  readonly numReaders: number;
  readonly free: LmdbTreeStats;
}

const META_PAGES = 2;

export function isLmdbStats(v: unknown): v is LmdbStats {
  if (typeof v !== 'object' || v === null) return false;
  const s = v as Record<string, unknown>;
  return typeof s.pageSize === 'number' && typeof s.lastPageNumber === 'number' && typeof s.free === 'object' && s.free !== null;
}

/** Bytes of the map in use: page numbers start at 0, so pages 0..lastPageNumber are taken. */
export function usedBytes(s: LmdbStats): number {
  return (s.lastPageNumber + 1) * s.pageSize;
}

/** Usage against the backend's mapSize limit when set, else against lmdb-js's current map. */
export function mapUsageRatio(s: LmdbStats, mapSizeLimit: number | null): number | null {
  const cap = mapSizeLimit ?? s.mapSize;
  return cap > 0 ? usedBytes(s) / cap : null;
}

export function sampleFromStats(s: LmdbStats, mapSizeLimit: number | null): EngineSample {
  return {
    pagesUsed: s.lastPageNumber + 1,
    mapUsageRatio: mapUsageRatio(s, mapSizeLimit),
    entries: s.entryCount,
    treeDepth: s.treeDepth,
    // Commits so far (transaction ids grow by one per commit that changed something): the
    // series shows how many writes each commit carries.
    commits: s.lastTxnId,
  };
}

const ratio = (num: number | null, den: number | null): number | null =>
  num === null || den === null || den <= 0 ? null : num / den;

export function reportFromStats(
  s: LmdbStats,
  ctx: FinalStatsContext,
  dataFileBytes: number | null,
  mapSizeLimit: number | null,
): EngineReport {
  const treePages = s.treeBranchPageCount + s.treeLeafPageCount + s.overflowPages;
  const freeTreePages = s.free.treeBranchPageCount + s.free.treeLeafPageCount + s.free.overflowPages;
  return {
    // Bytes the process wrote to storage per logical byte, measured by the harness from
    // /proc/self/io the same way for every backend (LMDB has no counter of its own).
    writeAmp: ratio(ctx.processWriteBytes, ctx.userBytesWritten),
    spaceAmp: ratio(dataFileBytes, ctx.liveLogicalBytes),
    // No block cache: LMDB reads through the OS page cache, which it does not count.
    blockCacheHitRatio: null,
    stallMicros: null,
    metrics: {
      treeDepth: s.treeDepth,
      branchPages: s.treeBranchPageCount,
      leafPages: s.treeLeafPageCount,
      overflowPages: s.overflowPages,
      entries: s.entryCount,
      // Pages the free-page tree itself occupies, and its records (one per freeing transaction).
      freeTreePages,
      freeTreeEntries: s.free.entryCount,
      // Not reported by LMDB directly: allocated pages that belong to no tree (reusable space,
      // or pages still held for open readers). Derived, hence the name.
      freePagesDerived: Math.max(0, s.lastPageNumber + 1 - META_PAGES - treePages - freeTreePages),
      pageSizeBytes: s.pageSize,
      mapSizeBytes: s.mapSize,
      mapSizeLimitBytes: mapSizeLimit,
      usedBytes: usedBytes(s),
      mapUsageRatio: mapUsageRatio(s, mapSizeLimit),
      dataFileBytes,
      // Transaction ids increase by one per commit that changed something: commits made.
      commits: s.lastTxnId,
      readers: s.numReaders,
    },
    raw: { ...s },
  };
}
