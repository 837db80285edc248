// The knob spaces tune samples from, per backend: values a user of the engine would try (each
// knob record's `tune` range), with derived knobs kept consistent (the backend's `complete`).
// Durability stays as the defaults have it unless relaxed explicitly (WAL, noSync). Each backend
// supplies its space (BackendTraits.tuning: backends/lsm/tuning.ts, backends/lmdb/traits.ts).

import { backendTraits } from '../../backends/registry.js';
import type { BackendTuning, KnobRecord, KnobValue, TuneConfig } from '../../backends/types.js';
import type { Rng } from '../../core/rng.js';
import { MANAGED_FRACTION, type TuneTaskManager } from './taskmanager-space.js';

export type Config = TuneConfig;

/** Knobs that trade durability for speed: tune leaves them alone unless told to relax durability. */
export function changesDurability(backend: string, c: Config): boolean {
  const records = backendTraits(backend)?.tuning?.records ?? [];
  return records.some((k) => k.tradesDurability && k.name in c);
}

export interface SearchSpace {
  readonly backend: string;
  readonly axes: Readonly<Record<string, readonly KnobValue[]>>;
  /** Each axis knob's default (what an absent knob means). */
  readonly defaults: Readonly<Record<string, KnobValue | null>>;
  /** How the backend refines the search: derived knobs, memory, moves, paste forms. */
  readonly tuning: BackendTuning;
  /** Inside a TaskManager whose memory bounds the backend: the knobs' bounded ranges, and the managed fraction as an axis. */
  readonly bounded: boolean;
}

/** The axes of a backend's knob records, in their draw order (under a bound, their bounded ranges). */
function axesOf(records: readonly KnobRecord[], relaxDurability: boolean, bounded: boolean): Record<string, readonly KnobValue[]> {
  const axes: Record<string, readonly KnobValue[]> = {};
  for (const k of [...records].filter((r) => r.tune).sort((a, b) => (a.tune?.draw ?? 0) - (b.tune?.draw ?? 0))) {
    const tune = k.tune as NonNullable<KnobRecord['tune']>;
    const values = !k.tradesDurability || relaxDurability ? (bounded ? (tune.bounded ?? tune.values) : tune.values) : tune.keepingDurability;
    if (values && values.length > 0) axes[k.name] = values;
  }
  return axes;
}

function defaultsOf(records: readonly KnobRecord[]): Record<string, KnobValue | null> {
  return Object.fromEntries(records.map((k) => [k.name, k.default]));
}

/**
 * The space of a backend that offers one (BackendTraits.tuning), else null. Inside a TaskManager
 * (`tm`) that bounds the backend's memory the knobs take their bounded ranges, and the managed
 * fractions the TaskManager allows are one more axis, under their Flink key.
 */
export function spaceFor(backend: string, relaxDurability: boolean, tm: TuneTaskManager | null = null): SearchSpace | null {
  const tuning = backendTraits(backend)?.tuning;
  if (!tuning) return null;
  const bounded = tm !== null;
  const axes = axesOf(tuning.records, relaxDurability, bounded);
  const defaults = defaultsOf(tuning.records);
  if (tm && tm.fractions.length > 1) {
    axes[MANAGED_FRACTION] = tm.fractions.map((f) => f.fraction);
    defaults[MANAGED_FRACTION] = tm.baseFraction;
  }
  return { backend, axes, defaults, tuning, bounded };
}

/** Whether a configuration's knob-bounded memory fits the budget (as its backend counts it; none counted: it fits). */
export function fits(space: SearchSpace, c: Config, budgetBytes: number | null): boolean {
  if (budgetBytes === null || !space.tuning.memoryBytes) return true;
  const bytes = space.tuning.memoryBytes(c);
  return bytes === null || bytes <= budgetBytes;
}

/** A configuration made consistent (the backend's derived knobs). */
function completed(space: SearchSpace, c: Record<string, KnobValue>): Record<string, KnobValue> {
  return space.tuning.complete ? space.tuning.complete(c) : c;
}

/** Up to n distinct configurations that fit the budget, sampled uniformly per axis (seeded). */
export function sampleConfigs(space: SearchSpace, n: number, rng: Rng, budgetBytes: number | null, exclude: readonly Config[] = []): Config[] {
  const seen = new Set(exclude.map(key));
  const out: Config[] = [];
  for (let attempt = 0; out.length < n && attempt < n * 200; attempt++) {
    const raw: Record<string, KnobValue> = {};
    for (const [knob, values] of Object.entries(space.axes)) raw[knob] = values[rng.int(values.length)] as KnobValue;
    const c = completed(space, raw);
    const k = key(c);
    if (seen.has(k) || !fits(space, c, budgetBytes)) continue;
    seen.add(k);
    out.push(c);
  }
  return out;
}

/** A configuration made consistent (derived knobs) and stripped of knobs at their default. */
export function normalise(space: SearchSpace, c: Config): Config {
  const full = completed(space, { ...c });
  return Object.fromEntries(Object.entries(full).filter(([k, v]) => space.defaults[k] !== v));
}

export function key(c: Config): string {
  return JSON.stringify(Object.keys(c).sort().map((k) => [k, c[k]]));
}
