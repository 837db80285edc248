// Intervals that overlap a checkpoint are compared with the others.
import { describe, expect, it } from 'vitest';
import type { PhaseResult } from '../../core/result/schema.js';
import { checkpointCost } from './foreground.js';

function run(points: [number, number, number][]): PhaseResult {
  return {
    ops: 4000,
    durationMs: 4000,
    throughputOpsPerSec: 1000,
    timing: { mode: 'every', sampleEvery: 1 },
    targetRateOpsPerSec: null,
    operations: {},
    timeseries: points.map(([tMs, opsPerSec, p99Us]) => ({ tMs, opsPerSec, p50Us: 1, p99Us, p999Us: p99Us, engine: {} })),
  };
}

describe('checkpoint foreground cost', () => {
  it('splits intervals into those overlapping a checkpoint and the rest', () => {
    const r = run([
      [1000, 1000, 10],
      [2000, 900, 50],
      [3000, 1000, 12],
      [4000, 1000, 14],
    ]);
    const cost = checkpointCost(r, [{ tMs: 1001, durationMs: 100, bytes: 1, files: 1, incrementalBytes: 1 }]);
    expect(cost).toMatchObject({ count: 1, totalMs: 100, maxMs: 100, intervalsDuring: 1, intervalsOutside: 3, p99DuringUs: 50, p99OutsideUs: 12, opsPerSecDuring: 900 });
    // 4000 ops over 4000 active ms plus 100 ms of checkpoint.
    expect(cost.throughputWithCheckpointsOpsPerSec).toBeCloseTo(4000 / 4.1, 3);
  });

  it('counts a long checkpoint against every interval it spans', () => {
    const cost = checkpointCost(run([[1000, 1, 1], [2000, 1, 1], [3000, 1, 1]]), [{ tMs: 500, durationMs: 1600, bytes: 1, files: 1, incrementalBytes: 1 }]);
    expect(cost.intervalsDuring).toBe(3);
    expect(cost.p99OutsideUs).toBeNull();
  });
});
