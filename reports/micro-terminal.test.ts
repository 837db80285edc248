import { describe, expect, it } from 'vitest';
import { documentOf } from '../core/result/test-support/documents.js';
import type { CellResult, MicroTask } from '../core/result/schema.js';
import { formatNs, renderMicroTable } from './micro-terminal.js';

const task = (meanNs: number, extra: Partial<MicroTask> = {}): MicroTask => ({
  meanNs,
  p50Ns: meanNs,
  p75Ns: meanNs,
  p99Ns: meanNs * 2,
  p999Ns: meanNs * 4,
  rme: 2,
  samples: 1000,
  opsPerSec: Math.round(1e9 / meanNs),
  atTimerResolution: false,
  ...extra,
});

const common = { knobs: {}, workload: { name: 'micro', records: 1000 }, repeat: 0, seed: 42, startedAt: null, warnings: [] };

const cells: CellResult[] = [
  {
    ...common,
    id: 'micro/heap/r0',
    backend: 'heap',
    status: 'ok',
    phases: {},
    micro: { null: task(40, { atTimerResolution: true }), delete: task(50, { atTimerResolution: true }), 'batch-put-100': task(200_000, { opsPerCall: 100 }) },
    engine: null,
    resources: null,
    checkpoints: [],
  },
  { ...common, id: 'micro/lsm/r0', backend: 'lsm', status: 'skipped', reason: 'librocksdb is not installed' },
];

describe('the micro terminal table', () => {
  const text = renderMicroTable(documentOf(cells));

  it('shows a batch per call and per key', () => {
    expect(text).toMatch(/^heap\s+batch-put-100\s+200\.0 µs\s+200\.0 µs\s+400\.0 µs\s+5,000\s/m);
    expect(text).toMatch(/^heap\s+per key \(\/100\)\s+2\.00 µs\s+2\.00 µs\s+4\.00 µs\s+500,000\s*$/m);
  });

  it('flags the baseline and tasks at the timer resolution', () => {
    expect(text).toMatch(/^heap\s+null\s.*baseline$/m);
    expect(text).toMatch(/^heap\s+delete\s.*timer \(<1\.5x null\)$/m);
  });

  it('lists an unavailable backend as skipped, with the reason under the table', () => {
    expect(text).toMatch(/^lsm\s+-\s+skipped$/m);
    expect(text).toMatch(/^micro\/lsm\/r0 skipped: librocksdb is not installed$/m);
  });
});

describe('nanosecond formatting', () => {
  it('picks a unit that keeps about three figures', () => {
    expect([formatNs(null), formatNs(4.25), formatNs(40), formatNs(1500), formatNs(15_000), formatNs(2_500_000), formatNs(25_000_000)]).toEqual([
      '-',
      '4.3 ns',
      '40 ns',
      '1.50 µs',
      '15.0 µs',
      '2.50 ms',
      '25.0 ms',
    ]);
  });
});
