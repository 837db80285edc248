import { describe, expect, it } from 'vitest';
import { parseStallCounts } from './stalls.js';

describe('parseStallCounts', () => {
  it('sums RocksDB 7.8 stall counts by cause, leaving out the *_with_compaction subsets', () => {
    const text =
      'x\nStalls(count): 156 level0_slowdown, 156 level0_slowdown_with_compaction, 3 level0_numfiles, 3 level0_numfiles_with_compaction, 2 stop for pending_compaction_bytes, 5 slowdown for pending_compaction_bytes, 30 memtable_compaction, 4 memtable_slowdown, interval 186 total count\n';
    expect(parseStallCounts(text)).toEqual({ l0: 159, memtable: 34, pendingCompaction: 7 });
  });
  it('is null without a stats text or a Stalls line', () => {
    expect(parseStallCounts(null)).toBeNull();
    expect(parseStallCounts('** DB Stats **\nUptime(secs): 1.0 total')).toBeNull();
  });
});
