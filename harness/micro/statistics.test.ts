import { describe, expect, it } from 'vitest';
import type { MicroTask } from '../../core/result/schema.js';
import { atTimerResolution, flagAgainstBaseline, toMicroTask } from './statistics.js';
import { RESOLUTION_FACTOR } from '../../core/result/micro-tasks.js';

describe('the timer-resolution flag', () => {
  const base = { meanNs: 100, p50Ns: 40 };

  it('flags a mean below 1.5x the baseline mean and not one at or above it', () => {
    expect(RESOLUTION_FACTOR).toBe(1.5);
    expect(atTimerResolution({ meanNs: 149, p50Ns: 1000 }, base)).toBe(true);
    expect(atTimerResolution({ meanNs: 100, p50Ns: 1000 }, base)).toBe(true);
    expect(atTimerResolution({ meanNs: 150, p50Ns: 1000 }, base)).toBe(false);
    expect(atTimerResolution({ meanNs: 4000, p50Ns: 1000 }, base)).toBe(false);
  });

  it('flags a median below 1.5x the baseline median even when outliers lift the mean', () => {
    expect(atTimerResolution({ meanNs: 900, p50Ns: 59 }, base)).toBe(true);
    expect(atTimerResolution({ meanNs: 900, p50Ns: 60 }, base)).toBe(false);
  });

  it('never flags without a usable baseline or figure', () => {
    expect(atTimerResolution({ meanNs: 10, p50Ns: 10 }, null)).toBe(false);
    expect(atTimerResolution({ meanNs: 10, p50Ns: 10 }, { meanNs: 0, p50Ns: null })).toBe(false);
    expect(atTimerResolution({ meanNs: null, p50Ns: null }, base)).toBe(false);
  });

  it('sets every task of a cell against its null task', () => {
    const task = (meanNs: number): MicroTask => ({ meanNs, p50Ns: meanNs, p75Ns: meanNs, p99Ns: meanNs, p999Ns: meanNs, rme: 1, samples: 100, opsPerSec: 1, atTimerResolution: false });
    const tasks = { null: task(40), 'get-hit': task(55), put: task(900) };
    // task() sets p50 = mean: get-hit is within 1.5x on both, put on neither.
    flagAgainstBaseline(tasks, 'null');
    expect(tasks.null.atTimerResolution).toBe(true);
    expect(tasks['get-hit'].atTimerResolution).toBe(true);
    expect(tasks.put.atTimerResolution).toBe(false);
  });
});

describe("tinybench's statistics in the document", () => {
  it('converts milliseconds to nanoseconds and derives calls per second from the mean', () => {
    const t = toMicroTask({ mean: 0.002, p50: 0.0015, p75: 0.0018, p99: 0.01, p999: 0.05, rme: 1.23456, samplesCount: 5000 });
    expect(t).toEqual({ meanNs: 2000, p50Ns: 1500, p75Ns: 1800, p99Ns: 10000, p999Ns: 50000, rme: 1.235, samples: 5000, opsPerSec: 500000, atTimerResolution: false });
  });

  it('stores a non-finite figure as null (no NaN or Infinity in the document)', () => {
    const t = toMicroTask({ mean: 0, p50: 0, p75: 0, p99: 0, p999: 0, rme: Infinity, samplesCount: 64 });
    expect(t.rme).toBeNull();
    expect(t.opsPerSec).toBeNull();
  });
});
