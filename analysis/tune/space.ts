// The knob spaces tune samples from, per backend: values a RocksDB or lmdb-js user would try
// (each knob record's `tune` range), with derived knobs kept consistent (stop trigger above
// slowdown trigger). Durability stays as the defaults have it unless relaxed explicitly (WAL, noSync).

import { LMDB_KNOB_RECORDS } from '../../backends/lmdb/knobs.js';
import { LSM_KNOB_RECORDS, lsmDefault } from '../../backends/lsm/knobs.js';
import type { KnobRecord, KnobValue } from '../../backends/types.js';
import { estimateLsm } from '../../harness/budget/estimate.js';
import type { Rng } from '../../core/rng.js';

/** The knob records of the backends tune searches; their `tune` fields are the axes. */
const RECORDS: Readonly<Record<string, readonly KnobRecord[]>> = { lsm: LSM_KNOB_RECORDS, lmdb: LMDB_KNOB_RECORDS };

export type Config = Readonly<Record<string, KnobValue>>;

/** Knobs that trade durability for speed: tune leaves them alone unless told to relax durability. */
export const DURABILITY_KNOBS: Readonly<Record<string, readonly string[]>> = Object.fromEntries(
  Object.entries(RECORDS).map(([backend, records]) => [backend, records.filter((k) => k.tradesDurability).map((k) => k.name)]),
);

export function changesDurability(backend: string, c: Config): boolean {
  return (DURABILITY_KNOBS[backend] ?? []).some((k) => k in c);
}

export interface SearchSpace {
  readonly backend: string;
  readonly axes: Readonly<Record<string, readonly KnobValue[]>>;
  /** Each axis knob's default (what an absent knob means). */
  readonly defaults: Readonly<Record<string, KnobValue | null>>;
  /** Makes a sampled configuration consistent (derived knobs). */
  readonly complete?: (c: Record<string, KnobValue>) => Record<string, KnobValue>;
}

/** The axes of a backend's knob records, in their draw order. */
function axesOf(records: readonly KnobRecord[], relaxDurability: boolean): Record<string, readonly KnobValue[]> {
  const axes: Record<string, readonly KnobValue[]> = {};
  for (const k of [...records].filter((r) => r.tune).sort((a, b) => (a.tune?.draw ?? 0) - (b.tune?.draw ?? 0))) {
    const tune = k.tune as NonNullable<KnobRecord['tune']>;
    const values = !k.tradesDurability || relaxDurability ? tune.values : tune.keepingDurability;
    if (values) axes[k.name] = values;
  }
  return axes;
}

function defaultsOf(records: readonly KnobRecord[]): Record<string, KnobValue | null> {
  return Object.fromEntries(records.map((k) => [k.name, k.default]));
}

export function lsmSpace(relaxDurability: boolean): SearchSpace {
  return {
    backend: 'lsm',
    axes: axesOf(LSM_KNOB_RECORDS, relaxDurability),
    defaults: defaultsOf(LSM_KNOB_RECORDS),
    complete: (c) => {
      // RocksDB stops writes at the stop trigger: keep it above the sampled slowdown trigger.
      const slow = Number(c.level0SlowdownWritesTrigger ?? lsmDefault('level0SlowdownWritesTrigger'));
      const out: Record<string, KnobValue> = { ...c, level0StopWritesTrigger: Math.max(lsmDefault('level0StopWritesTrigger'), slow + 16) };
      if (Number(c.minWriteBufferNumberToMerge ?? lsmDefault('minWriteBufferNumberToMerge')) >= Number(c.maxWriteBufferNumber ?? lsmDefault('maxWriteBufferNumber'))) {
        out.minWriteBufferNumberToMerge = lsmDefault('minWriteBufferNumberToMerge');
      }
      return out;
    },
  };
}

export function lmdbSpace(relaxDurability: boolean): SearchSpace {
  return { backend: 'lmdb', axes: axesOf(LMDB_KNOB_RECORDS, relaxDurability), defaults: defaultsOf(LMDB_KNOB_RECORDS) };
}

export function spaceFor(backend: string, relaxDurability: boolean): SearchSpace | null {
  if (backend === 'lsm') return lsmSpace(relaxDurability);
  if (backend === 'lmdb') return lmdbSpace(relaxDurability);
  return null;
}

/** Whether a configuration's knob-bounded memory fits the budget (LSM; LMDB's cache is small). */
export function fits(space: SearchSpace, c: Config, budgetBytes: number | null): boolean {
  if (budgetBytes === null || space.backend !== 'lsm') return true;
  const bytes = estimateLsm(c, { flinkBudgetBytes: null }).bytes;
  return bytes === null || bytes <= budgetBytes;
}

/** Up to n distinct configurations that fit the budget, sampled uniformly per axis (seeded). */
export function sampleConfigs(space: SearchSpace, n: number, rng: Rng, budgetBytes: number | null, exclude: readonly Config[] = []): Config[] {
  const seen = new Set(exclude.map(key));
  const out: Config[] = [];
  for (let attempt = 0; out.length < n && attempt < n * 200; attempt++) {
    const raw: Record<string, KnobValue> = {};
    for (const [knob, values] of Object.entries(space.axes)) raw[knob] = values[rng.int(values.length)] as KnobValue;
    const c = space.complete ? space.complete(raw) : raw;
    const k = key(c);
    if (seen.has(k) || !fits(space, c, budgetBytes)) continue;
    seen.add(k);
    out.push(c);
  }
  return out;
}

/** A configuration made consistent (derived knobs) and stripped of knobs at their default. */
export function normalise(space: SearchSpace, c: Config): Config {
  const full = space.complete ? space.complete({ ...c }) : { ...c };
  return Object.fromEntries(Object.entries(full).filter(([k, v]) => space.defaults[k] !== v));
}

export function key(c: Config): string {
  return JSON.stringify(Object.keys(c).sort().map((k) => [k, c[k]]));
}
