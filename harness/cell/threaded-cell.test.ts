// --threads: a cell run by worker threads, each slot its own instance and share of the work.
// The merged run phase's counts and histograms are the slots' added up (nothing lost or counted
// twice), its throughput the sum of the slots' window rates, and each slot ran its own share.
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBackend } from '../../backends/registry.js';
import { resolveKnobs } from '../../backends/resolve-knobs.js';
import { decodeHistogram } from '../recorder/histogram.js';
import { parseValueSize } from '../../workloads/values.js';
import { runThreadedCell } from './threaded-cell.js';
import { inProcessCellSpec, type CellSpec } from './spec.js';
import { tempDir } from '../../core/test-support/temp-dir.js';

const root = tempDir('statebench-threads-');

async function spec(backend: string, threads: number, over: Partial<CellSpec> = {}): Promise<CellSpec> {
  const b = await loadBackend(backend);
  const dataDir = mkdtempSync(join(root, `${backend}-`));
  return {
    ...inProcessCellSpec({
      id: `${backend}/ycsb-a/threads=${threads}#0`,
      backend,
      knobs: resolveKnobs(b!.describe(), {}),
      workload: 'ycsb-a',
      workloadParams: { records: 4_001, valueSize: parseValueSize('100') },
      ops: 30_001,
      seed: 7,
      repeat: 0,
      dataDir,
      sampleEvery: 1,
    }),
    threads,
    ...over,
  };
}

describe('a cell run by worker threads', () => {
  for (const backend of ['heap', 'lmdb', 'lsm']) {
    it(`${backend}: slots split the records and ops, the run phase merges them`, async () => {
      const s = await spec(backend, 2);
      const cell = await runThreadedCell(s);
      expect(cell.status, cell.status === 'errored' ? cell.error : '').toBe('ok');
      if (cell.status !== 'ok') return;
      expect(cell.threads).toBe(2);
      expect(cell.workload.records).toBe(4_001);
      const run = cell.phases.run!;
      const load = cell.phases.load!;
      // 30,001 ops and 4,001 records split 15,001 + 15,000 and 2,001 + 2,000.
      expect(run.perThread?.map((t) => t.ops)).toEqual([15_001, 15_000]);
      expect(load.perThread?.map((t) => t.ops)).toEqual([2_001, 2_000]);
      expect(run.ops).toBe(30_001);
      // Every op timed (sampleEvery 1): the merged histograms hold each op exactly once.
      let timed = 0;
      for (const op of Object.values(run.operations)) {
        expect(op.timed).toBe(op.count);
        expect(decodeHistogram(op.hdr!).totalCount).toBe(op.count);
        timed += op.timed;
      }
      expect(timed).toBe(30_001);
      const windowSum = run.perThread!.reduce((sum, t) => sum + (t.windowOpsPerSec ?? 0), 0);
      expect(run.throughputOpsPerSec).toBeCloseTo(windowSum, 0);
      expect(run.throughputOpsPerSec).toBeGreaterThan(0);
      // Each slot on its own directory under the cell's.
      expect(readdirSync(s.dataDir).filter((d) => d.startsWith('slot-')).sort()).toEqual(['slot-0', 'slot-1']);
      if (backend === 'lmdb') {
        // One environment for both slots, in the cell's directory, and the report says so.
        expect(existsSync(join(s.dataDir, 'data.mdb'))).toBe(true);
        expect(existsSync(join(s.dataDir, 'slot-0', 'data.mdb'))).toBe(false);
        expect(cell.warnings.some((w) => /2 threads share one LMDB environment/.test(w))).toBe(true);
      }
    }, 60_000);
  }

  for (const backend of ['heap', 'lmdb', 'lsm']) {
    it(`${backend}: --checkpoint-interval: each slot checkpoints and restores its own instance, the cell adds them up`, async () => {
      const s = await spec(backend, 2, { ops: null, durationMs: 1200, intervalMs: 200, checkpointIntervalMs: 400 });
      const cell = await runThreadedCell(s);
      expect(cell.status, cell.status === 'errored' ? cell.error : '').toBe('ok');
      if (cell.status !== 'ok') return;
      // Each slot's checkpoints, listed with their slot (the last of each is the final one, after the run).
      expect(new Set(cell.checkpoints.map((c) => c.thread))).toEqual(new Set([0, 1]));
      expect(cell.checkpoints.filter((c) => c.thread === 0).length).toBeGreaterThanOrEqual(2);
      // Both slots restored from their final checkpoint and found their own state.
      expect(cell.restore).toMatchObject({ ok: true, mismatchedNamespaces: 0 });
      expect(cell.restore?.restoredKeys).toBe(cell.restore?.expectedKeys);
      expect(cell.restore?.expectedKeys).toBeGreaterThanOrEqual(4_001);
      expect(cell.checkpointCost?.count).toBeGreaterThanOrEqual(2);
    }, 60_000);
  }

  it('--verify: each slot checks its own values; the cell sums the counts', async () => {
    const s = await spec('lmdb', 2, { verify: true });
    const cell = await runThreadedCell(s);
    expect(cell.status).toBe('ok');
    if (cell.status !== 'ok') return;
    expect(cell.verify?.checked).toBeGreaterThan(10_000);
    expect(cell.verify).toMatchObject({ mismatches: 0, lost: 0, firstProblem: null });
  }, 60_000);

  it('lsm with sharedBlockCache: the cell says what its slots share', async () => {
    const lsm = await loadBackend('lsm');
    const s = await spec('lsm', 2, { knobs: resolveKnobs(lsm!.describe(), { sharedBlockCache: 'true', blockCacheSize: '4MiB' }) });
    const cell = await runThreadedCell(s);
    expect(cell.status).toBe('ok');
    expect(cell.warnings.some((w) => w.startsWith('lsm: one LRU block cache of 4194304 bytes for the 2 slots'))).toBe(true);
    // Slot 0's report stands for the engine, every slot's metrics beside it.
    if (cell.status === 'ok') expect((cell.engine?.raw.threads as unknown[]).length).toBe(2);
  }, 60_000);

  it('a slot that fails stops the others and the cell reports which thread failed', async () => {
    // An options string RocksDB refuses at open: the slots fail before the start line, none waits there forever.
    const lsm = await loadBackend('lsm');
    const s = await spec('lsm', 3, { knobs: resolveKnobs(lsm!.describe(), { options: 'no_such_option=1' }) });
    const cell = await runThreadedCell(s);
    expect(cell.status).toBe('errored');
    if (cell.status === 'errored') expect(cell.error).toMatch(/thread 0: /);
  }, 60_000);
});
