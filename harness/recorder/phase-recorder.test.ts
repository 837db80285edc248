import { describe, expect, it } from 'vitest';
import { PhaseRecorder } from './phase-recorder.js';
import { decodeHistogram } from './histogram.js';

describe('PhaseRecorder', () => {
  it('gives the percentiles of known latencies within HDR precision (3 significant digits)', () => {
    const rec = new PhaseRecorder(['read', 'update'], { mode: 'every', sampleEvery: 1 });
    // read: 1..10000 µs, one each; update: always 250 µs.
    for (let us = 1; us <= 10_000; us++) {
      rec.record(0, us * 1000);
      rec.counts[0] = (rec.counts[0] ?? 0) + 1;
    }
    for (let i = 0; i < 100; i++) {
      rec.record(1, 250_000);
      rec.counts[1] = (rec.counts[1] ?? 0) + 1;
    }
    rec.closeInterval(1000, 10_100, {});
    const out = rec.finish(10_100, 1000, null);
    const read = out.operations.read!;
    expect(read.count).toBe(10_000);
    expect(read.timed).toBe(10_000);
    expect(read.latencyUs.min).toBeCloseTo(1, 2);
    expect(read.latencyUs.p50!).toBeGreaterThan(4990);
    expect(read.latencyUs.p50!).toBeLessThan(5010);
    expect(read.latencyUs.p99!).toBeGreaterThan(9890);
    expect(read.latencyUs.p99!).toBeLessThan(9910);
    expect(read.latencyUs.max!).toBeGreaterThan(9990);
    expect(read.latencyUs.mean!).toBeGreaterThan(4995);
    expect(read.latencyUs.mean!).toBeLessThan(5006);
    const update = out.operations.update!;
    expect(update.latencyUs.p50).toBeCloseTo(250, 0);
    expect(update.latencyUs.p999).toBeCloseTo(250, 0);
  });

  it('keeps sub-microsecond latencies (recorded in nanoseconds)', () => {
    const rec = new PhaseRecorder(['get'], { mode: 'sampled', sampleEvery: 64 });
    for (let i = 0; i < 1000; i++) rec.record(0, 40 + (i % 20));
    rec.counts[0] = 64_000;
    rec.closeInterval(10, 64_000, {});
    const get = rec.finish(64_000, 10, null).operations.get!;
    expect(get.latencyUs.p50!).toBeGreaterThan(0.04);
    expect(get.latencyUs.p50!).toBeLessThan(0.06);
    expect(get.count).toBe(64_000);
    expect(get.timed).toBe(1000);
  });

  it('encodes the histogram so it decodes to the same counts', () => {
    const rec = new PhaseRecorder(['get'], { mode: 'every', sampleEvery: 1 });
    for (let i = 1; i <= 500; i++) rec.record(0, i * 100);
    rec.counts[0] = 500;
    rec.closeInterval(5, 500, {});
    const op = rec.finish(500, 5, null).operations.get!;
    const h = decodeHistogram(op.hdr!);
    expect(h.totalCount).toBe(500);
    expect(h.getValueAtPercentile(50)).toBeGreaterThan(24_900);
    expect(h.getValueAtPercentile(50)).toBeLessThan(25_100);
  });

  it('counts errors per kind and keeps the first message', () => {
    const rec = new PhaseRecorder(['put'], { mode: 'every', sampleEvery: 1 });
    rec.recordError(0, new Error('map full'));
    rec.recordError(0, new Error('second'));
    rec.counts[0] = 2;
    const op = rec.finish(2, 1, null).operations.put!;
    expect(op.errors).toBe(2);
    expect(rec.firstError).toBe('map full');
  });

  it('builds an interval series with ops/s over active time and per-interval percentiles', () => {
    const rec = new PhaseRecorder(['get'], { mode: 'every', sampleEvery: 1 });
    rec.startInterval(0, 0);
    for (let i = 0; i < 100; i++) rec.record(0, 1000);
    rec.addPause(500); // half of the first second was the harness's own pause
    rec.closeInterval(1000, 100, { l0Files: 3, bad: Number.NaN });
    for (let i = 0; i < 100; i++) rec.record(0, 9000);
    rec.closeInterval(2000, 300, { l0Files: 4 });
    const series = rec.finish(300, 1500, null).timeseries;
    expect(series).toHaveLength(2);
    expect(series[0]!.opsPerSec).toBe(200);
    expect(series[0]!.p50Us).toBeCloseTo(1, 1);
    expect(series[0]!.engine).toEqual({ l0Files: 3, bad: null });
    expect(series[1]!.opsPerSec).toBe(200);
    expect(series[1]!.p99Us!).toBeGreaterThan(8.9);
  });
});
