// statebench tune: search a backend's knob space for one workload within a memory budget.
// Every cell measures in steady state: after the load the engine settles (flushes and
// compactions done) and a warm-up of one operation per record fills the caches, so a larger cache
// or write buffer is judged in the state it will run in.
// 0. The defaults run twice in each of two rounds: their facts (bottlenecks, the advice rules)
//    and a first A/A estimate of the noise.
// 1. Facts: the advice rules' candidates, Flink's predefined option sets, and one-knob moves
//    along the largest measured bottlenecks (cache misses, write stalls, write amplification,
//    compaction CPU), raced against the defaults (race.ts).
// 2. Steps: one knob one step from the best so far, raced against it.
// 3. Pairs of the steps that helped, and random samples up to --trials, raced against the best.
//    A race's leader becomes the best only when it beats its control beyond the noise.
// 4. The best against the defaults with repeats, interleaved on the same seeds (Mann-Whitney
//    interval): tune names a winner only when the whole interval is a gain.

import { availableParallelism } from 'node:os';
import { backendTraits, tunableBackends } from '../../backends/registry.js';
import type { KnobValue } from '../../backends/types.js';
import { adviseDocument } from '../advice/advise.js';
import { buildAdviceContext, type ConfigFacts } from '../advice/facts.js';
import { createRng } from '../../core/rng.js';
import { UsageError } from '../../core/errors.js';
import { formatBytes } from '../../core/units.js';
import { formatShare, formatWhole } from '../../core/numbers.js';
import type { CellResult, ResultDocument } from '../../core/result/schema.js';
import type { ResolvedRunOptions } from '../../harness/plan/run-options.js';
import type { ProgressSink } from '../../harness/exec/progress.js';
import { AaNoise } from './aa-noise.js';
import { measureEffect, METRICS, type Effect } from './effect.js';
import { bottlenecks, coordinateSteps, movesAlong, pairSteps, presetMoves, type Bottleneck, type Move } from './moves.js';
import { race, type RungPlan } from './race.js';
import type { Candidate, StageResult } from './search-types.js';
import { runConfigs, type ConfigSpec } from './run-configs.js';
import { harnessShare, medianMemory, memoryOf, overBound, type MemoryFigures } from './candidate-memory.js';
import { reasonsFor } from './reasons.js';
import { BOUND_KIND_TEXT, describeTuneTaskManager, MANAGED_FRACTION, summariseTaskManager, taskManagerOf, type TuneTaskManager, type TuneTaskManagerSummary } from './taskmanager-space.js';
import { changesDurability, fits, key, normalise, sampleConfigs, spaceFor, type Config, type SearchSpace } from './space.js';

export interface TuneOptions {
  readonly run: ResolvedRunOptions;
  readonly backend: string;
  readonly workload: string;
  /** Candidates measured, the defaults not counted. */
  readonly trials: number;
  readonly memoryBudgetBytes: number | null;
  /**
   * The TaskManager the search runs in (its managed memory bounds the backend; candidates over the
   * bound are rejected; managed fractions are an axis); null: absolute sizes, no TaskManager.
   */
  readonly taskManager: TuneTaskManager | null;
  /** The flags a `statebench run` of the winner takes as tune had them (--records ..., the TaskManager's). */
  readonly runFlags: readonly string[];
  readonly relaxDurability: boolean;
  /** Run phase of a race's first rung; later rungs get eta times more, up to maxRungMs. */
  readonly rungMs: number;
  readonly maxRungMs: number;
  readonly eta: number;
  readonly verifyRepeats: number;
  readonly verifyMs: number;
  /** Warm-up operations before each measured phase (tune: one per record). */
  readonly warmupOps: number;
  readonly progress?: ProgressSink;
}


/** One cell tune ran, with how warm it measured. */
export interface Measurement {
  readonly stage: string;
  readonly label: string;
  /** Index into candidates; null for the A/A cells' second copy label. */
  readonly candidate: number;
  readonly runMs: number;
  readonly opsPerSec: number | null;
  /** Block-cache hit ratio in the first and last interval of the measured phase (lsm). */
  readonly runStartHitRatio: number | null;
  readonly runEndHitRatio: number | null;
  /** How long the load's flushes and compactions took to finish before the warm-up. */
  readonly settleMs: number | null;
}


export interface Verification {
  readonly repeats: number;
  /** Throughput of the best against the defaults (per cent, 95 % interval). */
  readonly gain: Effect;
  readonly effects: readonly Effect[];
  /** Memory the defaults and the best measured (medians of the repeats). */
  readonly memory: { readonly defaults: MemoryFigures; readonly best: MemoryFigures };
  /** Inside a TaskManager: why the best's memory is over its bound (then it is no winner); null when it fits or there is no bound. */
  readonly overBound: string | null;
}

/** A candidate faster or not, whose cell held more memory than its TaskManager's bound. */
export interface Rejection {
  readonly candidate: number;
  readonly stage: string;
  readonly opsPerSec: number | null;
  readonly memory: MemoryFigures;
  readonly reason: string;
}

export interface TuneResult {
  readonly backend: string;
  readonly workload: string;
  readonly memoryBudgetBytes: number | null;
  /** Inside a TaskManager; null: absolute sizes without one (--unbounded-memory, or --semantics per-write). */
  readonly taskManager: TuneTaskManagerSummary | null;
  readonly runFlags: readonly string[];
  readonly noise: { readonly aaSamplesPct: readonly number[]; readonly sigmaPct: number };
  readonly bottlenecks: readonly Bottleneck[];
  /** Index 0 is the defaults. */
  readonly candidates: readonly Candidate[];
  readonly stages: readonly StageResult[];
  /** The search's best (index into candidates; 0 when nothing beat the defaults). */
  readonly best: number;
  /** The best against the defaults; null when the search kept the defaults. */
  readonly verification: Verification | null;
  /** The best, when the verification's whole interval is a gain; otherwise the defaults stand. */
  readonly winner: Candidate | null;
  /** What the defaults measured: why they are hard to beat here. */
  readonly defaultsFacts: readonly string[];
  /** Candidates rejected for holding more memory than their TaskManager's bound. */
  readonly rejected: readonly Rejection[];
  /** One line per changed key of the best: the evidence the search has for it. */
  readonly reasons: Readonly<Record<string, string>>;
  readonly measurements: readonly Measurement[];
}

/** Cells one paired ratio's difference must exceed, in standard errors, to count as beyond the noise. */
export const BEYOND_NOISE_Z = 2.5;
/** A/A rounds of the defaults before the search. */
const AA_ROUNDS = 2;
/** Cell samples (ms) fine enough to see the cache warm over the measured phase. */
const TUNE_INTERVAL_MS = 250;

/** A configuration as run: its knobs, and inside a TaskManager the TaskManager of its managed fraction. */
function spec(label: string, backend: string, c: Config, tm: TuneTaskManager | null): ConfigSpec {
  if (!tm) return { label, backend, knobs: c };
  const { [MANAGED_FRACTION]: fraction, ...knobs } = c;
  return { label, backend, knobs, taskManager: taskManagerOf(tm, fraction) };
}

/**
 * The bound a configuration's TaskManager sets the backend (its fraction's managed memory), or null
 * without one. `processCounts`: false for an engine whose memory the bound does not reach (an mmap
 * engine's pages, in its process's resident memory but the OS page cache's), whose process growth
 * is then no measure of what it holds against the bound.
 */
function boundOf(backend: string, c: Config, tm: TuneTaskManager | null): { bytes: number; name: string; processCounts: boolean } | null {
  if (!tm) return null;
  const run = taskManagerOf(tm, c[MANAGED_FRACTION]);
  const bound = backendTraits(backend)?.taskManagerBound?.(run.memory) ?? tm.bound;
  return { bytes: bound.bytes, name: `the ${run.processSize} TaskManager's ${BOUND_KIND_TEXT[bound.kind]}`, processCounts: bound.notBounded === undefined };
}

/** The figures a bound holds a configuration to: the process's growth only where the bound reaches it. */
function heldFigures(m: MemoryFigures, bound: { processCounts: boolean }): MemoryFigures {
  return bound.processCounts ? m : { ...m, rssBytes: null };
}

const throughput = (cell: CellResult | undefined): number | null => (cell ? METRICS.throughput!(cell) : null);

function metricOf(cell: CellResult | undefined, name: string): number | null {
  if (!cell || cell.status !== 'ok') return null;
  const v = cell.engine?.metrics[name];
  return typeof v === 'number' ? v : null;
}

/** A document around the defaults' cells, for the advice rules and the facts. */
function asDocument(cells: readonly CellResult[], o: TuneOptions): ResultDocument {
  return {
    schemaVersion: 1,
    tool: { name: 'statebench', version: 'tune' },
    createdAt: new Date().toISOString(),
    environment: {
      os: '', kernel: '', arch: '', cpuModel: '', cpuCount: availableParallelism(),
      memoryBytes: 0, node: process.version, engines: {}, dataDir: null, fsType: null, gitCommit: null, hostname: '',
      clock: { source: '', resolutionNs: null, overheadNs: null },
    },
    plan: {
      backends: [o.backend], workloads: [o.workload], records: o.run.records, ops: null, durationMs: o.rungMs, warmupOps: o.warmupOps, warmupMs: null,
      keySize: o.run.keySize, valueSize: o.run.valueSize, distribution: o.run.distribution, seed: o.run.seed, repeat: cells.length, targetRateOpsPerSec: null,
      intervalMs: TUNE_INTERVAL_MS, sets: [], cellCount: cells.length, shard: null, memoryBudgetBytes: o.memoryBudgetBytes,
    },
    cells: [...cells],
    recommendations: [],
    warnings: [],
  };
}

class Search {
  readonly candidates: Candidate[] = [{ origin: 'defaults', knobs: {} }];
  readonly measurements: Measurement[] = [];
  readonly noise = new AaNoise();
  readonly rejected: Rejection[] = [];
  private readonly tried = new Set<string>([key({})]);
  private round = 0;

  constructor(private readonly o: TuneOptions, readonly space: SearchSpace) {}

  /** Adds moves not tried yet (and fitting the budget); returns their candidate indices. */
  admit(moves: readonly Move[], limit: number): number[] {
    const out: number[] = [];
    for (const m of moves) {
      if (out.length >= limit) break;
      const knobs = normalise(this.space, m.knobs);
      const k = key(knobs);
      if (this.tried.has(k) || !fits(this.space, knobs, this.o.memoryBudgetBytes)) continue;
      if (!this.o.relaxDurability && changesDurability(this.o.backend, knobs)) continue;
      this.tried.add(k);
      this.candidates.push({ origin: m.origin, knobs });
      out.push(this.candidates.length - 1);
    }
    return out;
  }

  get triedCount(): number {
    return this.tried.size;
  }

  triedConfigs(): Config[] {
    return this.candidates.map((c) => c.knobs);
  }

  /** One round: the control once or twice and the given candidates once, interleaved, on one seed. */
  async runRound(stage: string, control: number, indices: readonly number[], runMs: number, controlCells: 1 | 2): Promise<{ controls: CellResult[]; cells: CellResult[]; fits: boolean[] }> {
    const seed = (this.o.run.seed + Math.imul(++this.round, 0x2545f491)) | 0;
    const ctl = this.candidates[control] as Candidate;
    const controlLabels = controlCells === 2 ? ['control', 'control-again'] : ['control'];
    const tm = this.o.taskManager;
    const specs = [...controlLabels.map((l) => spec(l, this.o.backend, ctl.knobs, tm)), ...indices.map((i) => spec(`candidate-${i}`, this.o.backend, (this.candidates[i] as Candidate).knobs, tm))];
    const results = await runConfigs(specs, {
      base: { ...this.o.run, seed },
      workload: this.o.workload,
      repeats: 1,
      durationMs: runMs,
      ops: null,
      steady: { warmupOps: this.o.warmupOps, intervalMs: TUNE_INTERVAL_MS },
      ...(this.o.progress ? { progress: this.o.progress } : {}),
    });
    const cells = results.map((r) => r[0] as CellResult);
    const n = controlLabels.length;
    cells.forEach((cell, j) => this.record(stage, j < n ? (controlLabels[j] as string) : `candidate-${indices[j - n]}`, j < n ? control : (indices[j - n] as number), runMs, cell));
    const candidateCells = cells.slice(n);
    // The harness's share of a process's growth, measured on the control in this round.
    const harness = harnessShare(cells.slice(0, n).map(memoryOf));
    return { controls: cells.slice(0, n), cells: candidateCells, fits: candidateCells.map((cell, j) => this.withinBound(stage, indices[j] as number, cell, harness)) };
  }

  /**
   * False when a candidate's cell held more memory than its TaskManager's bound: the race then
   * counts it as failed (and drops it, however fast), and the rejection is kept with its figures.
   */
  private withinBound(stage: string, candidate: number, cell: CellResult, harness: number | null): boolean {
    const c = this.candidates[candidate] as Candidate;
    const bound = boundOf(this.o.backend, c.knobs, this.o.taskManager);
    if (!bound || cell.status !== 'ok') return true;
    const memory = memoryOf(cell);
    const over = overBound(heldFigures(memory, bound), bound.bytes, bound.name, harness);
    if (over === null) return true;
    if (!this.rejected.some((r) => r.candidate === candidate)) {
      this.rejected.push({ candidate, stage, opsPerSec: throughput(cell), memory, reason: over });
      this.o.progress?.line(`  rejected ${c.origin} (${formatWhole(throughput(cell), '?')} ops/s): ${over}`);
    }
    return false;
  }

  record(stage: string, label: string, candidate: number, runMs: number, cell: CellResult): void {
    this.measurements.push({
      stage,
      label,
      candidate,
      runMs,
      opsPerSec: throughput(cell),
      runStartHitRatio: metricOf(cell, 'runStartBlockCacheHitRatio'),
      runEndHitRatio: metricOf(cell, 'runEndBlockCacheHitRatio'),
      settleMs: metricOf(cell, 'settleMs'),
    });
  }

  rungs(): RungPlan[] {
    const { rungMs, maxRungMs, eta } = this.o;
    return [
      { durationMs: rungMs, rounds: 1 },
      { durationMs: Math.min(maxRungMs, rungMs * eta), rounds: 2 },
      { durationMs: maxRungMs, rounds: 3 },
    ];
  }

  /** Races `entrants` against `control`; the leader becomes the best only beyond the noise. */
  async stage(name: string, control: number, entrants: readonly number[]): Promise<StageResult> {
    const p = this.o.progress;
    p?.line(`${name}: ${entrants.length} candidate(s) against ${control === 0 ? 'the defaults' : `the best so far (${this.candidates[control]?.origin})`}`);
    const result = await race({ candidates: entrants.length, rungs: this.rungs(), eta: this.o.eta, noise: this.noise, z: BEYOND_NOISE_Z }, async (alive, runMs, controlCells) => {
      p?.line(`  round: ${alive.length} candidate(s) + the control${controlCells === 2 ? ' twice' : ''}, ${runMs} ms each`);
      const { controls, cells, fits: within } = await this.runRound(name, control, alive.map((j) => entrants[j] as number), runMs, controlCells);
      return { controls: controls.map(throughput), values: cells.map((c, j) => (within[j] ? throughput(c) : null)) };
    });
    const leader = result.leader !== null ? (entrants[result.leader] as number) : null;
    const bestAfter = result.beatsControl && leader !== null ? leader : control;
    if (leader !== null) {
      p?.line(`  leader ${this.candidates[leader]?.origin}: ${result.leaderGainPct} % over the control (low ${result.leaderLowPct} %); ${result.beatsControl ? 'beyond the noise: the new best' : 'within the noise: the control stays'}`);
    }
    return { name, control, entrants, race: result, bestAfter };
  }
}

export async function tune(o: TuneOptions): Promise<TuneResult> {
  const space = spaceFor(o.backend, o.relaxDurability, o.taskManager);
  if (!space) throw new UsageError(`--backend: tune searches ${tunableBackends().join(' or ')}; '${o.backend}' has no knob space to search`);
  if (!fits(space, {}, o.memoryBudgetBytes)) {
    throw new UsageError(`--memory-budget ${formatBytes(o.memoryBudgetBytes ?? 0)}: even ${o.backend}'s defaults do not fit (RocksDB's defaults: 2 x 64 MiB write buffers + 8 MiB cache = 136 MiB)`);
  }
  const p = o.progress;
  p?.line(`tune ${o.backend} on ${o.workload}${o.memoryBudgetBytes !== null ? ` within ${formatBytes(o.memoryBudgetBytes)}` : ''}${o.taskManager ? ` inside ${describeTuneTaskManager(o.taskManager)}` : ''}: up to ${o.trials} candidates; every cell settles after its load and warms up with ${o.warmupOps.toLocaleString('en-US')} operations`);
  for (const note of o.taskManager?.notes ?? []) p?.line(note);
  const s = new Search(o, space);

  // 0. The defaults, A/A: their facts and a first noise estimate.
  const defaultsCells: CellResult[] = [];
  for (let r = 0; r < AA_ROUNDS; r++) {
    const { controls } = await s.runRound('defaults (A/A)', 0, [], o.rungMs, 2);
    const [a, b] = controls.map(throughput);
    if (a && b) s.noise.add(Math.log(b / a));
    defaultsCells.push(...controls);
  }
  const ok = defaultsCells.filter((c) => c.status === 'ok');
  if (ok.length === 0) throw new Error(`the defaults' cells failed: ${defaultsCells.map((c) => (c.status === 'errored' ? c.error : c.status)).join('; ')}`);
  const doc = asDocument(ok, o);
  const facts = buildAdviceContext(doc, o.memoryBudgetBytes).configs[0] as ConfigFacts;
  const cores = availableParallelism();
  const found = bottlenecks(facts, cores);
  for (const b of found) p?.line(`bottleneck: ${b.kind} (${b.fact})`);

  // 1. What the facts suggest.
  const ruleMoves: Move[] = [];
  const combined: Record<string, KnobValue> = {};
  for (const r of adviseDocument(doc, { memoryBudgetBytes: o.memoryBudgetBytes }).filter((x) => x.backend === o.backend && !x.suggestion.backend)) {
    const changes = r.suggestion.changes ?? {};
    const sized = Object.keys(changes).filter((k) => o.taskManager && backendTraits(o.backend)?.sizedByTaskManagerBound?.includes(k));
    if (sized.length > 0) {
      p?.line(`rule ${r.id} suggests ${sized.join(', ')}, which the TaskManager's memory sizes (a larger TaskManager is a cost, not a setting): left out`);
      continue;
    }
    if (!o.relaxDurability && changesDurability(o.backend, changes)) {
      p?.line(`rule ${r.id} suggests ${Object.keys(changes).join(', ')}, which trades durability: left out (--relax-durability includes it)`);
      continue;
    }
    Object.assign(combined, changes);
    ruleMoves.push({ origin: `rule ${r.id}`, knobs: { ...changes } });
  }
  if (ruleMoves.length > 1) ruleMoves.push({ origin: 'rules combined', knobs: combined });
  // Flink's presets turn the WAL off, as Flink does: like for like only when the run has it off too.
  const walOff = o.run.baseKnobs[o.backend]?.walEnabled === 'false';
  let presets = presetMoves(space, o.memoryBudgetBytes);
  if (!walOff && !o.relaxDurability && presets.length > 0) {
    p?.line("Flink's predefined option sets turn the WAL off: left out under --semantics per-write (--relax-durability includes them)");
    presets = [];
  }
  const factMoves = [...ruleMoves, ...found.slice(0, 2).flatMap((b) => movesAlong(b.kind, space, {}, o.memoryBudgetBytes, cores)), ...presets];
  const stages: StageResult[] = [];
  let best = 0;
  const budgetLeft = (): number => Math.max(0, o.trials + 1 - s.triedCount);
  const factsEntrants = s.admit(factMoves, Math.min(budgetLeft(), Math.ceil(o.trials / 3)));
  if (factsEntrants.length > 0) {
    const st = await s.stage('facts', best, factsEntrants);
    stages.push(st);
    best = st.bestAfter;
  }

  // 2. One knob one step from the best, the bottleneck's knobs first.
  const first = found.flatMap((b) => space.tuning.bottleneckAxes?.[b.kind] ?? []);
  const stepBase = (s.candidates[best] as Candidate).knobs;
  const stepEntrants = s.admit(coordinateSteps(space, stepBase, o.memoryBudgetBytes, first), Math.ceil(budgetLeft() / 2));
  let helped: Move[] = [];
  if (stepEntrants.length > 0) {
    const st = await s.stage('steps', best, stepEntrants);
    stages.push(st);
    helped = st.race.standings
      .filter((x) => x.meanLogRatio !== null && x.meanLogRatio > 0)
      .sort((x, y) => (y.meanLogRatio as number) - (x.meanLogRatio as number))
      .slice(0, 3)
      .map((x) => s.candidates[stepEntrants[x.index] as number] as Candidate);
    best = st.bestAfter;
  }

  // 3. Pairs of the steps that helped, then random samples up to --trials.
  const pairs = s.admit(pairSteps(space, stepBase, helped, o.memoryBudgetBytes), budgetLeft());
  const rng = createRng(o.run.seed ^ 0x7e57);
  const samples = s.admit(
    sampleConfigs(space, budgetLeft() * 2, rng, o.memoryBudgetBytes, s.triedConfigs()).map((knobs) => ({ origin: 'sampled', knobs })),
    budgetLeft(),
  );
  if (pairs.length + samples.length > 0) {
    const st = await s.stage('pairs and samples', best, [...pairs, ...samples]);
    stages.push(st);
    best = st.bestAfter;
  }

  // 4. The best against the defaults.
  let verification: Verification | null = null;
  const bestCandidate = s.candidates[best] as Candidate;
  if (best !== 0) {
    p?.line(`verify: the best (${bestCandidate.origin}) against the defaults, ${o.verifyRepeats} repeats each, ${o.verifyMs} ms`);
    const [base, head] = (await runConfigs([spec('defaults', o.backend, {}, o.taskManager), spec('best', o.backend, bestCandidate.knobs, o.taskManager)], {
      base: o.run,
      workload: o.workload,
      repeats: o.verifyRepeats,
      durationMs: o.verifyMs,
      ops: null,
      steady: { warmupOps: o.warmupOps, intervalMs: TUNE_INTERVAL_MS },
      ...(p ? { progress: p } : {}),
    })) as [CellResult[], CellResult[]];
    base.forEach((c) => s.record('verify', 'defaults', 0, o.verifyMs, c));
    head.forEach((c) => s.record('verify', 'best', best, o.verifyMs, c));
    const memory = { defaults: medianMemory(base), best: medianMemory(head) };
    const bound = boundOf(o.backend, bestCandidate.knobs, o.taskManager);
    verification = {
      repeats: o.verifyRepeats,
      gain: measureEffect('throughput', base, head),
      effects: ['stallMicros', 'writeAmp'].map((m) => measureEffect(m, base, head)).filter((e) => e.changePct !== null),
      memory,
      overBound: bound ? overBound(heldFigures(memory.best, bound), bound.bytes, bound.name, harnessShare(base.map(memoryOf))) : null,
    };
  }
  return {
    backend: o.backend,
    workload: o.workload,
    memoryBudgetBytes: o.memoryBudgetBytes,
    taskManager: o.taskManager ? summariseTaskManager(o.taskManager) : null,
    runFlags: o.runFlags,
    noise: { aaSamplesPct: s.noise.samplesPct(), sigmaPct: Math.round(s.noise.sigma() * 1e4) / 100 },
    bottlenecks: found,
    candidates: s.candidates,
    stages,
    best,
    verification,
    winner: winnerOf(bestCandidate, verification),
    defaultsFacts: describeDefaults(facts, found),
    rejected: s.rejected,
    reasons: reasonsFor(space, s.candidates, stages, best, found),
    measurements: s.measurements,
  };
}

/** The best is a winner only when the verification's whole 95 % interval is a gain. */
export function winnerOf(best: Candidate, verification: Verification | null): Candidate | null {
  const low = verification?.gain.ciLowPct ?? null;
  return low !== null && low > 0 ? best : null;
}

/** What the defaults' cells measured that bounds what tuning can gain. */
function describeDefaults(f: ConfigFacts, found: readonly Bottleneck[]): string[] {
  const out: string[] = [];
  const pct = (x: number | null): string => formatShare(x, 'n/a');
  out.push(`defaults: ${formatWhole(f.opsPerSec, '?')} ops/s (median of ${f.cells.length} cells)`);
  // A backend tuned along bottlenecks: the figures they are read from.
  if (backendTraits(f.backend)?.tuning?.movesAlong) {
    out.push(`stall share ${pct(f.stallShare)}, block cache hit ratio ${pct(f.metric('runEndBlockCacheHitRatio'))} at the end of the run phase, write amplification ${f.writeAmp?.toFixed(1) ?? 'n/a'}, SST bytes ${formatBytes(f.metric('sstBytes') ?? 0)}`);
  }
  if (found.length === 0) out.push('no bottleneck stood out');
  const cpu = f.cells[0]?.resources;
  if (cpu && cpu.cpuUserMs !== null && cpu.cpuSysMs !== null) out.push(`cell CPU: user ${cpu.cpuUserMs} ms, sys ${cpu.cpuSysMs} ms`);
  return out;
}
