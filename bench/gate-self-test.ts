// The gate's self-test: A/A comparisons of the delay backend against itself must (almost) never
// regress, and comparisons with a 10 % slowdown injected into one operation kind must regress
// on that kind and on no other. The cells are measured by the real cell code path (runCell with
// the ycsb-a workload, see gate-delay-cells.ts), in this process.
// Run: npx tsx bench/gate-self-test.ts [--method mann-whitney] [--repeat 5] [--ops 1000]
// [--comparisons 20]; the vitest test runs it with the same criteria.

import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { compareDocuments, DEFAULT_COMPARE_OPTIONS } from '../analysis/compare/compare.js';
import { parseThresholds } from '../analysis/compare/thresholds.js';
import type { Comparison, Method } from '../analysis/compare/types.js';
import { buildDocument } from '../harness/exec/document.js';
import { ResultDocumentSchema, type CellResult, type Plan, type ResultDocument } from '../core/result/schema.js';
import { createRng } from '../core/rng.js';
import { GATE_WORKLOAD, runDelayCell } from './gate-delay-cells.js';

export interface SelfTestOptions {
  readonly comparisons: number;
  readonly repeat: number;
  readonly ops: number;
  readonly records: number;
  readonly valueSize: number;
  readonly latencyUs: number;
  readonly jitter: number;
  readonly method: Method;
  readonly seed: number;
}

export const SELF_TEST_DEFAULTS: SelfTestOptions = {
  comparisons: 20,
  repeat: 5,
  ops: 1000,
  records: 100,
  valueSize: 100,
  latencyUs: 10,
  jitter: 0.1,
  method: 'mann-whitney',
  seed: 1,
};

/** The knob injected into HEAD, and how the comparison leaves it out of the pairing. */
export const SLOWDOWN = { knob: 'slowdownGet', factor: '1.1', ignore: 'delay.slowdownGet' } as const;

export interface SelfTestFigures {
  readonly options: SelfTestOptions;
  /** A/A: comparisons whose gate failed (any gating regression), and regression verdicts in all. */
  readonly aaFailedGates: number;
  readonly aaRegressionVerdicts: number;
  /** Which metrics the A/A regressions were on. */
  readonly aaRegressedMetrics: readonly string[];
  /** 10 % slowdown of get: comparisons with a regression on each read metric. */
  readonly slowReadRegressed: Readonly<Record<string, number>>;
  /** Comparisons with at least one regression verdict on the slowed kind (read): should be >= 19 of 20. */
  readonly slowReadComparisons: number;
  /** Regression verdicts on the other kind's (update) metrics: should be 0. */
  readonly slowOtherRegressions: number;
  readonly slowOtherRegressedMetrics: readonly string[];
  readonly slowThroughputRegressed: number;
  /** The slowed kind's median latency in each slowdown comparison: change and interval (%), to see the margin over the threshold. */
  readonly slowReadP50: readonly string[];
  /** Cells measured, and those that did not finish 'ok' (each would make a comparison inconclusive). */
  readonly cells: number;
  readonly cellsNotOk: readonly string[];
  readonly elapsedMs: number;
}

const environment = {
  os: 'linux', kernel: '', arch: process.arch, cpuModel: '', cpuCount: 0, memoryBytes: 0, node: process.version,
  engines: {}, dataDir: null, fsType: null, gitCommit: null, hostname: '',
  clock: { source: 'performance.now', resolutionNs: null, overheadNs: null },
};

export function document(cells: CellResult[], o: SelfTestOptions, sets: string[]): ResultDocument {
  const plan: Plan = {
    backends: ['delay'], workloads: [GATE_WORKLOAD], records: o.records, ops: o.ops, durationMs: null, warmupOps: null,
    warmupMs: null, keySize: 16, valueSize: String(o.valueSize), distribution: null, seed: o.seed, repeat: o.repeat,
    targetRateOpsPerSec: null, intervalMs: 1000, sets, cellCount: cells.length, shard: null,
  };
  // What `statebench run` would write: a document the schema accepts.
  return ResultDocumentSchema.parse(buildDocument(environment, plan, cells, []));
}

/**
 * Runs base and head repeats interleaved, each round in a seeded random order (as the runner
 * shuffles rounds), so that drift or a periodic pause favours neither side.
 */
async function documentsPair(o: SelfTestOptions, dataDir: string, index: number, headKnobs: Record<string, string>): Promise<[ResultDocument, ResultDocument]> {
  const base: CellResult[] = [];
  const head: CellResult[] = [];
  const knobs = { latencyUs: String(o.latencyUs), jitter: String(o.jitter) };
  const order = createRng(o.seed * 7919 + index);
  for (let r = 0; r < o.repeat; r++) {
    const seed = o.seed * 1_000_003 + index * 1009 + r;
    const common = { seed, repeat: r, ops: o.ops, records: o.records, valueSize: o.valueSize, dataDir };
    const runBase = async (): Promise<void> => void base.push(await runDelayCell({ ...common, knobs }));
    const runHead = async (): Promise<void> => void head.push(await runDelayCell({ ...common, knobs: { ...knobs, ...headKnobs } }));
    if (order.next() < 0.5) {
      await runBase();
      await runHead();
    } else {
      await runHead();
      await runBase();
    }
  }
  const sets = (extra: Record<string, string>): string[] => Object.entries({ ...knobs, ...extra }).map(([k, v]) => `delay.${k}=${v}`);
  return [document(base, o, sets({})), document(head, o, sets(headKnobs))];
}

function compare(base: ResultDocument, head: ResultDocument, o: SelfTestOptions, index: number): Comparison {
  return compareDocuments(base, head, {
    ...DEFAULT_COMPARE_OPTIONS,
    thresholds: parseThresholds([]),
    method: o.method,
    seed: o.seed + index,
    ignoreKnobs: [SLOWDOWN.ignore],
  });
}

/** The one pair of a self-test comparison: base and head must pair despite the slowdown knob. */
function onlyPair(c: Comparison): Comparison['pairs'][number] {
  const [pair] = c.pairs;
  if (!pair || c.pairs.length !== 1 || c.unpaired.length > 0) throw new Error(`self-test: base and head did not pair as one configuration (${c.pairs.length} pairs, ${c.unpaired.length} unpaired)`);
  return pair;
}

const describeMetric = (m: { id: string; changePct: number | null; ciLowPct: number | null; ciHighPct: number | null }): string =>
  `${m.id} ${m.changePct}% [${m.ciLowPct}, ${m.ciHighPct}]`;

export async function runSelfTest(over: Partial<SelfTestOptions> = {}): Promise<SelfTestFigures> {
  const o = { ...SELF_TEST_DEFAULTS, ...over };
  const t0 = performance.now();
  const dataDir = mkdtempSync(join(tmpdir(), 'statebench-gate-self-test-'));
  const cellsNotOk: string[] = [];
  let cells = 0;
  const pairOf = async (index: number, headKnobs: Record<string, string>): Promise<Comparison> => {
    const [b, h] = await documentsPair(o, dataDir, index, headKnobs);
    for (const cell of [...b.cells, ...h.cells]) {
      cells++;
      if (cell.status !== 'ok') cellsNotOk.push(`${cell.id} ${cell.status}${cell.status === 'errored' ? `: ${cell.error}` : ''}`);
    }
    return compare(b, h, o, index);
  };
  try {
    let aaFailedGates = 0;
    let aaRegressionVerdicts = 0;
    const aaRegressedMetrics: string[] = [];
    for (let i = 0; i < o.comparisons; i++) {
      const c = await pairOf(i, {});
      if (c.exitCode === 1) aaFailedGates++;
      aaRegressionVerdicts += c.counts.regressed;
      for (const m of onlyPair(c).metrics) if (m.verdict === 'regressed') aaRegressedMetrics.push(describeMetric(m));
    }
    const slowReadRegressed: Record<string, number> = { 'read.p50': 0, 'read.p99': 0, 'read.p999': 0 };
    let slowOtherRegressions = 0;
    let slowThroughputRegressed = 0;
    let slowReadComparisons = 0;
    const slowOtherRegressedMetrics: string[] = [];
    const slowReadP50: string[] = [];
    for (let i = 0; i < o.comparisons; i++) {
      const c = await pairOf(o.comparisons + i, { [SLOWDOWN.knob]: SLOWDOWN.factor });
      const metrics = onlyPair(c).metrics;
      if (metrics.some((m) => m.operation === 'read' && m.verdict === 'regressed')) slowReadComparisons++;
      const p50 = metrics.find((m) => m.id === 'read.p50');
      if (p50) slowReadP50.push(`${describeMetric(p50)} ${p50.verdict}`);
      for (const m of metrics) {
        if (m.verdict !== 'regressed') continue;
        if (m.operation === 'read') slowReadRegressed[m.id] = (slowReadRegressed[m.id] ?? 0) + 1;
        else if (m.operation !== null) {
          slowOtherRegressions++;
          slowOtherRegressedMetrics.push(describeMetric(m));
        } else if (m.id === 'throughput') slowThroughputRegressed++;
      }
    }
    return {
      options: o,
      aaFailedGates,
      aaRegressionVerdicts,
      aaRegressedMetrics,
      slowReadRegressed,
      slowReadComparisons,
      slowOtherRegressions,
      slowOtherRegressedMetrics,
      slowThroughputRegressed,
      slowReadP50,
      cells,
      cellsNotOk,
      elapsedMs: performance.now() - t0,
    };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * Issue 7's criteria: A/A gives at most 1 regression verdict in all; the slowed kind (read)
 * regresses in all but at most one comparison; the other kind (update) never regresses.
 */
export function selfTestPasses(f: SelfTestFigures): boolean {
  const n = f.options.comparisons;
  return f.cellsNotOk.length === 0 && f.aaRegressionVerdicts <= 1 && f.slowReadComparisons >= n - 1 && f.slowOtherRegressions === 0;
}

export function selfTestLine(f: SelfTestFigures): string {
  const n = f.options.comparisons;
  const r = f.slowReadRegressed;
  return (
    `A/A: ${f.aaRegressionVerdicts} regression verdicts in ${n} comparisons (${f.aaFailedGates} failed the gate); ` +
    `10% slower get: ${f.slowReadComparisons}/${n} comparisons regressed on read (p50 ${r['read.p50']}, p99 ${r['read.p99']}, p99.9 ${r['read.p999']}), ` +
    `${f.slowOtherRegressions} regression verdicts on update, throughput regressed in ${f.slowThroughputRegressed}; ` +
    `${f.cells} cells through runCell in ${(f.elapsedMs / 1000).toFixed(1)} s${f.cellsNotOk.length > 0 ? `, ${f.cellsNotOk.length} not ok` : ''}; ` +
    `load average ${loadavg()[0]?.toFixed(1)} on ${cpus().length} cores: ${selfTestPasses(f) ? 'PASS' : 'FAIL'}`
  );
}

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop() ?? '\0')) {
  const over: Partial<Record<keyof SelfTestOptions, number | string>> = {};
  for (const k of ['comparisons', 'repeat', 'ops', 'records', 'valueSize', 'latencyUs', 'jitter', 'seed'] as const) {
    const v = argValue(k);
    if (v !== undefined) over[k] = Number(v);
  }
  const method = argValue('method');
  const figures = await runSelfTest({ ...(over as Partial<SelfTestOptions>), ...(method ? { method: method as Method } : {}) });
  process.stdout.write(`${JSON.stringify(figures, null, 2)}\n${selfTestLine(figures)}\n`);
  process.exitCode = selfTestPasses(figures) ? 0 : 1;
}
