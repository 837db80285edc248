// The scaling-with-threads chart: threads on x, one line per configuration (its label without the
// thread count) in each panel (the sum, per thread, p99), each thread's rate as its own point,
// and no chart for a document of one thread count.
import { describe, expect, it } from 'vitest';
import { cell, documentOf } from '../../core/result/test-support/documents.js';
import { buildReportModel } from '../model/report-model.js';
import { compileChart, dataRows } from '../test-support/compile.js';
import { makeDocument } from '../test-support/fixtures.js';
import { scalingDocument } from '../test-support/scaling-document.js';
import { THROUGHPUT, threadsDocument } from '../test-support/threads-document.js';
import { buildCharts } from './index.js';
import { threadScalingChart } from './threads.js';

const SUM = 'throughput, sum over threads (ops/s)';
const PER_THREAD = 'per thread (ops/s in the common window)';
const P99 = 'p99 latency, all operations (µs)';

describe('scaling-with-threads chart', () => {
  const chart = threadScalingChart(buildReportModel(threadsDocument()));
  const rows = chart === null ? [] : dataRows(chart);
  const line = (config: string, panel: string) => rows.filter((r) => r.kind === 'line' && r.config === config && r.panel === panel).map((r) => [r.threads, r.value]);

  it('compiles without warnings, threads on x', () => {
    expect(chart?.id).toBe('thread-scaling');
    expect(compileChart(chart!).warnings).toEqual([]);
    const spec = JSON.stringify(chart!.spec);
    expect(spec).toContain('"field":"threads"');
    expect(spec).toContain('"values":[1,2,4]');
  });

  it('has one line per configuration, named without its thread count, across 1, 2 and 4 threads', () => {
    expect(new Set(rows.map((r) => r.config))).toEqual(new Set(Object.keys(THROUGHPUT)));
    for (const [config, byThreads] of Object.entries(THROUGHPUT)) {
      expect(line(config, SUM)).toEqual([1, 2, 4].map((t) => [t, byThreads[t]]));
      expect(line(config, PER_THREAD)).toEqual([1, 2, 4].map((t) => [t, byThreads[t]! / t]));
    }
  });

  it('draws p99 of all operations (the worst kind without histograms, as the other charts take it)', () => {
    expect(line('heap', P99)).toEqual([[1, 40], [2, 48], [4, 80]]);
    expect(new Set(rows.map((r) => r.panel))).toEqual(new Set([SUM, PER_THREAD, P99]));
  });

  it('puts each thread of a threaded cell in the per-thread panel, with its share', () => {
    const threads = rows.filter((r) => r.kind === 'thread');
    const of = (config: string, n: number) => threads.filter((r) => r.config === config && r.threads === n).map((r) => [r.thread, r.value, r.share]);
    // lsm 4 MiB is uneven: thread 0 at twice each other's rate.
    expect(of('lsm writeBufferSize=4MiB', 4)).toEqual([[0, 80_000, '40 %'], [1, 40_000, '20 %'], [2, 40_000, '20 %'], [3, 40_000, '20 %']]);
    expect(of('heap', 2)).toEqual([[0, 900_000, '50 %'], [1, 900_000, '50 %']]);
    expect(of('heap', 1)).toEqual([]);
    expect(threads.every((r) => r.panel === PER_THREAD)).toBe(true);
  });

  it('is left out of a document of one thread count, with or without threads fields', () => {
    expect(threadScalingChart(buildReportModel(makeDocument()))).toBeNull();
    expect(threadScalingChart(buildReportModel(scalingDocument()))).toBeNull();
    const fours = documentOf([0, 1].map((repeat) => ({ ...cell({ repeat, throughput: 10 }), threads: 4 })));
    expect(threadScalingChart(buildReportModel(fours))).toBeNull();
    expect(buildCharts(buildReportModel(threadsDocument())).map((c) => c.id)).toContain('thread-scaling');
  });
});
