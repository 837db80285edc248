// Issue 29's acceptance test on real cells: a 40-document series of delay-backend documents
// (runCell, ycsb-a, 3 repeats each) with get slowed by 10 % from document 20 on, and an A/A
// series of 40: history finds the step within one position and calls it a regression, and finds
// nothing in the A/A series. As in gate-self-test.test.ts, other test files share the two cores,
// so the calls last 50 us and the A/A assertion is on the median latencies: a preemption of a
// few ms takes a share of a 20 ms cell's throughput, and a machine whose load changes for a
// while changes throughput for real (the full benchmark, bench/history-detector.ts, counts those).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { historyOf } from './history-detector.js';
import { delaySeries } from './history-series.js';

const dataDir = mkdtempSync(join(tmpdir(), 'statebench-history-test-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
const spec = { length: 40, repeats: 3, factor: 1.1, latencyUs: 50, jitter: 0.1, ops: 400, records: 100, dataDir };

describe('history on series of real delay cells', () => {
  it('finds a planted 10 % step in 40 documents within one position, a regression that fails the gate', async () => {
    const s = await delaySeries({ ...spec, stepAt: 20, seed: 11 });
    expect(s.cellsNotOk).toEqual([]);
    const h = historyOf(s);
    const read = h.series.find((x) => x.id === 'read.p50');
    const why = JSON.stringify(read?.changePoints.map((c) => [c.position, c.changePct, c.verdict]));
    expect(read?.status).toBe('judged');
    const found = read?.changePoints.filter((c) => Math.abs(c.position - 20) <= 1) ?? [];
    expect(found, why).toHaveLength(1);
    expect(found[0]?.verdict, why).toBe('regressed');
    expect(found[0]?.changePct, why).toBeGreaterThan(7);
    expect(found[0]?.changePct, why).toBeLessThan(13);
    expect(h.exitCode).toBe(1);
  }, 120_000);

  it('finds no change point in the medians of an A/A series of 40 documents', async () => {
    const s = await delaySeries({ ...spec, stepAt: null, seed: 12 });
    expect(s.cellsNotOk).toEqual([]);
    const h = historyOf(s);
    const medians = h.series.filter((x) => x.family === 'p50');
    expect(medians.map((x) => [x.id, x.status])).toEqual([
      ['read.p50', 'judged'],
      ['update.p50', 'judged'],
    ]);
    for (const x of medians) expect(x.changePoints.map((c) => [c.position, c.changePct, c.verdict]), x.id).toEqual([]);
  }, 120_000);
});
