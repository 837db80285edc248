// --semantics: how durable each write of a run is (docs/durability.md).
// - flink: every backend as Flink runs its state backend: no per-write durability, durability
//   from checkpoints. Each backend's checkpointSemantics knobs (lsm walEnabled=false, lmdb
//   noSync=true) go under the user's own: a backend whose durability knobs the user set (--set,
//   --sweep, --flink-conf) keeps the user's choice whole.
// - per-write: each engine's own defaults (an lsm WAL handed to the OS, lmdb's fsync per commit).

import { loadBackend } from '../../backends/registry.js';
import { UsageError } from '../../core/errors.js';
import type { BaseKnobs } from './configurations.js';
import type { KnobAxes } from './knob-sets.js';

export const SEMANTICS = ['flink', 'per-write'] as const;
export type Semantics = (typeof SEMANTICS)[number];

export function parseSemantics(raw: string | undefined, fallback: Semantics): Semantics {
  if (raw === undefined) return fallback;
  const s = SEMANTICS.find((v) => v === raw.trim().toLowerCase());
  if (!s) throw new UsageError(`--semantics: '${raw}' is not valid; expected flink (no per-write durability, as Flink runs its state backends) or per-write (each engine's defaults)`);
  return s;
}

/** The base knobs of each backend with the semantics' knobs under them (`base` wins). */
export async function withSemantics(semantics: Semantics, backends: readonly string[], axes: KnobAxes, base: BaseKnobs): Promise<BaseKnobs> {
  if (semantics === 'per-write') return base;
  const out: Record<string, BaseKnobs[string]> = { ...base };
  for (const name of backends) {
    const cs = (await loadBackend(name))?.checkpointSemantics;
    if (!cs) continue;
    const userSet = new Set([...(axes.get(name) ?? []).map((a) => a.knob), ...Object.keys(base[name] ?? {})].map((k) => k.toLowerCase()));
    if (cs.durabilityKnobs.some((k) => userSet.has(k.toLowerCase()))) continue;
    out[name] = { ...cs.knobs, ...(base[name] ?? {}) };
  }
  return out;
}
