import { describe, expect, it } from 'vitest';
import { estimateNoise, repeatsNeeded, smallestDetectable, standardError } from './noise.js';
import { t975 } from './student-t.js';
import { repeatsDocument } from '../../core/result/test-support/documents.js';

const o = { repeat: 5, thresholdPct: 5, detectPct: 10, method: 'mann-whitney' as const };

describe('noise arithmetic', () => {
  it('has the standard error of a difference of two means of n', () => {
    expect(standardError(4, 0.1, 0)).toBeCloseTo(Math.sqrt(2 * 0.01 / 4), 12);
    expect(standardError(1000, 0.1, 0.02)).toBeCloseTo(Math.sqrt(2 * (0.00001 + 0.0004)), 12);
  });

  it('puts the smallest detectable change above the threshold by (t + z0.8) standard errors', () => {
    expect(smallestDetectable(5, 0.05, 0, 0)).toBe(0.05);
    expect(smallestDetectable(5, 0.05, 0.02, 0)).toBeCloseTo(0.05 + (t975(8) + 0.841621) * Math.sqrt((2 * 0.0004) / 5), 5);
  });

  it('needs more repeats for noisier metrics, and none help when runs differ more than the budget', () => {
    const quiet = repeatsNeeded(0.05, 0.1, 0.01, 0, 4);
    const noisy = repeatsNeeded(0.05, 0.1, 0.05, 0, 4);
    expect(quiet).toBe(4);
    expect(noisy).toBeGreaterThan(quiet ?? 0);
    expect(repeatsNeeded(0.05, 0.1, 0.01, 0.05, 4)).toBeNull();
  });
});

describe('estimateNoise on A/A runs', () => {
  it('finds no noise in identical runs, no false alarms, and the method minimum of repeats', () => {
    const run = repeatsDocument([1000, 1000, 1000, 1000, 1000]);
    const r = estimateNoise([run, run, run], o);
    const tput = r.rows.find((x) => x.id === 'throughput');
    expect(tput).toMatchObject({ cvWithinPct: 0, cvBetweenPct: 0, halfWidthPct: 0, smallestDetectablePct: 5, repeatsNeeded: 4, runs: 3, values: 15 });
    expect(r.aaComparisons).toBe(2);
    expect(r.aaFalseAlarms).toBe(0);
    expect(tput?.aa.unchanged).toBe(2);
  });

  it('measures the within-run spread as a coefficient of variation', () => {
    const a = repeatsDocument([900, 1100, 900, 1100]);
    const r = estimateNoise([a, a], o);
    const tput = r.rows.find((x) => x.id === 'throughput');
    // sd of [900, 1100, 900, 1100] = 115.47, mean 1000
    expect(tput?.cvWithinPct).toBeCloseTo(11.55, 1);
    expect(tput?.cvBetweenPct).toBe(0);
  });

  it('attributes a shift between runs to between-run noise', () => {
    const r = estimateNoise([repeatsDocument([1000, 1001, 999, 1000]), repeatsDocument([1100, 1101, 1099, 1100])], o);
    const tput = r.rows.find((x) => x.id === 'throughput');
    expect(tput?.cvBetweenPct).toBeGreaterThan(6);
    expect(tput?.repeatsNeeded).toBeNull();
  });
});
