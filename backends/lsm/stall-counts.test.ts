import { describe, expect, it } from 'vitest';
import { stallCounts } from './engine-report.js';
import { useNativeDb } from './test-support/native-db.js';

const LINE_7 =
  'Stalls(count): 1 level0_slowdown, 1 level0_slowdown_with_compaction, 164 level0_numfiles, 78 level0_numfiles_with_compaction, 2 stop for pending_compaction_bytes, 3 slowdown for pending_compaction_bytes, 257 memtable_compaction, 4 memtable_slowdown, interval 431 total count';

describe('stallCounts', () => {
  it("reads RocksDB 7's per-family lines, leaving the with-compaction subsets out, summed over families", () => {
    expect(stallCounts(`** Compaction Stats [default] **\n${LINE_7}\n** Compaction Stats [seen] **\n${LINE_7}\n`)).toEqual({ stops: 2 * (164 + 2 + 257), delays: 2 * (1 + 3 + 4) });
  });

  it("reads RocksDB 8's totals", () => {
    expect(stallCounts('Write Stall (count): ... total-delays: 7, total-stops: 3')).toEqual({ stops: 3, delays: 7 });
  });

  it('gives null without a stall line', () => {
    expect(stallCounts('Uptime(secs): 1.0 total')).toEqual({ stops: null, delays: null });
    expect(stallCounts(null)).toEqual({ stops: null, delays: null });
  });

  const { open } = useNativeDb();
  it("finds the counts in the text of the RocksDB statebench is built with", () => {
    const db = open(undefined, 'write_buffer_size=65536');
    const v = new Uint8Array(1000).fill(1);
    for (let i = 0; i < 300; i++) db.put(new TextEncoder().encode(`k${i}`), v);
    const counts = stallCounts(db.property('rocksdb.stats'));
    expect(counts.stops).toBeGreaterThanOrEqual(0);
    expect(counts.delays).toBeGreaterThanOrEqual(0);
  });
});
