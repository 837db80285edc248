// The knob spaces tune samples from, per backend: values a RocksDB or lmdb-js user would try,
// with derived knobs kept consistent (stop trigger above slowdown trigger, L1 sized to L0 when
// asked). Durability stays as the defaults have it unless relaxed explicitly (WAL, noSync).

import type { KnobValue } from '../../backends/types.js';
import { estimateLsm } from '../../harness/budget/estimate.js';
import type { Rng } from '../../core/rng.js';

const MiB = 1024 * 1024;

export type Config = Readonly<Record<string, KnobValue>>;

/** Knobs that trade durability for speed: tune leaves them alone unless told to relax durability. */
export const DURABILITY_KNOBS: Readonly<Record<string, readonly string[]>> = {
  lsm: ['walEnabled', 'syncWrites'],
  lmdb: ['noSync', 'noMetaSync', 'useWritemap', 'overlappingSync'],
};

export function changesDurability(backend: string, c: Config): boolean {
  return (DURABILITY_KNOBS[backend] ?? []).some((k) => k in c);
}

export interface SearchSpace {
  readonly backend: string;
  readonly axes: Readonly<Record<string, readonly KnobValue[]>>;
  /** Makes a sampled configuration consistent (derived knobs). */
  readonly complete?: (c: Record<string, KnobValue>) => Record<string, KnobValue>;
}

export function lsmSpace(relaxDurability: boolean): SearchSpace {
  return {
    backend: 'lsm',
    axes: {
      writeBufferSize: [8 * MiB, 16 * MiB, 32 * MiB, 64 * MiB, 128 * MiB],
      maxWriteBufferNumber: [2, 3, 4],
      minWriteBufferNumberToMerge: [1, 2],
      blockCacheSize: [8 * MiB, 32 * MiB, 64 * MiB, 128 * MiB, 192 * MiB, 256 * MiB],
      blockSize: [4096, 8192, 16384, 32768],
      bloomBitsPerKey: [0, 10],
      compression: ['snappy', 'lz4', 'none'],
      compactionStyle: ['level', 'universal'],
      level0FileNumCompactionTrigger: [2, 4, 8],
      level0SlowdownWritesTrigger: [20, 40],
      maxBackgroundJobs: [2, 4],
      cacheIndexAndFilterBlocks: [false, true],
      ...(relaxDurability ? { walEnabled: [true, false] } : {}),
    },
    complete: (c) => {
      const slow = Number(c.level0SlowdownWritesTrigger ?? 20);
      const out: Record<string, KnobValue> = { ...c, level0StopWritesTrigger: Math.max(36, slow + 16) };
      if (Number(c.minWriteBufferNumberToMerge ?? 1) >= Number(c.maxWriteBufferNumber ?? 2)) out.minWriteBufferNumberToMerge = 1;
      return out;
    },
  };
}

export function lmdbSpace(relaxDurability: boolean): SearchSpace {
  return {
    backend: 'lmdb',
    axes: {
      writePath: ['async', 'sync'],
      writeBatchOps: [1, 10, 100, 1000],
      commitDelay: [0, 1, 5],
      eventTurnBatching: [true, false],
      pageSize: ['4096', '8192', '16384'],
      cache: [false, true],
      noMetaSync: relaxDurability ? [false, true] : [false],
      ...(relaxDurability ? { noSync: [false, true], useWritemap: [false, true] } : {}),
    },
  };
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

export function key(c: Config): string {
  return JSON.stringify(Object.keys(c).sort().map((k) => [k, c[k]]));
}
