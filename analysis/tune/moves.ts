// Where tune looks, in order: what the defaults' cells say (the largest measured bottleneck and
// one-knob moves along it, with the memory the budget allows spent there; Flink's predefined
// option sets), then local steps around the best so far (one knob one step along its tune range,
// then pairs of the steps that helped). Random samples come last (space.ts). What to move along a
// bottleneck, and which presets there are, each backend says (BackendTuning).

import { backendTraits } from '../../backends/registry.js';
import type { BottleneckKind, KnobValue, MoveContext } from '../../backends/types.js';
import type { ConfigFacts } from '../advice/facts.js';
import { median } from '../../core/stats.js';
import { formatBytes } from '../../core/units.js';
import { formatShare } from '../../core/numbers.js';
import { fits, normalise, type Config, type SearchSpace } from './space.js';
import { MANAGED_FRACTION } from './taskmanager-space.js';

export interface Move {
  readonly origin: string;
  readonly knobs: Config;
}

export interface Bottleneck {
  readonly kind: BottleneckKind;
  /** A rough share of the run's cost this bottleneck stands for (0..1): only the order matters. */
  readonly score: number;
  /** The measured figures behind it, as text. */
  readonly fact: string;
}

/** Median over cells of the run phase's compaction CPU as a share of the machine's cores. */
function compactionCpuShare(f: ConfigFacts, cores: number): number | null {
  return median(
    f.cells.map((c) => {
      const cpu = c.engine?.metrics.runCompactionCpuMicros;
      const ms = c.phases.run?.durationMs;
      return typeof cpu === 'number' && ms ? cpu / (ms * 1000 * Math.max(1, cores)) : null;
    }),
  );
}

/** The bottlenecks the defaults' cells show, largest first (for a backend that moves along them: BackendTuning.movesAlong). */
export function bottlenecks(f: ConfigFacts, cores: number): Bottleneck[] {
  if (!backendTraits(f.backend)?.tuning?.movesAlong) return [];
  const out: Bottleneck[] = [];
  // The run phase's own hit ratio at its end (the cache as warm as it gets), else the cell's.
  const hit = f.metric('runEndBlockCacheHitRatio') ?? f.blockCacheHitRatio;
  if (hit !== null && f.shape.reads > 0) {
    // Index and filter blocks' share of the misses: what a high-priority pool or partitioning acts on.
    const indexFilter = f.metric('blockCacheIndexFilterMissShare');
    const share = indexFilter !== null ? `, index and filter blocks ${formatShare(indexFilter)} of the misses` : '';
    out.push({ kind: 'cache misses', score: f.shape.reads * (1 - hit), fact: `block-cache hit ratio ${formatShare(hit)} at the end of the run phase, ${formatShare(f.shape.reads)} reads, SST files ${formatBytes(f.metric('sstBytes') ?? 0)}${share}` });
  }
  if (f.stallShare !== null && f.stallShare > 0) out.push({ kind: 'write stalls', score: f.stallShare, fact: `writes stalled ${formatShare(f.stallShare)} of the time` });
  if (f.writeAmp !== null && f.shape.writes > 0) {
    out.push({ kind: 'write amplification', score: f.shape.writes * Math.min(1, f.writeAmp / 10), fact: `write amplification ${f.writeAmp.toFixed(1)}, ${formatShare(f.shape.writes)} writes` });
  }
  const cpu = compactionCpuShare(f, cores);
  if (cpu !== null) {
    out.push({ kind: 'compaction CPU', score: Math.min(1, cpu), fact: `compactions used ${formatShare(cpu)} of the ${cores} cores' time in the run phase` });
  }
  return out.filter((b) => b.score > 0).sort((a, b) => b.score - a.score);
}

/** The largest value of an axis that, set on `base`, still fits the budget. */
function largestFitting(space: SearchSpace, base: Config, knob: string, budget: number | null): KnobValue | null {
  const values = [...(space.axes[knob] ?? [])].filter((v): v is number => typeof v === 'number').sort((a, b) => b - a);
  return values.find((v) => fits(space, { ...base, [knob]: v }, budget)) ?? null;
}

function numberOf(space: SearchSpace, c: Config, knob: string): number {
  return Number(c[knob] ?? space.defaults[knob]);
}

/** One-knob moves (and the memory they need) along a bottleneck, from `base`, as the backend proposes them. */
export function movesAlong(b: BottleneckKind, space: SearchSpace, base: Config, budget: number | null, cores: number): Move[] {
  const ctx: MoveContext = {
    cores,
    largestFitting: (c, knob) => largestFitting(space, c, knob, budget),
    numberOf: (c, knob) => numberOf(space, c, knob),
    axis: (knob) => space.axes[knob] ?? [],
    bounded: space.bounded,
  };
  const proposed = [...(space.tuning.movesAlong?.(b, base, ctx) ?? []), ...fractionMoves(b, space, base)];
  return proposed.filter((m) => fits(space, m.knobs, budget)).map((m) => ({ origin: `${b}: ${m.origin}`, knobs: normalise(space, m.knobs) }));
}

/** Cache misses inside a TaskManager: the next managed fraction up gives the cache more of the TaskManager. */
function fractionMoves(b: BottleneckKind, space: SearchSpace, base: Config): Move[] {
  const fractions = (space.axes[MANAGED_FRACTION] ?? []).map(Number);
  const now = numberOf(space, base, MANAGED_FRACTION);
  const next = fractions.filter((f) => f > now).sort((x, y) => x - y)[0];
  return b === 'cache misses' && next !== undefined ? [{ origin: `managed fraction ${next}: more managed memory for the cache`, knobs: { ...base, [MANAGED_FRACTION]: next } }] : [];
}

/** The backend's presets (Flink's predefined option sets for lsm) that fit the budget. */
export function presetMoves(space: SearchSpace, budget: number | null): Move[] {
  return (space.tuning.presets ?? []).filter((m) => fits(space, m.knobs, budget));
}

/** One knob one step along its tune range, from `best`; axes named in `first` come first. */
export function coordinateSteps(space: SearchSpace, best: Config, budget: number | null, first: readonly string[] = []): Move[] {
  const axes = Object.keys(space.axes).sort((a, b) => rank(first, a) - rank(first, b));
  const out: Move[] = [];
  for (const knob of axes) {
    const values = space.axes[knob] as readonly KnobValue[];
    const current = best[knob] ?? space.defaults[knob];
    const at = values.indexOf(current as KnobValue);
    const neighbours = at < 0 ? values : [values[at - 1], values[at + 1]].filter((v) => v !== undefined);
    for (const v of neighbours) {
      const c = normalise(space, { ...best, [knob]: v as KnobValue });
      if (fits(space, c, budget)) out.push({ origin: `step ${knob}=${String(v)}`, knobs: c });
    }
  }
  return out;
}

function rank(first: readonly string[], knob: string): number {
  const i = first.indexOf(knob);
  return i < 0 ? first.length : i;
}

/** Pairs of steps that each helped (best first), combined on `best`. */
export function pairSteps(space: SearchSpace, best: Config, helped: readonly Move[], budget: number | null): Move[] {
  const out: Move[] = [];
  for (let i = 0; i < helped.length; i++) {
    for (let j = i + 1; j < helped.length; j++) {
      const a = helped[i] as Move;
      const b = helped[j] as Move;
      const c = normalise(space, { ...best, ...a.knobs, ...b.knobs });
      if (fits(space, c, budget)) out.push({ origin: `pair ${a.origin.replace('step ', '')} + ${b.origin.replace('step ', '')}`, knobs: c });
    }
  }
  return out;
}
