// Every chart that shows more than one backend names the durability class of each configuration
// it shows, when the document's configurations are of more than one class: a faster
// configuration of a weaker class is never drawn beside a stronger one unmarked.
import { describe, expect, it } from 'vitest';
import type { CellResult, DurabilityClass, MicroTask, ResultDocument } from '../../core/result/schema.js';
import { buildReportModel } from '../model/report-model.js';
import { compileChart, dataRows } from '../test-support/compile.js';
import { makeDocument } from '../test-support/fixtures.js';
import { scalingDocument } from '../test-support/scaling-document.js';
import type { Chart } from './chart.js';
import { buildCharts } from './index.js';

const BACKEND = /^(heap|lmdb|lsm)\b/;

/** As the backends give it (docs/durability.md): the heap none, lmdb process, lsm none without its WAL, process with it. */
function classOf(backend: string, knobs: Readonly<Record<string, unknown>>): DurabilityClass {
  if (backend === 'heap') return 'none';
  if (backend === 'lmdb') return 'process';
  return knobs.walEnabled === false ? 'none' : 'process';
}

function withClasses(doc: ResultDocument, only: (c: CellResult) => boolean = () => true): ResultDocument {
  return { ...doc, cells: doc.cells.map((c) => (only(c) ? { ...c, durabilityClass: classOf(c.backend, c.knobs) } : c)) };
}

/** The class a configuration's name implies, read back from the name ("lsm walEnabled=false ..."). */
function expectedClass(name: string): DurabilityClass {
  const backend = BACKEND.exec(name)?.[1] as string;
  return classOf(backend, { walEnabled: /walEnabled=false/.test(name) ? false : true });
}

type Row = Record<string, unknown>;

/** A Vega-Lite filter over a row ("datum.pareto"); one that reads a parameter lets every row through. */
function passes(expr: string, row: Row): boolean {
  try {
    return Boolean(new Function('datum', `return (${expr});`)(row));
  } catch {
    return true;
  }
}

/**
 * The text a chart shows from its data, where a reader sees it: values of the fields on its
 * position, colour, text, shape and facet channels (not the tooltips), each over the rows that
 * pass the filters of its layer.
 */
function shownTexts(node: unknown, rows: readonly Row[], out: string[] = []): string[] {
  if (Array.isArray(node)) {
    for (const item of node) shownTexts(item, rows, out);
    return out;
  }
  if (node === null || typeof node !== 'object') return out;
  const filters = ((node as { transform?: { filter?: unknown }[] }).transform ?? []).map((t) => t.filter).filter((f): f is string => typeof f === 'string');
  const kept = rows.filter((r) => filters.every((f) => passes(f, r)));
  for (const [key, value] of Object.entries(node)) {
    if (key === 'tooltip' || key === 'data' || key === 'datasets' || key === 'transform') continue;
    const channel = ['x', 'y', 'color', 'fill', 'stroke', 'text', 'shape', 'row', 'column', 'facet', 'xOffset', 'yOffset'].includes(key);
    const field = channel && value !== null && typeof value === 'object' ? (value as { field?: unknown }).field : undefined;
    // A colour by backend names backends, not configurations (the bars' axis names those).
    if (typeof field === 'string' && field !== 'backend') for (const r of kept) if (typeof r[field] === 'string') out.push(r[field] as string);
    shownTexts(value, kept, out);
  }
  return out;
}

/** The configurations a chart names: its shown texts, and the cells of a drop-down ("c0001: lsm walEnabled=false (none) · ycsb-a · repeat 0"). */
function namedConfigurations(chart: Chart): Set<string> {
  const texts = shownTexts(chart.spec, dataRows(chart));
  const params = (chart.spec as { params?: { bind?: { labels?: string[] } }[] }).params ?? [];
  for (const p of params) for (const label of p.bind?.labels ?? []) texts.push((label.split(': ')[1] ?? '').split(' · ')[0] as string);
  // A micro chart's series of one repeat: "lsm (process) #1".
  return new Set(texts.filter((t) => BACKEND.test(t)).map((t) => t.replace(/ #\d+$/, '')));
}

const backendsOf = (names: Set<string>): Set<string> => new Set([...names].map((n) => BACKEND.exec(n)?.[1] as string));

describe('durability classes in the charts', () => {
  // heap (none), lmdb (process), lsm with and without its WAL (process, none): two classes, each with two backends.
  const multi = withClasses(makeDocument({ backends: ['heap', 'lmdb', 'lsm'], workloads: ['ycsb-a', 'ycsb-b'], repeats: 2, sweep: { lsm: { walEnabled: [false, true] } } }));
  // A state-size sweep: heap (none) and lsm (process); the heap cell out of memory at 1M reported no class.
  const scaling = withClasses(scalingDocument(), (c) => c.status === 'ok');
  // The same configurations as micro cells (tasks, no phases), as statebench micro writes them with their class.
  const micro: ResultDocument = {
    ...multi,
    cells: multi.cells
      .filter((c) => c.workload.name === 'ycsb-a' && c.status === 'ok')
      .map((c, i): CellResult => {
        const task = (meanNs: number): MicroTask => ({ meanNs, p50Ns: meanNs, p75Ns: meanNs, p99Ns: meanNs * 3, p999Ns: null, rme: 1, samples: 1000, opsPerSec: 1e9 / meanNs, atTimerResolution: false });
        return { ...c, id: `micro/${c.id}`, workload: { name: 'micro', records: 1000 }, status: 'ok', phases: {}, micro: { 'get-hit': task(300 + 10 * i), put: task(900 + 10 * i) }, engine: null, resources: null, checkpoints: [] };
      }),
  };
  const microCharts = buildCharts(buildReportModel(micro));
  const multiCharts = buildCharts(buildReportModel(multi));
  const scalingCharts = buildCharts(buildReportModel(scaling));
  const charts = [...multiCharts, ...scalingCharts, ...microCharts];

  it('every chart showing more than one backend names each configuration with its class', () => {
    const crossBackend = charts.filter((c) => backendsOf(namedConfigurations(c)).size > 1);
    const ids = (list: Chart[]) => list.filter((c) => crossBackend.includes(c)).map((c) => c.id).sort();
    expect(ids(multiCharts)).toEqual(['amplification', 'latency-spectrum', 'throughput', 'timeline-heap-lmdb', 'tradeoff']);
    expect(ids(scalingCharts)).toEqual(['latency-spectrum', 'scaling', 'throughput', 'tradeoff']);
    expect(ids(microCharts)).toEqual(['micro']);
    for (const chart of crossBackend) {
      expect(compileChart(chart).warnings, chart.id).toEqual([]);
      for (const name of namedConfigurations(chart)) expect(name, chart.id).toMatch(new RegExp(` \\(${expectedClass(name)}\\)$`));
    }
    // Each configuration, not only some: the charts of every configuration name all four.
    const all = ['heap (none)', 'lmdb (process)', 'lsm walEnabled=false (none)', 'lsm walEnabled=true (process)'];
    for (const id of ['throughput', 'latency-spectrum', 'tradeoff']) expect([...namedConfigurations(multiCharts.find((c) => c.id === id) as Chart)].sort(), id).toEqual(all);
    expect([...namedConfigurations(microCharts.find((c) => c.id === 'micro') as Chart)].sort()).toEqual(all);
    // The heap's failure at 1M is drawn under the heap's class, on the heap's line.
    const failed = dataRows(scalingCharts.find((c) => c.id === 'scaling') as Chart).filter((r) => r.kind === 'failed');
    expect(new Set(failed.map((r) => r.config))).toEqual(new Set(['heap (none)']));
  });

  it('a document of one class, or from before the classes, keeps its labels as they were', () => {
    const names = (doc: ResultDocument) => namedConfigurations(buildCharts(buildReportModel(doc)).find((c) => c.id === 'throughput') as Chart);
    const plain = makeDocument({ backends: ['heap', 'lsm'], workloads: ['ycsb-a'], repeats: 1, sweep: { lsm: { walEnabled: [false] } } });
    expect([...names(plain)].sort()).toEqual(['heap', 'lsm']);
    expect([...names(withClasses(plain))].sort()).toEqual(['heap', 'lsm']);
  });
});
