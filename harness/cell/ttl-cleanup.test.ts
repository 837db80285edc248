// ttl-dedupe over an unbounded id stream on real RocksDB: with Flink's default cleanup (the TTL
// compaction filter on the state's column family, fed the workload's clock between batches) the
// filter drops expired entries during the run and the state stays near (new ids per tick) x TTL;
// without cleanup the expired entries pile up.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lsmBackend } from '../../backends/lsm/backend.js';
import { resolveKnobs } from '../../backends/resolve-knobs.js';
import type { CellResult } from '../../core/result/schema.js';
import { ttlSampleKey } from '../../core/result/ttl-series.js';
import { runCell } from './run-cell.js';
import { inProcessCellSpec } from './spec.js';
import { tempDir } from '../../core/test-support/temp-dir.js';

const dir = tempDir('statebench-ttl-');
// Small memtables and files: flushes and compactions happen within a short run.
const busy = { writeBufferSize: '256KiB', level0FileNumCompactionTrigger: '2', maxBytesForLevelBase: '1MiB', targetFileSizeBase: '256KiB', walEnabled: 'false' };

function cell(ttlCleanup: string): Promise<CellResult> {
  return runCell({
    ...inProcessCellSpec({
      id: `lsm/ttl-dedupe#${ttlCleanup}`,
      backend: 'lsm',
      knobs: resolveKnobs(lsmBackend.describe(), busy),
      workload: 'ttl-dedupe',
      workloadParams: { records: 5000, valueSize: { kind: 'constant', bytes: 100 }, extra: { newKeyShare: 0.5, expiredShare: 0.5, ttlCleanup } },
      ops: 120_000,
      seed: 3,
      repeat: 0,
      dataDir: join(dir, ttlCleanup),
      sampleEvery: null,
    }),
    intervalMs: 50,
  });
}

const series = (c: CellResult, figure: 'stored' | 'expired' | 'sstBytes' | 'filterDrops'): number[] =>
  c.status === 'ok' ? (c.phases.run?.timeseries ?? []).map((p) => p.engine[ttlSampleKey('seen', figure)]).filter((v): v is number => typeof v === 'number') : [];

describe('ttl-dedupe on lsm', () => {
  it('the compaction filter drops expired entries during the run; without cleanup they stay', async () => {
    const filtered = await cell('background');
    const kept = await cell('none');
    expect(filtered.status).toBe('ok');
    expect(kept.status).toBe('ok');
    const drops = series(filtered, 'filterDrops');
    expect(drops.length).toBeGreaterThan(3);
    // Drops rise over the run, and the SST bytes are sampled throughout.
    expect(drops.at(-1)).toBeGreaterThan(drops[0] as number);
    expect(series(filtered, 'sstBytes').every((b) => b >= 0)).toBe(true);
    // The expired-but-stored count falls at least once (a compaction took entries away).
    const expired = series(filtered, 'expired');
    expect(expired.some((e, i) => i > 0 && e < (expired[i - 1] as number))).toBe(true);
    // Without cleanup the family has no filter (no drops figure) and expired entries pile up beyond the filtered state's.
    expect(series(kept, 'filterDrops')).toEqual([]);
    const keptExpired = series(kept, 'expired');
    expect(keptExpired.at(-1)).toBeGreaterThan(2 * (expired.at(-1) as number));
    expect(series(kept, 'stored').at(-1)).toBeGreaterThan(series(filtered, 'stored').at(-1) as number);
  }, 120_000);
});
