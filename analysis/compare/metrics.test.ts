import { describe, expect, it } from 'vitest';
import { cellMetrics, metricLabel } from './metrics.js';
import { cell } from '../../core/result/test-support/documents.js';

describe('cellMetrics', () => {
  it('reads throughput, p50/p99/p99.9 per operation kind, and amplification when reported', () => {
    const c = cell({ throughput: 500, ops: { read: { p50: 1, p99: 2, p999: 3 }, update: { p50: 4, p99: 5, p999: 6 } }, writeAmp: 7, spaceAmp: null });
    const ids = cellMetrics(c).map((m) => `${m.def.id}=${m.value}`);
    expect(ids).toEqual(['throughput=500', 'read.p50=1', 'read.p99=2', 'read.p999=3', 'update.p50=4', 'update.p99=5', 'update.p999=6', 'writeAmp=7']);
  });

  it('gives throughput as higher-is-better and latencies as lower-is-better', () => {
    const [tput, p50] = cellMetrics(cell({ throughput: 1 }));
    expect(tput?.def.direction).toBe('higher-is-better');
    expect(p50?.def.direction).toBe('lower-is-better');
  });

  it('reads nothing from a skipped cell', () => {
    expect(cellMetrics(cell({ throughput: 1, status: 'skipped' }))).toEqual([]);
  });

  it('labels metrics for people', () => {
    expect(metricLabel({ id: 'read.p999', family: 'p999', operation: 'read', unit: 'us', direction: 'lower-is-better' })).toBe('read p99.9');
    expect(metricLabel({ id: 'throughput', family: 'throughput', operation: null, unit: 'ops/s', direction: 'higher-is-better' })).toBe('throughput');
  });
});
