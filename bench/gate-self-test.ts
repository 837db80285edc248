// The gate's self-test: A/A comparisons of the delay backend against itself must (almost) never
// regress, and comparisons with a 10 % slowdown injected into one operation kind must regress
// on that kind and on no other. Run: npx tsx bench/gate-self-test.ts [--method mann-whitney]
// [--repeat 5] [--ops 2000] [--comparisons 20]; the vitest test runs it with fixed settings.

import { cpus, loadavg } from 'node:os';
import { compareDocuments, DEFAULT_COMPARE_OPTIONS } from '../harness/compare/compare.js';
import { parseThresholds } from '../harness/compare/thresholds.js';
import type { Comparison, Method } from '../harness/compare/types.js';
import { buildDocument } from '../harness/run/document.js';
import type { CellResult, Plan, ResultDocument } from '../harness/result/schema.js';
import { createRng } from '../workloads/rng.js';
import { runDelayCell } from './gate-delay-cells.js';

export interface SelfTestOptions {
  readonly comparisons: number;
  readonly repeat: number;
  readonly ops: number;
  readonly records: number;
  readonly latencyUs: number;
  readonly jitter: number;
  readonly method: Method;
  readonly seed: number;
}

export const SELF_TEST_DEFAULTS: SelfTestOptions = {
  comparisons: 20,
  repeat: 5,
  ops: 2000,
  records: 1000,
  latencyUs: 10,
  jitter: 0.1,
  method: 'mann-whitney',
  seed: 1,
};

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
  readonly elapsedMs: number;
}

const environment = {
  os: 'linux', kernel: '', arch: process.arch, cpuModel: '', cpuCount: 0, memoryBytes: 0, node: process.version,
  engines: {}, dataDir: null, fsType: null, gitCommit: null, hostname: '',
  clock: { source: 'performance.now', resolutionNs: null, overheadNs: null },
};

function document(cells: CellResult[], o: SelfTestOptions): ResultDocument {
  const plan: Plan = {
    backends: ['delay'], workloads: ['ycsb-a'], records: o.records, ops: o.ops, durationMs: null, warmupOps: null,
    warmupMs: null, keySize: 16, valueSize: '100', distribution: null, seed: o.seed, repeat: o.repeat,
    targetRateOpsPerSec: null, intervalMs: 1000, sets: [], cellCount: cells.length, shard: null,
  };
  return buildDocument(environment, plan, cells, []);
}

/**
 * Runs base and head repeats interleaved, each round in a seeded random order (as the runner
 * shuffles rounds), so that drift or a periodic pause favours neither side.
 */
async function documentsPair(o: SelfTestOptions, index: number, headSlowdown: Record<string, string>): Promise<[ResultDocument, ResultDocument]> {
  const base: CellResult[] = [];
  const head: CellResult[] = [];
  const knobs = { latencyUs: String(o.latencyUs), jitter: String(o.jitter) };
  const order = createRng(o.seed * 7919 + index);
  for (let r = 0; r < o.repeat; r++) {
    const seed = o.seed * 1_000_003 + index * 1009 + r;
    const common = { seed, repeat: r, ops: o.ops, records: o.records };
    const runBase = async (): Promise<void> => void base.push(await runDelayCell({ ...common, knobs }));
    const runHead = async (): Promise<void> => void head.push(await runDelayCell({ ...common, knobs: { ...knobs, ...headSlowdown } }));
    if (order.next() < 0.5) {
      await runBase();
      await runHead();
    } else {
      await runHead();
      await runBase();
    }
  }
  return [document(base, o), document(head, o)];
}

function compare(base: ResultDocument, head: ResultDocument, o: SelfTestOptions, index: number): Comparison {
  return compareDocuments(base, head, { ...DEFAULT_COMPARE_OPTIONS, thresholds: parseThresholds([]), method: o.method, seed: o.seed + index });
}

export async function runSelfTest(over: Partial<SelfTestOptions> = {}): Promise<SelfTestFigures> {
  const o = { ...SELF_TEST_DEFAULTS, ...over };
  const t0 = performance.now();
  let aaFailedGates = 0;
  let aaRegressionVerdicts = 0;
  const aaRegressedMetrics: string[] = [];
  for (let i = 0; i < o.comparisons; i++) {
    const [b, h] = await documentsPair(o, i, {});
    const c = compare(b, h, o, i);
    if (c.exitCode === 1) aaFailedGates++;
    aaRegressionVerdicts += c.counts.regressed;
    for (const m of c.pairs[0]?.metrics ?? []) if (m.verdict === 'regressed') aaRegressedMetrics.push(`${m.id} ${m.changePct}% [${m.ciLowPct}, ${m.ciHighPct}]`);
  }
  const slowReadRegressed: Record<string, number> = { 'read.p50': 0, 'read.p99': 0, 'read.p999': 0 };
  let slowOtherRegressions = 0;
  let slowThroughputRegressed = 0;
  let slowReadComparisons = 0;
  const slowOtherRegressedMetrics: string[] = [];
  for (let i = 0; i < o.comparisons; i++) {
    const [b, h] = await documentsPair(o, o.comparisons + i, { slowdownGet: '1.1' });
    const c = compare(b, h, o, o.comparisons + i);
    if ((c.pairs[0]?.metrics ?? []).some((m) => m.operation === 'read' && m.verdict === 'regressed')) slowReadComparisons++;
    for (const m of c.pairs[0]?.metrics ?? []) {
      if (m.verdict !== 'regressed') continue;
      if (m.operation === 'read') slowReadRegressed[m.id] = (slowReadRegressed[m.id] ?? 0) + 1;
      else if (m.operation !== null) {
        slowOtherRegressions++;
        slowOtherRegressedMetrics.push(`${m.id} ${m.changePct}% [${m.ciLowPct}, ${m.ciHighPct}]`);
      }
      else if (m.id === 'throughput') slowThroughputRegressed++;
    }
  }
  return { options: o, aaFailedGates, aaRegressionVerdicts, aaRegressedMetrics, slowReadRegressed, slowReadComparisons, slowOtherRegressions, slowOtherRegressedMetrics, slowThroughputRegressed, elapsedMs: performance.now() - t0 };
}

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop() ?? '\0')) {
  const over: Partial<Record<keyof SelfTestOptions, number | string>> = {};
  for (const k of ['comparisons', 'repeat', 'ops', 'records', 'latencyUs', 'jitter', 'seed'] as const) {
    const v = argValue(k);
    if (v !== undefined) over[k] = Number(v);
  }
  const method = argValue('method');
  const figures = await runSelfTest({ ...(over as Partial<SelfTestOptions>), ...(method ? { method: method as Method } : {}) });
  process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
  const n = figures.options.comparisons;
  const pass = figures.aaFailedGates <= 1 && figures.slowReadComparisons >= n - 1 && figures.slowOtherRegressions === 0;
  process.stdout.write(
    `A/A: ${figures.aaFailedGates}/${n} comparisons failed the gate (${figures.aaRegressionVerdicts} regression verdicts); ` +
      `10% slower get: ${figures.slowReadComparisons}/${n} comparisons regressed on read (p50 ${figures.slowReadRegressed['read.p50']}, p99 ${figures.slowReadRegressed['read.p99']}, p99.9 ${figures.slowReadRegressed['read.p999']}), ` +
      `${figures.slowOtherRegressions} regression verdicts on update; load average ${loadavg()[0]?.toFixed(1)} on ${cpus().length} cores: ${pass ? 'PASS' : 'FAIL'}\n`,
  );
  process.exitCode = pass ? 0 : 1;
}
