// RocksDB statistics from their text dump (Statistics::ToString, every ticker and histogram at once):
//   "rocksdb.block.cache.miss COUNT : 12"
//   "rocksdb.db.get.micros P50 : 1.5 P95 : 3.0 P99 : 4.1 P100 : 52.0 COUNT : 9 SUM : 40"
// Reset does not reset RocksDB's statistics: it keeps a baseline that later reads subtract
// (tickers, and histogram counts and sums; percentiles stay since-open).

import type { BackgroundWork } from '../types.js';

export interface HistogramValue {
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly p100: number;
  readonly count: number;
  readonly sum: number;
}

export interface StatisticsSnapshot {
  readonly tickers: Record<string, number>;
  readonly histograms: Record<string, HistogramValue>;
}

export function parseStatistics(text: string): StatisticsSnapshot {
  const tickers: Record<string, number> = {};
  const histograms: Record<string, HistogramValue> = {};
  for (const line of text.split('\n')) {
    const ticker = /^(\S+) COUNT : (\d+)\s*$/.exec(line);
    if (ticker) {
      tickers[ticker[1] as string] = Number(ticker[2]);
      continue;
    }
    const name = /^(\S+) P50 : /.exec(line)?.[1];
    if (name === undefined) continue;
    const field = (label: string): number => Number(new RegExp(`${label} : ([0-9.eE+-]+)`).exec(line)?.[1] ?? NaN);
    histograms[name] = { p50: field('P50'), p95: field('P95'), p99: field('P99'), p100: field('P100'), count: field('COUNT'), sum: field('SUM') };
  }
  return { tickers, histograms };
}

/**
 * The block cache's cumulative hits and misses, read from the dump without parsing the rest
 * (the interval sampler calls this once per interval).
 */
export function blockCacheCounters(text: string): { hits: number; misses: number } | null {
  const hits = /^rocksdb\.block\.cache\.hit COUNT : (\d+)/m.exec(text)?.[1];
  const misses = /^rocksdb\.block\.cache\.miss COUNT : (\d+)/m.exec(text)?.[1];
  return hits === undefined || misses === undefined ? null : { hits: Number(hits), misses: Number(misses) };
}

export function subtractBaseline(now: StatisticsSnapshot, base: StatisticsSnapshot | null): StatisticsSnapshot {
  if (base === null) return now;
  const tickers: Record<string, number> = {};
  for (const [k, v] of Object.entries(now.tickers)) tickers[k] = v - (base.tickers[k] ?? 0);
  const histograms: Record<string, HistogramValue> = {};
  for (const [k, h] of Object.entries(now.histograms)) {
    const b = base.histograms[k];
    histograms[k] = b ? { ...h, count: h.count - b.count, sum: h.sum - b.sum } : h;
  }
  return { tickers, histograms };
}

/**
 * Flushes and compactions RocksDB finished, and the bytes they wrote: one db.flush.micros sample
 * per flush job, one compaction.times.micros sample per compaction job (a trivial move, which
 * rewrites nothing, records none).
 */
export function backgroundWorkOf(s: StatisticsSnapshot): Omit<BackgroundWork, 'runningFlushes' | 'runningCompactions' | 'compactionPending'> {
  return {
    flushes: s.histograms['rocksdb.db.flush.micros']?.count ?? 0,
    flushBytes: s.tickers['rocksdb.flush.write.bytes'] ?? 0,
    compactions: s.histograms['rocksdb.compaction.times.micros']?.count ?? 0,
    compactionBytes: s.tickers['rocksdb.compact.write.bytes'] ?? 0,
    compactionCpuMicros: s.histograms['rocksdb.compaction.times.cpu_micros']?.sum ?? 0,
  };
}
