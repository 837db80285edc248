import { describe, expect, it } from 'vitest';
import { ResultDocumentSchema } from '../../core/result/schema.js';
import { makeDocument } from '../test-support/fixtures.js';
import { groupConfigurations } from './configurations.js';
import { createHistogram, decodeHistogram } from '../../harness/recorder/histogram.js';
import { configurationStats, spread } from './stats.js';

describe('configuration statistics', () => {
  it('merges the repeats\u2019 histograms: percentiles equal those of all samples together', () => {
    const doc = makeDocument({ backends: ['lsm'], workloads: ['ycsb-a'], repeats: 3, intervals: 5 });
    const [config] = groupConfigurations(doc);
    const stats = configurationStats(config!);
    expect(stats.latencySource).toBe('hdr');
    const all = createHistogram();
    for (const cell of config!.ok) all.add(decodeHistogram(cell.phases.run!.operations.update!.hdr!));
    expect(stats.operations.get('update')!.p99).toBeCloseTo(all.getValueAtPercentile(99) / 1000, 3);
    expect(stats.throughput!.values).toHaveLength(3);
    expect(stats.throughput!.min).toBeLessThanOrEqual(stats.throughput!.median);
    expect(stats.throughput!.max).toBeGreaterThanOrEqual(stats.throughput!.median);
  });

  it('falls back to the median of the repeats\u2019 percentiles when there are no histograms', () => {
    const doc = makeDocument({ backends: ['lsm'], workloads: ['ycsb-a'], repeats: 3, intervals: 5, withHdr: false });
    const [config] = groupConfigurations(doc);
    const stats = configurationStats(config!);
    expect(stats.latencySource).toBe('percentiles');
    const p99s = config!.ok.map((c) => c.phases.run!.operations.read!.latencyUs.p99!).sort((a, b) => a - b);
    expect(stats.operations.get('read')!.p99).toBe(p99s[1]);
    // All operations together: the worst kind at each percentile.
    const update = stats.operations.get('update')!.p99!;
    expect(stats.allOps!.p99).toBe(Math.max(update, p99s[1]!));
  });

  it('computes the median of an even count as the mean of the middle two', () => {
    expect(spread([4, 1, 3, 2])).toEqual({ median: 2.5, min: 1, max: 4, values: [4, 1, 3, 2] });
    expect(spread([])).toBeNull();
  });

  it('treats an unreadable histogram as missing rather than failing', () => {
    const doc = makeDocument({ backends: ['lsm'], workloads: ['ycsb-a'], repeats: 1, intervals: 5 });
    const cell = doc.cells[0]!;
    if (cell.status !== 'ok') throw new Error('fixture');
    const damaged = ResultDocumentSchema.parse({
      ...doc,
      cells: [{ ...cell, phases: { run: { ...cell.phases.run!, operations: { read: { ...cell.phases.run!.operations.read!, hdr: 'not-a-histogram' } } } } }],
    });
    const stats = configurationStats(groupConfigurations(damaged)[0]!);
    expect(stats.latencySource).toBe('percentiles');
    expect(stats.operations.get('read')!.p50).toBe(cell.phases.run!.operations.read!.latencyUs.p50);
  });
});

describe('configurations', () => {
  it('groups repeats and labels configurations by the knobs that vary', () => {
    const doc = makeDocument({ backends: ['lsm'], workloads: ['ycsb-a'], repeats: 2, intervals: 3, sweep: { lsm: { writeBufferSize: [8 * 1024 * 1024, 64 * 1024 * 1024] } } });
    const configs = groupConfigurations(doc);
    expect(configs.map((c) => c.label)).toEqual(['lsm writeBufferSize=8MiB', 'lsm writeBufferSize=64MiB']);
    expect(configs.every((c) => c.cells.length === 2)).toBe(true);
  });
});
