// The LSM engine report: figures RocksDB itself reports (statistics tickers and histograms,
// DB properties, live SST files, the OPTIONS file, the cache and write buffer manager the DB
// holds), combined into the contract's metrics.

import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { EngineReport, FinalStatsContext } from '../types.js';
import type { NativeDatabase, NativeMemory } from './native.js';
import { readUsedOptions } from './options-file.js';
import type { StatisticsSnapshot } from './statistics.js';

/** Cheap integer properties sampled every interval (readIntProperty: per-family ones summed over the families). */
export const SAMPLED_INT_PROPERTIES: Readonly<Record<string, string>> = {
  pendingCompactionBytes: 'rocksdb.estimate-pending-compaction-bytes',
  immutableMemtables: 'rocksdb.num-immutable-mem-table',
  isWriteStopped: 'rocksdb.is-write-stopped',
  blockCacheUsageBytes: 'rocksdb.block-cache-usage',
  memtableBytes: 'rocksdb.cur-size-all-mem-tables',
  delayedWriteRate: 'rocksdb.actual-delayed-write-rate',
  runningCompactions: 'rocksdb.num-running-compactions',
  runningFlushes: 'rocksdb.num-running-flushes',
};

/**
 * Properties RocksDB keeps per column family, read as their sum over the DB's families (Flink keeps
 * a family per state); the others (block cache, stalls, running jobs) are the DB's own, which
 * RocksDB 7.8 would add up once per family, so they are read on the default family.
 */
const PER_FAMILY_PROPERTIES: ReadonlySet<string> = new Set([
  'rocksdb.estimate-pending-compaction-bytes',
  'rocksdb.num-immutable-mem-table',
  'rocksdb.cur-size-all-mem-tables',
  'rocksdb.estimate-num-keys',
  'rocksdb.total-sst-files-size',
  'rocksdb.live-sst-files-size',
  'rocksdb.estimate-live-data-size',
  'rocksdb.estimate-table-readers-mem',
  'rocksdb.num-live-versions',
  'rocksdb.num-entries-active-mem-table',
  'rocksdb.num-deletes-active-mem-table',
]);

/** An integer property of the whole DB: summed over its column families when RocksDB keeps it per family. */
export function readIntProperty(db: NativeDatabase, name: string): number | null {
  return PER_FAMILY_PROPERTIES.has(name) ? db.aggregatedIntProperty(name) : db.intProperty(name);
}

/** One column family's share of the DB (raw.families): its files, keys, memtables and TTL filter. */
interface FamilyFigures {
  name: string;
  sstBytes: number;
  files: number;
  estimatedKeys: number | null;
  memtableBytes: number | null;
  ttlRemoved: number | null;
  ttlTrimmed: number | null;
}

function familyFigures(db: NativeDatabase, files: ReturnType<NativeDatabase['liveFiles']>): FamilyFigures[] {
  return db.columnFamilies().map((name) => {
    const family = db.columnFamily(name);
    const own = files.filter((f) => f.columnFamily === name);
    const ttl = family.ttlFilterStats();
    return {
      name,
      sstBytes: own.reduce((s, f) => s + f.bytes, 0),
      files: own.length,
      estimatedKeys: family.intProperty('rocksdb.estimate-num-keys'),
      memtableBytes: family.intProperty('rocksdb.cur-size-all-mem-tables'),
      ttlRemoved: ttl?.removed ?? null,
      ttlTrimmed: ttl?.trimmed ?? null,
    };
  });
}

const FINAL_INT_PROPERTIES = [
  'rocksdb.estimate-num-keys',
  'rocksdb.total-sst-files-size',
  'rocksdb.live-sst-files-size',
  'rocksdb.estimate-live-data-size',
  'rocksdb.block-cache-capacity',
  'rocksdb.block-cache-usage',
  'rocksdb.block-cache-pinned-usage',
  'rocksdb.cur-size-all-mem-tables',
  'rocksdb.estimate-table-readers-mem',
  'rocksdb.num-live-versions',
  'rocksdb.estimate-pending-compaction-bytes',
  'rocksdb.num-entries-active-mem-table',
  'rocksdb.num-deletes-active-mem-table',
];

export interface RunMaxima {
  l0Files: number;
  pendingCompactionBytes: number;
  /** The block cache's usage (write buffers charged to it included) at its largest sample. */
  blockCacheUsageBytes: number;
}

const ratio = (num: number, den: number): number | null => (den > 0 && Number.isFinite(num / den) ? num / den : null);

function walBytesOnDisk(dir: string): number {
  let total = 0;
  for (const name of readdirSync(dir)) if (name.endsWith('.log')) total += statSync(join(dir, name)).size;
  return total;
}

// RocksDB 7.x writes one line per column family in rocksdb.stats:
//   "Stalls(count): 0 level0_slowdown, 0 level0_slowdown_with_compaction, 164 level0_numfiles,
//    78 level0_numfiles_with_compaction, 0 stop for pending_compaction_bytes, 0 slowdown for
//    pending_compaction_bytes, 257 memtable_compaction, 0 memtable_slowdown, interval 421 total count"
// (internal_stats.cc DumpCFStats). The "_with_compaction" counts are subsets of the ones before
// them (the "total count" leaves them out). Stops: L0 files at the stop trigger, pending
// compaction bytes at the hard limit, every memtable full; delays: the three slowdowns.
// RocksDB 8.x writes "total-stops: N, total-delays: M" instead.
const STALL_COUNT = /(\d+) (level0_slowdown|level0_numfiles|stop for pending_compaction_bytes|slowdown for pending_compaction_bytes|memtable_compaction|memtable_slowdown),/g;
const STOPS = new Set(['level0_numfiles', 'stop for pending_compaction_bytes', 'memtable_compaction']);

/** Write stops and delays since the DB opened, summed over its column families; null when the text has neither form. */
export function stallCounts(statsText: string | null): { stops: number | null; delays: number | null } {
  const text = statsText ?? '';
  const newer = { stops: /total-stops: (\d+)/.exec(text)?.[1], delays: /total-delays: (\d+)/.exec(text)?.[1] };
  if (newer.stops !== undefined || newer.delays !== undefined) {
    return { stops: newer.stops === undefined ? null : Number(newer.stops), delays: newer.delays === undefined ? null : Number(newer.delays) };
  }
  let stops = 0;
  let delays = 0;
  let lines = 0;
  for (const line of text.split('\n')) {
    if (!line.startsWith('Stalls(count):')) continue;
    lines++;
    for (const m of line.matchAll(STALL_COUNT)) {
      if (STOPS.has(m[2] as string)) stops += Number(m[1]);
      else delays += Number(m[1]);
    }
  }
  return lines === 0 ? { stops: null, delays: null } : { stops, delays };
}

/**
 * The cache and write buffer manager as RocksDB reports them (Database.memory(): the objects the
 * open DB holds, not what statebench asked for). A DB without a write buffer manager of its own
 * makes one from db_write_buffer_size (0: no limit), so writeBufferManagerBytes is 0 when unbounded.
 */
function memoryMetrics(memory: NativeMemory): Record<string, number | null> {
  const cache = memory.blockCache;
  const wbm = memory.writeBufferManager;
  return {
    blockCacheHighPriPoolRatio: cache !== null && Number.isFinite(cache.highPriPoolRatio) ? cache.highPriPoolRatio : null,
    writeBufferManagerBytes: wbm?.bufferSize ?? null,
    writeBufferManagerUsageBytes: wbm?.memoryUsage ?? null,
    writeBufferManagerChargedToCache: wbm === null ? null : wbm.costToCache ? 1 : 0,
  };
}

export function buildEngineReport(db: NativeDatabase, dir: string, stats: StatisticsSnapshot, maxima: RunMaxima, ctx: FinalStatsContext): EngineReport {
  const t = (name: string): number => stats.tickers[name] ?? 0;
  const properties: Record<string, number | null> = {};
  for (const p of FINAL_INT_PROPERTIES) properties[p] = readIntProperty(db, p);

  const files = db.liveFiles();
  const levels: { level: number; files: number; bytes: number }[] = [];
  for (const f of files) {
    let l = levels.find((x) => x.level === f.level);
    if (!l) levels.push((l = { level: f.level, files: 0, bytes: 0 }));
    l.files++;
    l.bytes += f.bytes;
  }
  levels.sort((a, b) => a.level - b.level);
  const l0Now = levels.find((l) => l.level === 0)?.files ?? 0;
  maxima.l0Files = Math.max(maxima.l0Files, l0Now);
  maxima.pendingCompactionBytes = Math.max(maxima.pendingCompactionBytes, properties['rocksdb.estimate-pending-compaction-bytes'] ?? 0);
  maxima.blockCacheUsageBytes = Math.max(maxima.blockCacheUsageBytes, properties['rocksdb.block-cache-usage'] ?? 0);

  // RocksDB's own count of what the user wrote; the workload's count when statistics saw none.
  const userBytes = t('rocksdb.bytes.written') > 0 ? t('rocksdb.bytes.written') : ctx.userBytesWritten;
  const flushBytes = t('rocksdb.flush.write.bytes');
  const compactBytes = t('rocksdb.compact.write.bytes');
  const sstBytes = files.reduce((s, f) => s + f.bytes, 0);
  const walBytes = walBytesOnDisk(dir);
  const hits = t('rocksdb.block.cache.hit');
  const misses = t('rocksdb.block.cache.miss');
  const indexFilterMisses = t('rocksdb.block.cache.index.miss') + t('rocksdb.block.cache.filter.miss');
  const statsText = db.property('rocksdb.stats');
  const stalls = stallCounts(statsText);
  const memory = db.memory();

  return {
    writeAmp: ratio(flushBytes + compactBytes, userBytes),
    spaceAmp: ratio(sstBytes + walBytes, ctx.liveLogicalBytes),
    blockCacheHitRatio: ratio(hits, hits + misses),
    stallMicros: t('rocksdb.stall.micros'),
    metrics: {
      userBytesWritten: userBytes,
      flushBytesWritten: flushBytes,
      compactionBytesWritten: compactBytes,
      compactionBytesRead: t('rocksdb.compact.read.bytes'),
      walBytesWritten: t('rocksdb.wal.bytes'),
      sstBytes,
      walBytesOnDisk: walBytes,
      blockCacheDataHitRatio: ratio(t('rocksdb.block.cache.data.hit'), t('rocksdb.block.cache.data.hit') + t('rocksdb.block.cache.data.miss')),
      blockCacheIndexHitRatio: ratio(t('rocksdb.block.cache.index.hit'), t('rocksdb.block.cache.index.hit') + t('rocksdb.block.cache.index.miss')),
      blockCacheFilterHitRatio: ratio(t('rocksdb.block.cache.filter.hit'), t('rocksdb.block.cache.filter.hit') + t('rocksdb.block.cache.filter.miss')),
      // What high-prio-pool-ratio and partitioned index and filters act on (tune, the advice).
      blockCacheIndexFilterMissShare: ratio(indexFilterMisses, misses),
      bloomUseful: t('rocksdb.bloom.filter.useful'),
      bloomFullPositive: t('rocksdb.bloom.filter.full.positive'),
      bloomFullTruePositive: t('rocksdb.bloom.filter.full.true.positive'),
      // No stop duration is read; RocksDB counts stops and delays in rocksdb.stats.
      writeStopCount: stalls.stops,
      writeDelayCount: stalls.delays,
      maxL0Files: maxima.l0Files,
      maxPendingCompactionBytes: maxima.pendingCompactionBytes,
      // Entries a compaction filter removed: Flink's TTL filter on a TTL state's family (every kRemove).
      compactionFilterDrops: t('rocksdb.compaction.key.drop.user'),
      flushCount: stats.histograms['rocksdb.db.flush.micros']?.count ?? null,
      compactionCount: stats.histograms['rocksdb.compaction.times.micros']?.count ?? null,
      estimatedKeys: properties['rocksdb.estimate-num-keys'] ?? null,
      blockCacheCapacityBytes: properties['rocksdb.block-cache-capacity'] ?? null,
      maxBlockCacheUsageBytes: maxima.blockCacheUsageBytes,
      finalMemtableBytes: properties['rocksdb.cur-size-all-mem-tables'] ?? null,
      tableReadersBytes: properties['rocksdb.estimate-table-readers-mem'] ?? null,
      ...memoryMetrics(memory),
    },
    raw: {
      tickers: stats.tickers,
      histograms: stats.histograms,
      levels,
      families: familyFigures(db, files),
      properties,
      stats: statsText,
      memory,
    },
    options: readUsedOptions(dir) ?? {},
  };
}
