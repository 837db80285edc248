import { describe, expect, it } from 'vitest';
import { decideVerdict } from './verdict.js';

const ci = (low: number, high: number) => ({ estimate: (low + high) / 2, low, high });

describe('decideVerdict', () => {
  it('calls a latency rise a regression only when the whole interval is above the threshold', () => {
    expect(decideVerdict(ci(0.06, 0.14), 'lower-is-better', 0.05)).toBe('regressed');
    expect(decideVerdict(ci(0.04, 0.14), 'lower-is-better', 0.05)).toBe('inconclusive');
  });

  it('calls a throughput drop a regression and a throughput rise an improvement', () => {
    expect(decideVerdict(ci(-0.2, -0.08), 'higher-is-better', 0.05)).toBe('regressed');
    expect(decideVerdict(ci(0.08, 0.2), 'higher-is-better', 0.05)).toBe('improved');
  });

  it('calls a latency drop beyond the threshold an improvement', () => {
    expect(decideVerdict(ci(-0.3, -0.1), 'lower-is-better', 0.05)).toBe('improved');
  });

  it('calls an interval within +/- threshold unchanged, and one straddling it inconclusive', () => {
    expect(decideVerdict(ci(-0.03, 0.04), 'lower-is-better', 0.05)).toBe('unchanged');
    expect(decideVerdict(ci(-0.08, 0.02), 'higher-is-better', 0.05)).toBe('inconclusive');
  });

  it('honours a per-metric threshold', () => {
    expect(decideVerdict(ci(0.06, 0.09), 'lower-is-better', 0.1)).toBe('unchanged');
  });
});
