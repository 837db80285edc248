import { describe, expect, it } from 'vitest';
import { resolveKnobs } from '../resolve-knobs.js';
import { lsmBackend } from './backend.js';
import { backgroundWorkOf } from './statistics.js';
import { useLsm } from './test-support/open.js';

const classOf = (knobs: Record<string, string>): string | undefined => lsmBackend.durabilityClass?.(resolveKnobs(lsmBackend.describe(), knobs));

describe('lsm durability class', () => {
  it('is process with its defaults (WAL handed to the OS, not fsynced), machine with syncWrites, none without the WAL', () => {
    expect(classOf({})).toBe('process');
    expect(classOf({ syncWrites: 'true' })).toBe('machine');
    expect(classOf({ walEnabled: 'false' })).toBe('none');
    // Without a WAL there is nothing to sync: the memtable is all there is until a flush.
    expect(classOf({ walEnabled: 'false', syncWrites: 'true' })).toBe('none');
  });

  it('runs as Flink does under --semantics flink: the WAL off, which its class follows', () => {
    expect(lsmBackend.checkpointSemantics?.knobs).toEqual({ walEnabled: 'false' });
    expect(classOf({ ...lsmBackend.checkpointSemantics?.knobs })).toBe('none');
    expect(lsmBackend.checkpointSemantics?.durabilityKnobs).toContain('syncWrites');
  });
});

describe('lsm background work', () => {
  const { open } = useLsm();

  it('counts nothing while the writes fit in the memtable, then the flushes and compactions RocksDB ran', async () => {
    const { db } = await open({ writeBufferSize: '64KiB', level0FileNumCompactionTrigger: '2', walEnabled: 'false' });
    const value = new Uint8Array(1000).fill(7);
    for (let i = 0; i < 20; i++) db.put(i, value);
    expect(db.backgroundWork()).toEqual({ flushes: 0, flushBytes: 0, compactions: 0, compactionBytes: 0, compactionCpuMicros: 0, runningFlushes: 0, runningCompactions: 0, compactionPending: false });
    // The same keys three times, flushed each time: three overlapping L0 files, which a
    // compaction must merge (files that do not overlap would only be moved, and count nothing).
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 100; i++) db.put(i, value);
      db.flush();
    }
    db.compact();
    const work = db.backgroundWork();
    expect(work.flushes).toBeGreaterThanOrEqual(3);
    expect(work.flushBytes).toBeGreaterThan(0);
    expect(work.compactions).toBeGreaterThanOrEqual(1);
    expect(work.compactionBytes).toBeGreaterThan(0);
    expect(work.compactionCpuMicros).toBeGreaterThan(0);
  });

  it('reads the flush and compaction samples and bytes of a statistics dump', () => {
    const work = backgroundWorkOf({
      tickers: { 'rocksdb.flush.write.bytes': 5000, 'rocksdb.compact.write.bytes': 9000 },
      histograms: {
        'rocksdb.db.flush.micros': { p50: 1, p95: 1, p99: 1, p100: 1, count: 3, sum: 3 },
        'rocksdb.compaction.times.micros': { p50: 1, p95: 1, p99: 1, p100: 1, count: 1, sum: 1 },
        'rocksdb.compaction.times.cpu_micros': { p50: 700, p95: 700, p99: 700, p100: 700, count: 1, sum: 700 },
      },
    });
    expect(work).toEqual({ flushes: 3, flushBytes: 5000, compactions: 1, compactionBytes: 9000, compactionCpuMicros: 700 });
  });
});
