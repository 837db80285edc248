// Compares two result documents: pairs their cell groups, and for every metric of every pair
// computes the relative change of HEAD against BASE with a 95 % interval from the repeats and a
// verdict. Pure: documents in, a Comparison out (the CLI does the files and the exit code).

import type { CellResult, ResultDocument } from '../../core/result/schema.js';
import { UsageError } from '../../core/errors.js';
import { BOOTSTRAP_MIN_REPEATS, bootstrapRatioOfMeans } from './bootstrap.js';
import { hodgesLehmannChange, mannWhitneyMinRepeats } from './mann-whitney.js';
import { cellMetrics, metricLabel, MIN_TAIL_SAMPLES, tailQuantile } from './metrics.js';
import { pairDocuments, type GroupPair } from './pairing.js';
import { checkSelectorsMatch, normaliseSelector, selectorMatches } from './selectors.js';
import { thresholdFor, type Thresholds } from './thresholds.js';
import { decideVerdict } from './verdict.js';
import type {
  ChangeInterval,
  Comparison,
  DocumentInfo,
  MetricComparison,
  MetricDefinition,
  Method,
  PairComparison,
  SampleSummary,
  UnpairedGroup,
  Verdict,
} from './types.js';

export const CONFIDENCE = 0.95;

export interface CompareOptions {
  readonly thresholds: Thresholds;
  /** Selectors of the metrics that gate; ['all'] (default) or e.g. ['throughput', 'p99']; ['none'] gates nothing. */
  readonly failOn: readonly string[];
  readonly method: Method;
  readonly resamples: number;
  readonly seed: number;
  readonly baseLabel: string;
  readonly headLabel: string;
  /** Knobs left out of pairing (`knob` or `backend.knob`): compares two settings of a knob, or a build with an injected delay. */
  readonly ignoreKnobs?: readonly string[];
}

export const DEFAULT_COMPARE_OPTIONS: Omit<CompareOptions, 'thresholds'> = {
  failOn: ['all'],
  // Rank-based with exact coverage at small repeat counts; the bootstrap undercovers there
  // (more A/A false alarms in bench/gate-self-test.ts).
  method: 'mann-whitney',
  resamples: 10_000,
  seed: 1,
  baseLabel: 'base',
  headLabel: 'head',
};

export function minRepeatsFor(method: Method): number {
  return method === 'bootstrap' ? BOOTSTRAP_MIN_REPEATS : mannWhitneyMinRepeats(CONFIDENCE);
}

function info(doc: ResultDocument, label: string): DocumentInfo {
  return { label, createdAt: doc.createdAt, gitCommit: doc.environment.gitCommit, cells: doc.cells.length };
}

/** 32-bit FNV-1a: a stable per-metric seed, so one metric's interval does not depend on the others. */
function hash(text: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h | 0;
}

function summary(values: readonly number[]): SampleSummary {
  if (values.length === 0) return { n: 0, mean: null, min: null, max: null, values: [] };
  let s = 0;
  for (const v of values) s += v;
  return { n: values.length, mean: s / values.length, min: Math.min(...values), max: Math.max(...values), values: [...values] };
}

const pct = (x: number): number => Math.round(x * 1e6) / 1e4;

/** Metric values of the usable cells of a group, by metric id. */
interface Collected {
  readonly defs: Map<string, MetricDefinition>;
  readonly values: Map<string, number[]>;
  /** Latency metrics: the fewest timed operations of any cell. */
  readonly minTimed: Map<string, number>;
}

function collect(cells: readonly CellResult[]): Collected {
  const defs = new Map<string, MetricDefinition>();
  const values = new Map<string, number[]>();
  const minTimed = new Map<string, number>();
  for (const cell of cells) {
    for (const { def, value, timed } of cellMetrics(cell)) {
      defs.set(def.id, def);
      const list = values.get(def.id) ?? [];
      list.push(value);
      values.set(def.id, list);
      if (timed !== undefined) minTimed.set(def.id, Math.min(timed, minTimed.get(def.id) ?? Infinity));
    }
  }
  return { defs, values, minTimed };
}

export function compareDocuments(base: ResultDocument, head: ResultDocument, options: CompareOptions): Comparison {
  const pairing = pairDocuments(base, head, options.ignoreKnobs ?? []);
  const failOn = options.failOn.map(normaliseSelector);
  const minRepeats = minRepeatsFor(options.method);

  const unpaired: UnpairedGroup[] = pairing.unpaired.map(({ side, identity, group }) => ({
    ...identity,
    side,
    cells: group.cells.map((c) => c.id),
    reason: `only in ${side === 'base' ? options.baseLabel : options.headLabel}${statusNote(group.cells)}`,
  }));

  const pairs: PairComparison[] = [];
  for (const pair of pairing.pairs) {
    const usableBase = pair.base.cells.filter((c) => c.status === 'ok');
    const usableHead = pair.head.cells.filter((c) => c.status === 'ok');
    if (usableBase.length === 0 || usableHead.length === 0) {
      // Paired on identity, but one side measured nothing: list both sides as unpaired, with why.
      for (const [side, group, usable] of [
        ['base', pair.base, usableBase],
        ['head', pair.head, usableHead],
      ] as const) {
        unpaired.push({
          ...pair.identity,
          side,
          cells: group.cells.map((c) => c.id),
          reason: usable.length === 0 ? `no ok cell in ${side === 'base' ? options.baseLabel : options.headLabel}${statusNote(group.cells)}` : 'its partner has no ok cell',
        });
      }
      continue;
    }
    pairs.push(comparePair(pair, usableBase, usableHead, options, failOn, minRepeats));
  }

  if (pairs.length === 0) {
    throw new UsageError(
      `no cells in common between ${options.baseLabel} (${base.cells.length} cells) and ${options.headLabel} (${head.cells.length} cells) with measurements on both sides; cells pair by backend, resolved knobs, workload parameters and thread count (--threads)`,
    );
  }

  const allDefs = pairs.flatMap((p) => p.metrics);
  checkSelectorsMatch('--fail-on', failOn, allDefs);
  checkSelectorsMatch('--threshold', Object.keys(options.thresholds.bySelector), allDefs);

  const counts = { improved: 0, regressed: 0, unchanged: 0, inconclusive: 0 };
  const gatingRegressions: Comparison['gatingRegressions'][number][] = [];
  for (const p of pairs) {
    for (const m of p.metrics) {
      counts[m.verdict]++;
      if (m.verdict === 'regressed' && m.gating) gatingRegressions.push({ benchmark: p.benchmark, metric: metricLabel(m), changePct: m.changePct });
    }
  }

  return {
    base: info(base, options.baseLabel),
    head: info(head, options.headLabel),
    settings: {
      method: options.method,
      confidence: CONFIDENCE,
      defaultThresholdPct: options.thresholds.defaultPct,
      thresholdsPct: { ...options.thresholds.bySelector },
      failOn,
      minRepeats,
      ignoreKnobs: [...(options.ignoreKnobs ?? [])],
      resamples: options.resamples,
      seed: options.seed,
    },
    pairs,
    unpaired,
    counts,
    gatingRegressions,
    exitCode: gatingRegressions.length > 0 ? 1 : 0,
  };
}

function statusNote(cells: readonly CellResult[]): string {
  const notOk = cells.filter((c) => c.status !== 'ok');
  if (notOk.length === 0) return '';
  const byStatus = new Map<string, number>();
  for (const c of notOk) byStatus.set(c.status, (byStatus.get(c.status) ?? 0) + 1);
  return ` (${[...byStatus].map(([s, n]) => `${n} ${s}`).join(', ')})`;
}

function comparePair(
  pair: GroupPair,
  baseCells: readonly CellResult[],
  headCells: readonly CellResult[],
  o: CompareOptions,
  failOn: readonly string[],
  minRepeats: number,
): PairComparison {
  const b = collect(baseCells);
  const h = collect(headCells);
  const notes: string[] = [];
  const leftOut = [...pair.base.cells, ...pair.head.cells].filter((c) => c.status !== 'ok');
  if (leftOut.length > 0) notes.push(`left out ${leftOut.length} cell(s) not ok: ${leftOut.map((c) => `${c.id} (${c.status})`).join(', ')}`);

  const metrics: MetricComparison[] = [];
  for (const [id, def] of b.defs) {
    if (!h.defs.has(id)) {
      notes.push(`${metricLabel(def)} only in ${o.baseLabel}`);
      continue;
    }
    const thresholdPct = thresholdFor(o.thresholds, def);
    const gating = !failOn.includes('none') && failOn.some((s) => selectorMatches(s, def));
    const timed = Math.min(b.minTimed.get(id) ?? Infinity, h.minTimed.get(id) ?? Infinity);
    metrics.push(compareMetric(def, b.values.get(id) ?? [], h.values.get(id) ?? [], thresholdPct, gating, o, minRepeats, pair.identity.key, timed));
  }
  for (const [id, def] of h.defs) if (!b.defs.has(id)) notes.push(`${metricLabel(def)} only in ${o.headLabel}`);

  const nBase = Math.min(...metrics.map((m) => m.base.n), baseCells.length);
  const nHead = Math.min(...metrics.map((m) => m.head.n), headCells.length);
  if (nBase < minRepeats || nHead < minRepeats) {
    notes.push(
      `inconclusive: the ${o.method} interval needs at least ${minRepeats} repeats on each side; ${o.baseLabel} has ${nBase}, ${o.headLabel} has ${nHead} (run both with --repeat ${minRepeats} or more)`,
    );
  }
  return {
    ...pair.identity,
    baseCells: pair.base.cells.map((c) => c.id),
    headCells: pair.head.cells.map((c) => c.id),
    metrics,
    notes,
  };
}

function compareMetric(
  def: MetricDefinition,
  baseValues: readonly number[],
  headValues: readonly number[],
  thresholdPct: number,
  gating: boolean,
  o: CompareOptions,
  minRepeats: number,
  pairKey: string,
  timed: number,
): MetricComparison {
  const base = summary(baseValues);
  const head = summary(headValues);
  const common = { ...def, base, head, thresholdPct, gating };
  const inconclusive = (note: string, change: ChangeInterval | null = null): MetricComparison => ({
    ...common,
    changePct: change ? pct(change.estimate) : base.mean && head.mean !== null ? pct(head.mean / base.mean - 1) : null,
    ciLowPct: change ? pct(change.low) : null,
    ciHighPct: change ? pct(change.high) : null,
    verdict: 'inconclusive',
    note,
  });
  if (base.n < minRepeats || head.n < minRepeats) {
    return inconclusive(`too few repeats: ${base.n} vs ${head.n}, the ${o.method} interval needs ${minRepeats} on each side`);
  }
  const q = tailQuantile(def.family);
  if (q !== null && Number.isFinite(timed) && timed * (1 - q) < MIN_TAIL_SAMPLES) {
    const needed = Math.ceil(MIN_TAIL_SAMPLES / (1 - q));
    return inconclusive(
      `too few timed ops for ${metricLabel(def)}: ${timed.toLocaleString('en-US')} in a cell, ${Math.floor(timed * (1 - q))} beyond the percentile; it needs ${needed.toLocaleString('en-US')} timed ops per cell (more --ops or --duration)`,
    );
  }
  const change =
    o.method === 'bootstrap'
      ? bootstrapRatioOfMeans(baseValues, headValues, { resamples: o.resamples, confidence: CONFIDENCE, seed: hash(`${pairKey}|${def.id}`, o.seed) })
      : hodgesLehmannChange(baseValues, headValues, CONFIDENCE);
  if (!change) {
    return inconclusive(o.method === 'bootstrap' ? 'base mean is 0: no relative change' : 'a value is 0 or negative: no ratio');
  }
  const verdict: Verdict = decideVerdict(change, def.direction, thresholdPct / 100);
  return {
    ...common,
    changePct: pct(change.estimate),
    ciLowPct: pct(change.low),
    ciHighPct: pct(change.high),
    verdict,
    note: null,
  };
}
