import { describe, expect, it } from 'vitest';
import { ResultDocumentSchema, type ResultDocument } from '../../core/result/schema.js';
import { buildReportModel } from '../model/report-model.js';
import { compileChart, dataRows } from '../test-support/compile.js';
import { makeDocument, mixedDocument, sweepDocument } from '../test-support/fixtures.js';
import { amplificationChart } from './amplification.js';
import type { Chart } from './chart.js';
import { buildCharts } from './index.js';
import { knobSweepCharts } from './knob-sweep.js';
import { latencySpectrumChart } from './latency-spectrum.js';
import { throughputChart } from './throughput.js';
import { timelineChart, timelineCharts } from './timeline.js';
import { tradeoffChart } from './tradeoff.js';

const mixed = buildReportModel(mixedDocument());

interface TimelineSpec {
  datasets: { points: Record<string, number>[]; stalls: unknown[]; checkpoints: unknown[]; signals: Record<string, number | string>[] };
  params: { name: string; bind?: unknown }[];
}
const sweep = buildReportModel(sweepDocument(20));

function expectValid(chart: Chart | null): Chart {
  expect(chart).not.toBeNull();
  const { warnings, vega } = compileChart(chart!);
  expect(warnings).toEqual([]);
  expect(vega).toHaveProperty('marks');
  expect(dataRows(chart!).length).toBeGreaterThan(0);
  return chart!;
}

describe('throughput chart', () => {
  it('carries one row per finished repeat, grouped by backend and workload', () => {
    const chart = expectValid(throughputChart(mixed));
    const rows = dataRows(chart);
    const okCells = mixed.doc.cells.filter((c) => c.status === 'ok');
    expect(rows).toHaveLength(okCells.length);
    expect(new Set(rows.map((r) => r.backend))).toEqual(new Set(['heap', 'lmdb', 'lsm']));
    expect(new Set(rows.map((r) => r.workload))).toEqual(new Set(['ycsb-a', 'ycsb-b']));
  });
});

describe('latency spectrum chart', () => {
  it('has every percentile of every operation kind, all positive (log scale)', () => {
    const chart = expectValid(latencySpectrumChart(mixed));
    const rows = dataRows(chart);
    expect(new Set(rows.map((r) => r.op))).toEqual(new Set(['read', 'update']));
    expect(new Set(rows.map((r) => r.percentile))).toEqual(new Set(['p50', 'p90', 'p99', 'p99.9', 'p99.99', 'max']));
    expect(rows.every((r) => (r.us as number) > 0)).toBe(true);
    expect(JSON.stringify(chart.spec)).toContain('"log"');
  });
});

describe('timeline chart', () => {
  it('puts the stalls, L0 files, pending compaction and checkpoints of the LSM cells on the time axis', () => {
    const chart = expectValid(timelineChart(sweep));
    const spec = chart.spec as unknown as TimelineSpec;
    expect(spec.datasets.stalls.length).toBeGreaterThan(0);
    expect(spec.datasets.checkpoints.length).toBeGreaterThan(0);
    const values = spec.datasets.signals.filter((r) => r.kind === 'value');
    const panels = new Set(values.map((r) => r.panel));
    expect(panels.has('L0 files') && panels.has('pending compaction (MiB)')).toBe(true);
    // Stalls repeat in every signal panel of their cell, so the shading lines up there too.
    expect(spec.datasets.signals.some((r) => r.kind === 'stall')).toBe(true);
  });

  it('gives a cell only the signal panels its engine reports (heap and LMDB cells get none)', () => {
    const model = buildReportModel(mixedDocument());
    const spec = expectValid(timelineChart(model)).spec as unknown as TimelineSpec;
    const labels = (spec.params[1]!.bind as { labels: string[] }).labels;
    const panelsOf = (backend: string): Set<unknown> => {
      const keys = labels.map((l, i) => (l.includes(`: ${backend}`) ? i : -1)).filter((i) => i >= 0);
      expect(keys.length).toBeGreaterThan(0);
      return new Set(spec.datasets.signals.filter((r) => keys.includes(r.cell as number)).map((r) => r.panel));
    };
    expect(panelsOf('heap').size).toBe(0);
    expect(panelsOf('lmdb').size).toBe(0);
    expect(panelsOf('lsm').has('L0 files')).toBe(true);
  });

  it('charts cells with different signals apart in the report: LSM as `timeline`, heap and LMDB beside it', () => {
    const charts = timelineCharts(mixed);
    expect(charts.map((c) => c.id)).toEqual(['timeline', 'timeline-heap-lmdb']);
    for (const c of charts) expectValid(c);
    const signals = charts.map((c) => (c.spec as unknown as TimelineSpec).datasets.signals.length);
    expect(signals[0]).toBeGreaterThan(0);
    expect(signals[1]).toBe(0);
  });

  it('has no signal panels at all when no engine reports a signal', () => {
    const heapOnly = buildReportModel(makeDocument({ backends: ['heap'], repeats: 1, intervals: 5 }));
    const spec = expectValid(timelineChart(heapOnly)).spec as unknown as TimelineSpec & { vconcat: unknown[] };
    expect(spec.datasets.signals).toEqual([]);
    expect(spec.vconcat).toHaveLength(2);
  });

  it('draws the first interval: each cell starts at t = 0 with its first sample\u2019s values', () => {
    const spec = timelineChart(sweep)!.spec as unknown as TimelineSpec;
    const byCell = new Map<number, Record<string, number>[]>();
    for (const p of spec.datasets.points) byCell.set(p.cell!, [...(byCell.get(p.cell!) ?? []), p]);
    for (const rows of byCell.values()) {
      const [start, first] = rows;
      expect(start!.t).toBe(0);
      expect(first!.t).toBeGreaterThan(0);
      expect({ ...start, t: first!.t }).toEqual(first);
    }
  });

  it('is left out when no cell has a time series', () => {
    const doc = mixedDocument();
    const bare = ResultDocumentSchema.parse({
      ...doc,
      cells: doc.cells.map((c) => (c.status === 'skipped' || !c.phases.run ? c : { ...c, phases: { run: { ...c.phases.run, timeseries: [] } } })),
    });
    expect(timelineChart(buildReportModel(bare))).toBeNull();
  });
});

describe('knob sweep charts', () => {
  it('draws one chart per swept knob, with a point per knob value', () => {
    const charts = knobSweepCharts(sweep);
    expect(charts.map((c) => c.id)).toEqual(['knob-sweep-lsm-write-buffer-size', 'knob-sweep-lsm-level0-slowdown-writes-trigger']);
    for (const c of charts) expectValid(c);
    const xs = new Set(dataRows(charts[0]!).map((r) => r.x));
    expect(xs).toEqual(new Set([4, 8, 16, 32, 64]));
  });

  it('is left out when no knob takes two values', () => {
    expect(knobSweepCharts(mixed)).toEqual([]);
  });
});

describe('trade-off chart', () => {
  it('marks the Pareto front of each workload and sizes points by memory', () => {
    const chart = expectValid(tradeoffChart(sweep));
    const rows = dataRows(chart);
    for (const workload of ['ycsb-a', 'ycsb-b']) {
      const mine = rows.filter((r) => r.workload === workload);
      const front = mine.filter((r) => r.pareto);
      expect(front.length).toBeGreaterThan(0);
      expect(front.length).toBeLessThan(mine.length);
      // The fastest configuration is always on the front.
      const fastest = mine.reduce((a, b) => ((a.throughput as number) >= (b.throughput as number) ? a : b));
      expect(fastest.pareto).toBe(true);
    }
    expect(JSON.stringify(chart.spec)).toContain('"rssMiB"');
  });
});

describe('amplification chart', () => {
  it('has write and space amplification for engines that report them', () => {
    const chart = expectValid(amplificationChart(mixed));
    const rows = dataRows(chart);
    expect(new Set(rows.map((r) => r.metric))).toEqual(new Set(['write amplification', 'space amplification']));
    expect(rows.some((r) => r.backend === 'heap')).toBe(false);
  });

  it('is left out when no engine reports amplification', () => {
    expect(amplificationChart(buildReportModel(makeDocument({ backends: ['heap'], repeats: 1 })))).toBeNull();
  });
});

describe('chart set', () => {
  it('gives unique, HTML-safe ids and leaves out charts without data', () => {
    const heapOnly: ResultDocument = makeDocument({ backends: ['heap'], repeats: 2, workloads: ['ycsb-a'] });
    const ids = buildCharts(buildReportModel(heapOnly)).map((c) => c.id);
    expect(ids).toEqual(['throughput', 'latency-spectrum', 'timeline', 'tradeoff']);
    const all = buildCharts(sweep).map((c) => c.id);
    expect(new Set(all).size).toBe(all.length);
    expect(all.every((id) => /^[a-z0-9-]+$/.test(id))).toBe(true);
  });
});
