// RocksDB's own stall counts by cause, from the "Stalls(count):" line of rocksdb.stats
// (RocksDB 7.8 InternalStats::DumpCFStats):
//   Stalls(count): 156 level0_slowdown, 156 level0_slowdown_with_compaction, 0 level0_numfiles,
//   0 level0_numfiles_with_compaction, 0 stop for pending_compaction_bytes, 0 slowdown for
//   pending_compaction_bytes, 30 memtable_compaction, 0 memtable_slowdown, interval 186 total count
// The *_with_compaction counts are subsets of the plain ones and are left out of the sums.

export interface StallCounts {
  /** level0_slowdown + level0_numfiles: L0 file count at the slowdown or stop trigger. */
  readonly l0: number;
  /** memtable_compaction + memtable_slowdown: every write buffer full, waiting for a flush. */
  readonly memtable: number;
  /** Slowdowns and stops for pending_compaction_bytes past the soft or hard limit. */
  readonly pendingCompaction: number;
}

export function parseStallCounts(statsText: unknown): StallCounts | null {
  if (typeof statsText !== 'string') return null;
  const line = statsText.split('\n').find((l) => l.startsWith('Stalls(count):'));
  if (!line) return null;
  const counts = new Map<string, number>();
  for (const m of line.slice('Stalls(count):'.length).matchAll(/(\d+) ([a-z_0-9 ]+?)(?=,|$)/g)) {
    counts.set((m[2] as string).trim(), Number(m[1]));
  }
  const get = (k: string): number => counts.get(k) ?? 0;
  return {
    l0: get('level0_slowdown') + get('level0_numfiles'),
    memtable: get('memtable_compaction') + get('memtable_slowdown'),
    pendingCompaction: get('stop for pending_compaction_bytes') + get('slowdown for pending_compaction_bytes'),
  };
}
