import { describe, expect, it } from 'vitest';
import { parseThresholds, thresholdFor } from './thresholds.js';
import type { MetricDefinition } from './types.js';

const readP99: MetricDefinition = { id: 'read.p99', family: 'p99', operation: 'read', unit: 'us', direction: 'lower-is-better' };
const readP999: MetricDefinition = { id: 'read.p999', family: 'p999', operation: 'read', unit: 'us', direction: 'lower-is-better' };
const tput: MetricDefinition = { id: 'throughput', family: 'throughput', operation: null, unit: 'ops/s', direction: 'higher-is-better' };

describe('--threshold', () => {
  it('defaults to 5 % and takes a new default with or without %', () => {
    expect(parseThresholds([]).defaultPct).toBe(5);
    expect(parseThresholds(['3%']).defaultPct).toBe(3);
    expect(parseThresholds(['2.5']).defaultPct).toBe(2.5);
  });

  it('lets the most specific selector win', () => {
    const t = parseThresholds(['p99=10%', 'read=7%', 'read.p99=12%', 'p99.9=20%']);
    expect(thresholdFor(t, readP99)).toBe(12);
    expect(thresholdFor(t, readP999)).toBe(7);
    expect(thresholdFor(t, tput)).toBe(5);
  });

  it('accepts comma-separated values and p99.9 as p999', () => {
    const t = parseThresholds(['4%,p99.9=25%']);
    expect(t.defaultPct).toBe(4);
    expect(t.bySelector).toEqual({ p999: 25 });
  });

  it('rejects a bad value with one line naming the flag', () => {
    expect(() => parseThresholds(['five'])).toThrow(/^--threshold: 'five' is not valid; expected a percentage/);
    expect(() => parseThresholds(['p99=-3%'])).toThrow(/--threshold: 'p99=-3%'/);
    expect(() => parseThresholds(['=3%'])).toThrow(/names no metric/);
  });
});
