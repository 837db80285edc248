// The scaling chart: a line per configuration across the sizes in every metric panel, and the
// heap cell that ran out of memory drawn as a failure at its size, not left out.
import { describe, expect, it } from 'vitest';
import { buildReportModel } from '../model/report-model.js';
import { compileChart, dataRows } from '../test-support/compile.js';
import { makeDocument } from '../test-support/fixtures.js';
import { OOM, scalingDocument } from '../test-support/scaling-document.js';
import { buildCharts } from './index.js';
import { scalingChart } from './scaling.js';

describe('scaling chart', () => {
  const chart = scalingChart(buildReportModel(scalingDocument()));

  it('has every configuration at every size it finished, in each metric panel it reports', () => {
    expect(chart).not.toBeNull();
    const { warnings } = compileChart(chart!);
    expect(warnings).toEqual([]);
    const values = dataRows(chart!).filter((r) => r.kind === 'value');
    const at = (config: string, metric: string) => values.filter((r) => r.config === config && r.metric === metric).map((r) => [r.records, r.value]);
    expect(at('lsm writeBufferSize=64MiB', 'throughput (ops/s)')).toEqual([[10_000, 320_000], [100_000, 280_000], [1_000_000, 180_000]]);
    expect(at('heap', 'throughput (ops/s)')).toEqual([[10_000, 2_000_000], [100_000, 1_200_000]]);
    expect(at('lsm writeBufferSize=4MiB', 'on disk (MiB)')).toEqual([[10_000, 2], [100_000, 20], [1_000_000, 200]]);
    // Heap keeps nothing on disk: no point rather than a zero on a log axis.
    expect(at('heap', 'on disk (MiB)')).toEqual([]);
    expect(new Set(values.map((r) => r.metric))).toEqual(new Set(['throughput (ops/s)', 'p99 latency (µs)', 'peak RSS (MiB)', 'on disk (MiB)']));
    expect(JSON.stringify(chart!.spec)).toContain('"type":"log"');
  });

  it('draws the heap cell that ran out of memory as a failure at 1M records, with the reason', () => {
    const failed = dataRows(chart!).filter((r) => r.kind === 'failed');
    expect(failed).toHaveLength(4); // one per metric panel
    for (const r of failed) expect(r).toMatchObject({ config: 'heap', records: 1_000_000, problem: `1 of 1 repeat(s): ${OOM}` });
  });

  it('is left out of a document of one state size', () => {
    expect(scalingChart(buildReportModel(makeDocument()))).toBeNull();
    expect(buildCharts(buildReportModel(scalingDocument())).map((c) => c.id)).toContain('scaling');
  });
});
