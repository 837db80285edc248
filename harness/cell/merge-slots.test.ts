// The arithmetic of a threaded cell's merged phase: rates read off each slot's trace within the
// common window and summed; histograms merged without losing a value.
import { describe, expect, it } from 'vitest';
import type { PhaseResult } from '../../core/result/schema.js';
import { createHistogram, encodeHistogram, recordNs } from '../recorder/histogram.js';
import { mergeSlotPhases, mergeWarnings, traceAt, type TracePoint } from './merge-slots.js';

function phase(ops: number, durationMs: number, latenciesNs: readonly number[]): PhaseResult {
  const h = createHistogram();
  for (const ns of latenciesNs) recordNs(h, ns);
  return {
    ops,
    durationMs,
    throughputOpsPerSec: (ops * 1000) / durationMs,
    timing: { mode: 'every', sampleEvery: 1 },
    targetRateOpsPerSec: null,
    operations: { read: { count: latenciesNs.length, errors: 0, timed: latenciesNs.length, latencyUs: { min: null, mean: null, p50: null, p90: null, p99: null, p999: null, p9999: null, max: null }, hdr: encodeHistogram(h) } },
    timeseries: [{ tMs: durationMs, opsPerSec: (ops * 1000) / durationMs, p50Us: 1, p99Us: 2, p999Us: 3, engine: {} }],
  };
}

/** A slot that ran at `perMs` ops per ms from `start` to `end` (wall ms), with boundaries every second. */
function linear(start: number, end: number, perMs: number): TracePoint[] {
  const out: TracePoint[] = [];
  for (let t = start; t < end; t += 1000) out.push({ atMs: t, ops: (t - start) * perMs, activeMs: t - start });
  out.push({ atMs: end, ops: (end - start) * perMs, activeMs: end - start });
  return out;
}

describe('merging the slots of a threaded cell', () => {
  it('interpolates a trace between its boundaries and clamps outside it', () => {
    const trace = linear(1000, 3000, 10);
    expect(traceAt(trace, 1500)).toEqual({ ops: 5000, activeMs: 500 });
    expect(traceAt(trace, 0)).toEqual({ ops: 0, activeMs: 0 });
    expect(traceAt(trace, 9000)).toEqual({ ops: 20_000, activeMs: 2000 });
  });

  it('sums the slots rates within the common window, not over their own phases', () => {
    // Slot 0 runs 10 ops/ms from 1.0 s to 3.0 s; slot 1 2 ops/ms from 1.5 s to 4.0 s. Both ran from 1.5 s to 3.0 s.
    const a = { result: phase(20_000, 2000, [1000, 2000]), trace: linear(1000, 3000, 10) };
    const b = { result: phase(5000, 2500, [3000]), trace: linear(1500, 4000, 2) };
    const { result, disjoint } = mergeSlotPhases([a, b]);
    expect(disjoint).toBe(false);
    expect(result.durationMs).toBe(1500);
    expect(result.perThread?.map((t) => t.windowOpsPerSec)).toEqual([10_000, 2000]);
    expect(result.throughputOpsPerSec).toBe(12_000);
    expect(result.ops).toBe(25_000);
    expect(result.perThread?.map((t) => t.throughputOpsPerSec)).toEqual([10_000, 2000]);
  });

  it('merges histograms losslessly: every latency of every slot is in the cell', () => {
    const a = { result: phase(2, 1000, [1000, 2000]), trace: linear(0, 1000, 0.002) };
    const b = { result: phase(1, 1000, [3_000_000]), trace: linear(0, 1000, 0.001) };
    const { result } = mergeSlotPhases([a, b]);
    const read = result.operations.read!;
    expect(read.count).toBe(3);
    expect(read.timed).toBe(3);
    expect(read.latencyUs.min).toBeCloseTo(1, 2);
    expect(read.latencyUs.max).toBeGreaterThanOrEqual(2999);
    // Each slot's own p99 stays visible.
    expect(result.perThread?.[1]?.p99Us).toBeGreaterThanOrEqual(2999);
    expect(result.perThread?.[0]?.p99Us).toBeLessThan(3);
  });

  it('phases that never overlapped sum each slot own rate and say so', () => {
    const a = { result: phase(1000, 1000, [1000]), trace: linear(0, 1000, 1) };
    const b = { result: phase(3000, 1000, [1000]), trace: linear(2000, 3000, 3) };
    const { result, disjoint } = mergeSlotPhases([a, b]);
    expect(disjoint).toBe(true);
    expect(result.throughputOpsPerSec).toBe(4000);
  });
});

describe("the slots' notes", () => {
  it('keeps a note all slots gave once, and names the thread of a note that differs', () => {
    const merged = mergeWarnings([
      ['shared cache', 'no compaction during the run phase (4 flushes)'],
      ['shared cache', 'no compaction during the run phase (3 flushes)'],
    ]);
    expect(merged).toEqual(['shared cache', 'thread 0: no compaction during the run phase (4 flushes)', 'thread 1: no compaction during the run phase (3 flushes)']);
  });
});
