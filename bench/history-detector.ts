// The change-point detector measured on series of real delay-backend cells (history-series.ts):
// A/A series (nothing changes) and series with get slowed by 5 % or 10 % from a seeded position
// on. Three ways of judging each series on read p50 (the metric the step is planted in), and on
// every metric history judges:
//   history  statebench history over the whole series (E-Divisive means, alpha 0.001);
//   compare  statebench compare of each document against the one before (a per-commit gate);
//   flink    Flink's max(4 %, 2 sigma) rule at each position (flink-rule.ts).
// It reports false change points (history) or alerts (compare, flink: one per position that
// alerts) per 100 A/A series, and the share of steps found within one (and three) positions.
// Run: npx tsx bench/history-detector.ts [--aa 20] [--steps 10] [--length 40] [--repeats 5]
// [--latencyUs 20] [--ops 400] [--seed 1]; the vitest test runs one A/A and one 10 % series.

import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { compareDocuments, DEFAULT_COMPARE_OPTIONS } from '../analysis/compare/compare.js';
import { cellMetrics } from '../analysis/compare/metrics.js';
import { parseThresholds } from '../analysis/compare/thresholds.js';
import { analyseHistory, DEFAULT_HISTORY_OPTIONS } from '../analysis/history/history.js';
import type { History } from '../analysis/history/types.js';
import { median } from '../core/stats.js';
import { createRng } from '../core/rng.js';
import type { ResultDocument } from '../core/result/schema.js';
import { flinkAlerts, sampleSd } from './flink-rule.js';
import { delaySeries, STEP_KNOB, type DelaySeries } from './history-series.js';

export interface DetectorBenchOptions {
  readonly aa: number;
  /** Step series per step size. */
  readonly steps: number;
  readonly length: number;
  readonly repeats: number;
  readonly latencyUs: number;
  readonly jitter: number;
  readonly ops: number;
  readonly records: number;
  readonly seed: number;
}

export const DETECTOR_DEFAULTS: DetectorBenchOptions = { aa: 20, steps: 10, length: 40, repeats: 5, latencyUs: 20, jitter: 0.1, ops: 400, records: 100, seed: 1 };

export const STEP_FACTORS = [1.05, 1.1] as const;
export const METHODS = ['history', 'compare', 'flink'] as const;
type MethodName = (typeof METHODS)[number];

export const FOCUS_METRIC = 'read.p50';

/** Where each method raised a change point or an alert, per metric id. */
export type Alarms = Record<MethodName, Map<string, number[]>>;

export function historyOf(s: DelaySeries): History {
  return analyseHistory(s.ordering, { ...DEFAULT_HISTORY_OPTIONS, thresholds: parseThresholds([]), ignoreKnobs: [STEP_KNOB] });
}

/** A metric's values in one document: those of its ok cells. */
function valuesIn(doc: ResultDocument, id: string): number[] {
  return doc.cells.filter((c) => c.status === 'ok').flatMap((c) => cellMetrics(c).filter((m) => m.def.id === id).map((m) => m.value));
}

export function alarmsOf(s: DelaySeries, h: History): Alarms {
  const judged = h.series.filter((x) => x.status === 'judged');
  const out: Alarms = { history: new Map(), compare: new Map(), flink: new Map() };
  for (const x of judged) {
    out.history.set(x.id, x.changePoints.map((c) => c.position));
    const medians: number[] = [];
    const flink: number[] = [];
    s.documents.forEach((doc, k) => {
      const values = valuesIn(doc, x.id);
      medians.push(median(values) ?? NaN);
      if (flinkAlerts(medians, sampleSd(values), x.direction)) flink.push(k);
    });
    out.flink.set(x.id, flink);
    out.compare.set(x.id, []);
  }
  for (let k = 1; k < s.documents.length; k++) {
    const c = compareDocuments(s.documents[k - 1] as ResultDocument, s.documents[k] as ResultDocument, {
      ...DEFAULT_COMPARE_OPTIONS,
      thresholds: parseThresholds([]),
      ignoreKnobs: [STEP_KNOB],
    });
    for (const m of c.pairs.flatMap((p) => p.metrics)) if (m.verdict === 'regressed') out.compare.get(m.id)?.push(k);
  }
  return out;
}

interface MethodFigures {
  /** A/A: change points or alerts on read p50, on any judged metric, and the series with at least one on any. */
  aaFocus: number;
  aaAny: number;
  aaSeriesAlarmed: number;
  /** Per step factor: series with a change point / alert on read p50 within one (three) positions of the step. */
  within1: Record<string, number>;
  within3: Record<string, number>;
}

export interface DetectorFigures {
  readonly options: DetectorBenchOptions;
  readonly judgedMetrics: readonly string[];
  readonly methods: Record<MethodName, MethodFigures>;
  /** history's estimate of each found step (per cent), per factor. */
  readonly historyEstimates: Record<string, number[]>;
  /** history's verdict on each found step, per factor: regressed (fails the gate), inconclusive ... */
  readonly historyVerdicts: Record<string, Record<string, number>>;
  readonly cells: number;
  readonly cellsNotOk: readonly string[];
  readonly elapsedMs: number;
}

const near = (positions: readonly number[], at: number, within: number): boolean => positions.some((p) => Math.abs(p - at) <= within);

export async function runDetectorBench(over: Partial<DetectorBenchOptions> = {}): Promise<DetectorFigures> {
  const o = { ...DETECTOR_DEFAULTS, ...over };
  const t0 = performance.now();
  const dataDir = mkdtempSync(join(tmpdir(), 'statebench-history-bench-'));
  const methods = Object.fromEntries(METHODS.map((m) => [m, { aaFocus: 0, aaAny: 0, aaSeriesAlarmed: 0, within1: {}, within3: {} }])) as Record<MethodName, MethodFigures>;
  const historyEstimates: Record<string, number[]> = {};
  const historyVerdicts: Record<string, Record<string, number>> = {};
  const judgedMetrics = new Set<string>();
  const cellsNotOk: string[] = [];
  let cells = 0;
  let seed = o.seed * 7919;
  const series = async (stepAt: number | null, factor: number): Promise<{ h: History; alarms: Alarms }> => {
    const s = await delaySeries({ length: o.length, repeats: o.repeats, stepAt, factor, latencyUs: o.latencyUs, jitter: o.jitter, ops: o.ops, records: o.records, seed: seed++, dataDir });
    cells += o.length * o.repeats;
    cellsNotOk.push(...s.cellsNotOk);
    const h = historyOf(s);
    for (const x of h.series) if (x.status === 'judged') judgedMetrics.add(x.id);
    return { h, alarms: alarmsOf(s, h) };
  };
  try {
    for (let i = 0; i < o.aa; i++) {
      const { alarms } = await series(null, 1);
      for (const m of METHODS) {
        const f = methods[m];
        const all = [...alarms[m].values()].flat();
        f.aaFocus += alarms[m].get(FOCUS_METRIC)?.length ?? 0;
        f.aaAny += all.length;
        if (all.length > 0) f.aaSeriesAlarmed++;
      }
    }
    const where = createRng(o.seed * 31 + 7);
    for (const factor of STEP_FACTORS) {
      const key = `${Math.round((factor - 1) * 100)}%`;
      historyEstimates[key] = [];
      const verdicts: Record<string, number> = {};
      historyVerdicts[key] = verdicts;
      for (const m of METHODS) {
        methods[m].within1[key] = 0;
        methods[m].within3[key] = 0;
      }
      for (let i = 0; i < o.steps; i++) {
        // The step somewhere in the middle half of the series.
        const stepAt = Math.floor(o.length / 4) + where.int(Math.ceil(o.length / 2));
        const { h, alarms } = await series(stepAt, factor);
        for (const m of METHODS) {
          const at = alarms[m].get(FOCUS_METRIC) ?? [];
          if (near(at, stepAt, 1)) methods[m].within1[key]! += 1;
          if (near(at, stepAt, 3)) methods[m].within3[key]! += 1;
        }
        const cp = h.series.find((x) => x.id === FOCUS_METRIC)?.changePoints.find((c) => Math.abs(c.position - stepAt) <= 1);
        if (cp?.changePct != null) historyEstimates[key]!.push(cp.changePct);
        if (cp) verdicts[cp.verdict] = (verdicts[cp.verdict] ?? 0) + 1;
      }
    }
    return { options: o, judgedMetrics: [...judgedMetrics], methods, historyEstimates, historyVerdicts, cells, cellsNotOk, elapsedMs: performance.now() - t0 };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The figures as the table docs/ci.md shows. */
export function detectorTable(f: DetectorFigures): string {
  const o = f.options;
  const per100 = (n: number): string => (o.aa > 0 ? String(Math.round((n * 100) / o.aa)) : '-');
  const share = (n: number | undefined): string => `${n ?? 0}/${o.steps}`;
  const rows = METHODS.map((m) => {
    const x = f.methods[m];
    return `| ${m} | ${per100(x.aaFocus)} | ${per100(x.aaAny)} | ${x.aaSeriesAlarmed}/${o.aa} | ${share(x.within1['5%'])} (${share(x.within3['5%'])}) | ${share(x.within1['10%'])} (${share(x.within3['10%'])}) |`;
  });
  return [
    `| method | A/A: false, per 100 series (read p50) | A/A: false, per 100 series (${f.judgedMetrics.join(', ')}) | A/A series with any | 5 % step found within 1 (3) | 10 % step found within 1 (3) |`,
    '|---|---:|---:|---:|---:|---:|',
    ...rows,
  ].join('\n');
}

export function detectorLine(f: DetectorFigures): string {
  const o = f.options;
  const est = Object.entries(f.historyEstimates).map(([k, v]) => {
    const verdicts = Object.entries(f.historyVerdicts[k] ?? {}).map(([verdict, n]) => `${n} ${verdict}`);
    return `${k}: history's estimates ${v.length ? `${Math.min(...v).toFixed(1)} to ${Math.max(...v).toFixed(1)} %` : 'none'}${verdicts.length ? ` (${verdicts.join(', ')})` : ''}`;
  });
  return (
    `${o.aa} A/A and ${o.steps} + ${o.steps} step series of ${o.length} documents x ${o.repeats} repeats (delay ${o.latencyUs} us, ${o.ops} ops); ${est.join('; ')}; ` +
    `${f.cells} cells through runCell in ${(f.elapsedMs / 1000).toFixed(0)} s${f.cellsNotOk.length ? `, ${f.cellsNotOk.length} not ok` : ''}; load average ${loadavg()[0]?.toFixed(1)} on ${cpus().length} cores`
  );
}

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop() ?? '\0')) {
  const over: Partial<Record<keyof DetectorBenchOptions, number>> = {};
  for (const k of ['aa', 'steps', 'length', 'repeats', 'latencyUs', 'jitter', 'ops', 'records', 'seed'] as const) {
    const v = argValue(k);
    if (v !== undefined) over[k] = Number(v);
  }
  const figures = await runDetectorBench(over);
  process.stdout.write(`${detectorTable(figures)}\n\n${detectorLine(figures)}\n`);
}
