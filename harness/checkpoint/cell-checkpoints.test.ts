// --checkpoint-interval on each real backend: checkpoint records on the run phase's time base,
// the foreground cost, and a restore phase whose check passes.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCell } from '../cell/run-cell.js';
import { CellSchema } from '../../core/result/schema.js';
import { smallCell } from './test-support/small-cell.js';

describe.each(['heap', 'lmdb', 'lsm'])('checkpoints and restore on %s', (backend) => {
  it('records periodic checkpoints and a final one, restores from it and finds the same state', async () => {
    const spec = await smallCell(backend, 'ycsb-a', { checkpointIntervalMs: 200 });
    const cell = await runCell(spec);
    expect(CellSchema.parse(cell).status).toBe('ok');
    if (cell.status !== 'ok') return;
    const run = cell.phases.run!;
    const end = run.timeseries[run.timeseries.length - 1]!.tMs;
    const periodic = cell.checkpoints.slice(0, -1);
    expect(periodic.length).toBeGreaterThanOrEqual(1);
    for (const c of periodic) expect(c.tMs).toBeLessThan(end);
    expect(cell.checkpoints[cell.checkpoints.length - 1]!.tMs).toBeGreaterThanOrEqual(end); // the final one, after the run
    for (const [i, c] of cell.checkpoints.entries()) {
      expect(c.bytes).toBeGreaterThan(0);
      expect(c.files).toBeGreaterThan(0);
      expect(c.incrementalBytes).not.toBeNull();
      expect(c.incrementalBytes!).toBeLessThanOrEqual(c.bytes);
      if (i > 0) expect(c.tMs).toBeGreaterThan(cell.checkpoints[i - 1]!.tMs);
    }
    expect(cell.checkpointCost?.count).toBe(periodic.length);
    expect(cell.checkpointCost?.intervalsDuring).toBeGreaterThanOrEqual(1);
    expect(cell.restore).toMatchObject({ ok: true, namespaces: 1, mismatchedNamespaces: 0, expectedKeys: 2000, restoredKeys: 2000 });
    expect(cell.restore!.checkpointTMs).toBe(cell.checkpoints[cell.checkpoints.length - 1]!.tMs);
    expect(existsSync(`${spec.dataDir}.checkpoints`)).toBe(false);
  });
});

describe.each(['heap', 'lmdb', 'lsm'])("a Flink workload's states in checkpoints on %s", (backend) => {
  it('restores the states and finds them as they were, through their handles', async () => {
    // map-state: 2000 maps of 8 entries, one state in Flink's layout; its maps are the namespaces checked
    const spec = await smallCell(backend, 'map-state', { checkpointIntervalMs: 200, durationMs: 300, workloadParams: { records: 2000 } });
    const cell = await runCell(spec);
    expect(cell.status).toBe('ok');
    if (cell.status !== 'ok') return;
    expect(cell.restore).toMatchObject({ ok: true, mismatchedNamespaces: 0 });
    expect(cell.restore!.namespaces).toBeGreaterThan(100);
    // every map checked holds its 8 entries, in the live state and the restored one
    expect(cell.restore!.expectedKeys).toBe(8 * cell.restore!.namespaces);
    expect(cell.restore!.restoredKeys).toBe(cell.restore!.expectedKeys);
  });
});

describe('cells without --checkpoint-interval', () => {
  it('take no checkpoints and have no restore phase', async () => {
    const cell = await runCell(await smallCell('heap', 'ycsb-a', { durationMs: 200 }));
    expect(cell.status).toBe('ok');
    if (cell.status !== 'ok') return;
    expect(cell.checkpoints).toEqual([]);
    expect(cell.restore).toBeUndefined();
    expect(cell.checkpointCost).toBeUndefined();
  });
});
