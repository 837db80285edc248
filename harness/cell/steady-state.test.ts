// Tune's steady-state cells on real RocksDB: after a load that leaves L0 files and compaction
// debt, `settle` waits until no flush or compaction is running or pending before the warm-up, and
// the cell says how long that took and how warm its block cache was at the start and end of the
// measured phase.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lsmBackend } from '../../backends/lsm/backend.js';
import { resolveKnobs } from '../../backends/resolve-knobs.js';
import { runCell } from './run-cell.js';
import { settle } from './settle.js';
import { inProcessCellSpec } from './spec.js';
import { tempDir } from '../../core/test-support/temp-dir.js';

const dir = tempDir('statebench-steady-');
// Small memtables and an L0 trigger of 2: the load leaves flushes and compactions behind.
const busy = { writeBufferSize: '256KiB', level0FileNumCompactionTrigger: '2', maxBytesForLevelBase: '1MiB', targetFileSizeBase: '256KiB' };

describe('steady state', () => {
  it('settle: no flush or compaction is running or pending afterwards', async () => {
    const db = await lsmBackend.open(join(dir, 'settle'), resolveKnobs(lsmBackend.describe(), busy), { keySize: 16, seed: 1 });
    const value = new Uint8Array(1000).fill(7);
    for (let i = 0; i < 20_000; i++) db.put(i * 7919, value);
    const before = db.backgroundWork?.();
    const out = await settle(db, 60_000);
    expect(out.timedOut).toBe(false);
    const w = db.backgroundWork?.();
    expect(w).toMatchObject({ runningFlushes: 0, runningCompactions: 0, compactionPending: false });
    // The memtable the load left was written out.
    expect(w?.flushes).toBeGreaterThan(before?.flushes ?? 0);
    await db.close();
  }, 60_000);

  it('settle: a compaction RocksDB keeps pending but never starts (universal, 8 MiB buffers, L0 trigger 2) does not hold it up', async () => {
    const knobs = { writeBufferSize: '8MiB', maxWriteBufferNumber: '4', compactionStyle: 'universal', level0FileNumCompactionTrigger: '2', walEnabled: 'false' };
    const db = await lsmBackend.open(join(dir, 'universal'), resolveKnobs(lsmBackend.describe(), knobs), { keySize: 16, seed: 1 });
    const value = new Uint8Array(1000);
    for (let i = 0; i < value.length; i++) value[i] = (i * 7919) & 255;
    for (let i = 0; i < 60_000; i++) {
      value[0] = i & 255;
      db.put((i * 2654435761) % 60_000, value);
    }
    const out = await settle(db, 30_000);
    expect(out.timedOut).toBe(false);
    expect(out.ms).toBeLessThan(15_000);
    expect(db.backgroundWork?.()).toMatchObject({ runningFlushes: 0, runningCompactions: 0 });
    await db.close();
  }, 60_000);

  it('a settled cell reports settleMs and the block-cache hit ratio at the start and end of its run', async () => {
    const c = await runCell({
      ...inProcessCellSpec({
        id: 'lsm/ycsb-c#0',
        backend: 'lsm',
        knobs: resolveKnobs(lsmBackend.describe(), { ...busy, blockCacheSize: '64MiB' }),
        workload: 'ycsb-c',
        workloadParams: { records: 20_000, valueSize: { kind: 'constant', bytes: 1000 } },
        ops: 40_000,
        seed: 3,
        repeat: 0,
        dataDir: join(dir, 'cell'),
        sampleEvery: null,
      }),
      settle: true,
      intervalMs: 20,
    });
    expect(c.status).toBe('ok');
    if (c.status !== 'ok') return;
    const m = c.engine?.metrics ?? {};
    expect(m.settleMs).toBeGreaterThanOrEqual(0);
    // No warm-up: the cache starts cold and fills over the run (every block fits in 64 MiB).
    expect(m.runStartBlockCacheHitRatio).toBeGreaterThanOrEqual(0);
    expect(m.runEndBlockCacheHitRatio).toBeGreaterThan(m.runStartBlockCacheHitRatio as number);
  }, 60_000);
});
