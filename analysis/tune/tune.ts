// statebench tune: search a backend's knob space for one workload within a memory budget.
// 1. RocksDB's (or lmdb-js's) defaults run once; the advice rules read that cell and their
//    suggestions become the first candidates (each alone, then all together).
// 2. Seeded random configurations that fit the budget fill the candidates up to --trials.
// 3. Successive halving picks a winner (short cells first, longer for the survivors).
// 4. The winner runs against the defaults with repeats, interleaved on the same seeds: the
//    measured gain and its 95 % interval are what tune reports.

import { availableParallelism } from 'node:os';
import type { KnobValue } from '../../backends/types.js';
import { loadBackend } from '../../backends/registry.js';
import { adviseDocument } from '../advice/advise.js';
import { buildAdviceContext } from '../advice/facts.js';
import { createRng } from '../../core/rng.js';
import { UsageError } from '../../core/errors.js';
import { formatBytes } from '../../core/units.js';
import type { CellResult, ResultDocument } from '../../core/result/schema.js';
import type { ResolvedRunOptions } from '../../harness/run/options.js';
import type { ProgressSink } from '../../harness/run/progress.js';
import { measureEffect, type Effect } from './effect.js';
import { successiveHalving, type Rung } from './halving.js';
import { runConfigs, type ConfigSpec } from './run-configs.js';
import { changesDurability, fits, key, sampleConfigs, spaceFor, type Config } from './space.js';

export interface TuneOptions {
  readonly run: ResolvedRunOptions;
  readonly backend: string;
  readonly workload: string;
  readonly trials: number;
  readonly memoryBudgetBytes: number | null;
  readonly relaxDurability: boolean;
  /** Run-phase length of the first rung; later rungs get eta times more, up to maxRungMs. */
  readonly rungMs: number;
  readonly maxRungMs: number;
  readonly eta: number;
  readonly verifyRepeats: number;
  readonly verifyMs: number;
  readonly progress?: ProgressSink;
}

export interface Candidate {
  readonly origin: string;
  readonly knobs: Config;
}

export interface TuneResult {
  readonly backend: string;
  readonly workload: string;
  readonly memoryBudgetBytes: number | null;
  readonly candidates: readonly Candidate[];
  readonly rungs: readonly Rung[];
  readonly winner: Candidate;
  /** Throughput of the winner against the defaults (per cent, 95 % interval). */
  readonly gain: Effect;
  readonly effects: readonly Effect[];
  readonly verifyRepeats: number;
  /** Why the defaults are hard to beat here, from what the defaults' cell measured. */
  readonly defaultsFacts: readonly string[];
}

const asText = (c: Config): Record<string, string> => Object.fromEntries(Object.entries(c).map(([k, v]) => [k, String(v)]));

function spec(label: string, backend: string, c: Config): ConfigSpec {
  return { label, backend, knobs: asText(c) };
}

/** Cells per candidate in the rungs after the first. */
export const RUNG_REPEATS = 3;

function medianOf(xs: readonly (number | null)[]): number | null {
  const v = xs.filter((x): x is number => x !== null).sort((a, b) => a - b);
  if (v.length === 0) return null;
  const m = v.length >> 1;
  return v.length % 2 ? (v[m] as number) : ((v[m - 1] as number) + (v[m] as number)) / 2;
}

function throughput(cell: CellResult | undefined): number | null {
  return cell && cell.status === 'ok' ? (cell.phases.run?.throughputOpsPerSec ?? null) : null;
}

/** A one-cell document around the defaults' cell, for the advice rules. */
function asDocument(cell: CellResult, o: TuneOptions): ResultDocument {
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
      backends: [o.backend], workloads: [o.workload], records: o.run.records, ops: null, durationMs: o.rungMs, warmupOps: null, warmupMs: o.run.warmupMs,
      keySize: o.run.keySize, valueSize: o.run.valueSize, distribution: o.run.distribution, seed: o.run.seed, repeat: 1, targetRateOpsPerSec: null,
      intervalMs: o.run.intervalMs, sets: [], cellCount: 1, shard: null, memoryBudgetBytes: o.memoryBudgetBytes,
    },
    cells: [cell],
    recommendations: [],
    warnings: [],
  };
}

export async function tune(o: TuneOptions): Promise<TuneResult> {
  const space = spaceFor(o.backend, o.relaxDurability);
  if (!space) throw new UsageError(`--backend: tune searches lsm or lmdb; '${o.backend}' has no knob space to search`);
  const defaults: Config = {};
  if (!fits(space, defaults, o.memoryBudgetBytes)) {
    throw new UsageError(`--memory-budget ${formatBytes(o.memoryBudgetBytes ?? 0)}: even ${o.backend}'s defaults do not fit (RocksDB's defaults: 2 x 64 MiB write buffers + 8 MiB cache = 136 MiB)`);
  }
  const p = o.progress;
  p?.line(`tune ${o.backend} on ${o.workload}${o.memoryBudgetBytes !== null ? ` within ${formatBytes(o.memoryBudgetBytes)}` : ''}: ${o.trials} candidates`);

  // 1. The defaults once, and the rules' suggestions from that cell.
  const [[first]] = (await runConfigs([spec('defaults', o.backend, defaults)], { base: o.run, workload: o.workload, repeats: 1, durationMs: o.rungMs, ops: null, progress: p })) as [[CellResult]];
  const candidates: Candidate[] = [{ origin: 'defaults', knobs: defaults }];
  const facts: string[] = [];
  if (first.status === 'ok') {
    const doc = asDocument(first, o);
    const recs = adviseDocument(doc, { memoryBudgetBytes: o.memoryBudgetBytes }).filter((r) => r.backend === o.backend && !r.suggestion.backend);
    const all: Record<string, KnobValue> = {};
    for (const r of recs) {
      const changes = r.suggestion.changes ?? {};
      if (!o.relaxDurability && changesDurability(o.backend, changes)) {
        p?.line(`rule ${r.id} suggests ${Object.keys(changes).join(', ')}, which trades durability: left out (--relax-durability includes it)`);
        continue;
      }
      Object.assign(all, changes);
      if (fits(space, changes, o.memoryBudgetBytes)) candidates.push({ origin: `rule ${r.id}`, knobs: { ...changes } });
    }
    if (candidates.length > 2 && fits(space, all, o.memoryBudgetBytes)) candidates.push({ origin: 'rules combined', knobs: all });
    facts.push(...describeDefaults(doc));
  } else {
    p?.line(`defaults cell ${first.status}${first.status === 'errored' ? `: ${first.error}` : ''}`);
  }
  // 2. Sampled configurations up to --trials.
  const rng = createRng(o.run.seed ^ 0x7e57);
  const unique = new Map(candidates.map((c) => [key(c.knobs), c]));
  for (const c of sampleConfigs(space, Math.max(0, o.trials - unique.size), rng, o.memoryBudgetBytes, [...unique.values()].map((c) => c.knobs))) {
    unique.set(key(c), { origin: 'sampled', knobs: c });
  }
  // Knobs at the backend's own default say nothing: the winner is printed as what to change.
  const knobDefaults = await backendDefaults(o.backend);
  const pool = [...unique.values()].map((c) => ({ ...c, knobs: withoutDefaults(c.knobs, knobDefaults) }));

  // 3. Successive halving on run-phase duration.
  // The first rung screens with one cell each; later rungs score the survivors by the median of
  // RUNG_REPEATS interleaved cells, so one lucky cell on a noisy machine does not pick the winner.
  const halving = await successiveHalving({ candidates: pool.length, minBudget: o.rungMs, eta: o.eta, maxBudget: o.maxRungMs }, async (indices, budget) => {
    const repeats = budget > o.rungMs ? RUNG_REPEATS : 1;
    p?.line(`rung: ${indices.length} candidate(s), ${budget} ms each, ${repeats} cell(s) per candidate`);
    const results = await runConfigs(
      indices.map((i) => spec(`trial-${i}`, o.backend, (pool[i] as Candidate).knobs)),
      { base: o.run, workload: o.workload, repeats, durationMs: budget, ops: null, progress: p },
    );
    return results.map((cells) => medianOf(cells.map(throughput)));
  });
  const winner = pool[halving.winner] as Candidate;

  // 4. The winner against the defaults, with repeats.
  p?.line(`verify: winner (${winner.origin}) against the defaults, ${o.verifyRepeats} repeats each, ${o.verifyMs} ms`);
  const [base, head] = (await runConfigs([spec('defaults', o.backend, defaults), spec('winner', o.backend, winner.knobs)], {
    base: o.run,
    workload: o.workload,
    repeats: o.verifyRepeats,
    durationMs: o.verifyMs,
    ops: null,
    progress: p,
  })) as [CellResult[], CellResult[]];
  const gain = key(winner.knobs) === key(defaults) ? measureEffect('throughput', base, base) : measureEffect('throughput', base, head);
  const effects = ['stallMicros', 'writeAmp'].map((m) => measureEffect(m, base, head)).filter((e) => e.changePct !== null);
  return {
    backend: o.backend,
    workload: o.workload,
    memoryBudgetBytes: o.memoryBudgetBytes,
    candidates: pool,
    rungs: halving.rungs,
    winner,
    gain,
    effects,
    verifyRepeats: o.verifyRepeats,
    defaultsFacts: facts,
  };
}

/** What the defaults' cell measured that bounds what tuning can gain. */
function describeDefaults(doc: ResultDocument): string[] {
  const f = buildAdviceContext(doc, null).configs[0];
  if (!f) return [];
  const out: string[] = [];
  const pct = (x: number | null): string => (x === null ? 'n/a' : `${(x * 100).toFixed(1)} %`);
  out.push(`defaults: ${f.opsPerSec !== null ? Math.round(f.opsPerSec).toLocaleString('en-US') : '?'} ops/s (one short cell)`);
  if (f.backend === 'lsm') {
    out.push(`stall share ${pct(f.stallShare)}, block cache hit ratio ${pct(f.blockCacheHitRatio)}, write amplification ${f.writeAmp?.toFixed(1) ?? 'n/a'}, SST bytes ${formatBytes(f.metric('sstBytes') ?? 0)}`);
  }
  const cpu = f.cells[0]?.resources;
  if (cpu && cpu.cpuUserMs !== null && cpu.cpuSysMs !== null) out.push(`cell CPU: user ${cpu.cpuUserMs} ms, sys ${cpu.cpuSysMs} ms`);
  return out;
}

async function backendDefaults(name: string): Promise<Record<string, KnobValue | null>> {
  const b = await loadBackend(name);
  return Object.fromEntries((b?.describe().knobs ?? []).map((k) => [k.name, k.default]));
}

export function withoutDefaults(c: Config, defaults: Readonly<Record<string, KnobValue | null>>): Config {
  return Object.fromEntries(Object.entries(c).filter(([k, v]) => defaults[k] !== v));
}
