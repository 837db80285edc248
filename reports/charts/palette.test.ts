import { describe, expect, it } from 'vitest';
import { ResultDocumentSchema, type CellResult, type MicroTask, type ResultDocument } from '../../core/result/schema.js';
import { buildReportModel } from '../model/report-model.js';
import { compileChart } from '../test-support/compile.js';
import { makeDocument } from '../test-support/fixtures.js';
import { scalingDocument } from '../test-support/scaling-document.js';
import type { Chart } from './chart.js';
import { buildCharts } from './index.js';
import { reportPalette, shadesOf } from './palette.js';

const MiB = 1024 * 1024;

// Three backends on two workloads; lsm in two configurations (a write buffer sweep), heap and lmdb in one.
const multi = makeDocument({ backends: ['heap', 'lmdb', 'lsm'], workloads: ['ycsb-a', 'ycsb-b'], repeats: 2, sweep: { lsm: { writeBufferSize: [8 * MiB, 64 * MiB] } } });

/** The same backends and configurations as micro cells (tasks, no phases). */
function microDocument(): ResultDocument {
  const task = (meanNs: number): MicroTask => ({ meanNs, p50Ns: meanNs, p75Ns: meanNs, p99Ns: meanNs * 3, p999Ns: null, rme: 1, samples: 1000, opsPerSec: 1e9 / meanNs, atTimerResolution: false });
  const cells = multi.cells.filter((c) => c.workload.name === 'ycsb-a' && c.status === 'ok').map(
    (c, i): CellResult => ({
      ...c,
      id: `micro/${c.id}`,
      workload: { name: 'micro', records: 1000 },
      status: 'ok',
      phases: {},
      micro: { 'get-hit': task(300 + 10 * i), put: task(900 + 10 * i) },
      engine: null,
      resources: null,
      checkpoints: [],
    }),
  );
  return ResultDocumentSchema.parse({ ...multi, cells, recommendations: [] });
}

interface Encoding {
  readonly field: string;
  readonly scale?: { readonly domain?: readonly string[]; readonly range?: readonly string[] };
}

/** Every colour-like encoding (color, fill, stroke, or a condition inside one) over a field, wherever it sits in the spec. */
function colourEncodings(node: unknown, out: Encoding[] = []): Encoding[] {
  if (Array.isArray(node)) for (const item of node) colourEncodings(item, out);
  else if (node !== null && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      const channel = key === 'color' || key === 'fill' || key === 'stroke' || key === 'condition';
      if (channel && value !== null && typeof value === 'object' && typeof (value as Encoding).field === 'string') out.push(value as Encoding);
      colourEncodings(value, out);
    }
  }
  return out;
}

function hue(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255) as [number, number, number];
  const max = Math.max(r, g, b);
  const d = max - Math.min(r, g, b);
  const h = max === r ? (g - b) / d + (g < b ? 6 : 0) : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
  return Math.round(h * 60);
}

/** Encodings that colour by backend or configuration (a knob sweep's series are one backend's; a timeline's are percentiles). */
function byBackend(chart: Chart): Encoding[] {
  return colourEncodings(chart.spec).filter((e) => e.field === 'backend' || e.field === 'config' || (e.field === 'series' && chart.id.startsWith('knob-sweep')));
}

/** The backend each series value of a chart belongs to: named by the value, or (a knob sweep) by the chart. */
function backendOf(chart: Chart, field: string, value: string): string {
  if (field === 'series') return chart.id.split('-')[2] as string;
  return value.split(' ')[0] as string;
}

describe('one colour per backend, a shade of it per configuration, in every chart', () => {
  // The scaling chart from a state-size sweep of heap and two lsm configurations: the known backends keep their hue in any report.
  const charts = [multi, microDocument(), scalingDocument()].flatMap((doc) => buildCharts(buildReportModel(doc)));
  const palette = reportPalette(buildReportModel(multi));

  it('the charts compile, and every chart that colours by backend or configuration carries an explicit scale', () => {
    for (const chart of charts) expect(compileChart(chart).warnings, chart.id).toEqual([]);
    const coloured = charts.filter((c) => byBackend(c).length > 0);
    expect(coloured.map((c) => c.id)).toEqual(expect.arrayContaining(['throughput', 'latency-spectrum', 'tradeoff', 'amplification', 'micro', 'scaling', 'knob-sweep-lsm-write-buffer-size']));
    for (const chart of coloured) {
      for (const e of byBackend(chart)) {
        expect(e.scale?.domain?.length, `${chart.id} ${e.field}`).toBeGreaterThan(0);
        expect(e.scale?.range?.length).toBe(e.scale?.domain?.length);
      }
    }
  });

  it('each backend has the same colour in every chart, its configurations shades of that colour', () => {
    const exact = new Map<string, Set<string>>();
    const hues = new Map<string, Set<number>>();
    const add = <T>(m: Map<string, Set<T>>, k: string, v: T) => m.set(k, (m.get(k) ?? new Set<T>()).add(v));
    for (const chart of charts) {
      for (const e of byBackend(chart)) {
        if (!e.scale?.domain || !e.scale.range) continue;
        e.scale.domain.forEach((value, i) => {
          const colour = e.scale?.range?.[i] as string;
          const backend = backendOf(chart, e.field, value);
          if (e.field === 'backend') add(exact, backend, colour);
          add(hues, backend, hue(colour));
        });
      }
    }
    expect([...exact.keys()].sort()).toEqual(['heap', 'lmdb', 'lsm']);
    for (const [backend, colours] of exact) {
      expect([...colours], backend).toEqual([palette.backend(backend)]);
      // Shades keep the hue (rounding of the channels moves it by a degree or two at most).
      for (const h of hues.get(backend) ?? []) expect(Math.abs(h - hue(palette.backend(backend))), `${backend} hue ${h}`).toBeLessThanOrEqual(3);
    }
    expect(new Set(['heap', 'lmdb', 'lsm'].map((b) => hue(palette.backend(b)))).size).toBe(3);
  });

  it("a backend's only configuration has the backend's colour; several configurations get distinct shades", () => {
    expect(palette.configuration('heap')).toBe(palette.backend('heap'));
    expect(palette.configuration('lmdb')).toBe(palette.backend('lmdb'));
    const lsm = ['lsm writeBufferSize=8MiB', 'lsm writeBufferSize=64MiB'].map((l) => palette.configuration(l));
    expect(new Set(lsm).size).toBe(2);
    expect(lsm).toEqual(shadesOf(palette.backend('lsm'), 2));
    // The latency lines use exactly those colours.
    const spectrum = charts.find((c) => c.id === 'latency-spectrum') as Chart;
    const scale = colourEncodings(spectrum.spec).find((e) => e.field === 'config')?.scale;
    expect(scale?.range?.[scale.domain?.indexOf('lsm writeBufferSize=64MiB') ?? -1]).toBe(lsm[1]);
  });
});
