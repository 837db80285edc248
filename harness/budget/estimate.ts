// What a cell's engine may hold in memory, from its knobs, before it runs (the budget check
// skips cells that cannot fit). Only what the knobs bound is counted:
// - LSM: memtables (write_buffer_size x max_write_buffer_number, capped by db_write_buffer_size
//   when that is set) + the block cache, read from the options RocksDB will be opened with
//   (preset, options string and OPTIONS file included). Index and filter blocks outside the
//   cache and the table readers are not bounded by a knob and not counted.
// - LSM with --flink-conf memory bounds: Flink's arithmetic (cache (3-r)M/3, write buffer
//   manager 2rM/3 charged to the cache, so Flink holds it to M); statebench cannot charge the
//   write buffers to the cache, so the cell may reach cache + write buffers, which is checked.
// - LMDB: the map is file-backed (the OS page cache, reclaimable); only lmdb-js's object cache
//   is held by the process: weak-lru-cache keeps 4 x 8192 entries strongly, the rest weakly.
// - Heap: the state itself; not knowable from knobs, so measured after the cell (measured.ts).

import { buildOpenPlan } from '../../backends/lsm/build-options.js';
import type { OptionsMap } from '../../backends/lsm/options-string.js';
import type { ResolvedKnobs } from '../../backends/types.js';
import { formatBytes } from '../../core/units.js';

export interface MemoryEstimate {
  /** Bytes the knobs let the engine hold; null when only a measurement can tell (heap). */
  readonly bytes: number | null;
  /** How the figure was reached, for the skip reason and the docs. */
  readonly breakdown: string;
}

export interface EstimateContext {
  /** Records loaded and the mean value size: the LMDB object cache's upper bound. */
  readonly records: number;
  readonly meanValueBytes: number;
  readonly keySize: number;
  /** Flink's per-slot budget from --flink-conf, when it bounds RocksDB's memory. */
  readonly flinkBudgetBytes: number | null;
}

/** weak-lru-cache (lmdb-js's object cache): 4 LRU lists of 0x2000 entries each hold values strongly. */
export const LMDB_CACHE_STRONG_ENTRIES = 4 * 0x2000;
/** Per-entry overhead of a cached JS value (object header, map entry), a rough figure. */
const JS_ENTRY_OVERHEAD = 64;
const RocksDbDefaultCache = 8 * 1024 * 1024;

function num(map: OptionsMap, key: string): number | null {
  const v = map[key];
  if (typeof v !== 'string') return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
}

/** Block cache capacity RocksDB will use: 0 with no_block_cache, 8 MiB when none is configured. */
export function lsmBlockCacheBytes(options: OptionsMap): number {
  const table = options.block_based_table_factory;
  if (table !== undefined && typeof table !== 'string') {
    if (table.no_block_cache === 'true') return 0;
    const cache = table.block_cache;
    if (cache !== undefined) {
      if (typeof cache === 'string') {
        const n = Number(cache);
        if (Number.isFinite(n)) return n;
      } else {
        const cap = num(cache, 'capacity');
        if (cap !== null) return cap;
      }
    }
  }
  return RocksDbDefaultCache;
}

export function lsmMemtableBytes(options: OptionsMap): number {
  const size = num(options, 'write_buffer_size') ?? 64 * 1024 * 1024;
  const count = num(options, 'max_write_buffer_number') ?? 2;
  const dbLimit = num(options, 'db_write_buffer_size') ?? 0;
  const perCf = size * count;
  return dbLimit > 0 ? Math.min(perCf, dbLimit) : perCf;
}

export function estimateLsm(knobs: ResolvedKnobs, ctx: Pick<EstimateContext, 'flinkBudgetBytes'>): MemoryEstimate {
  const { options } = buildOpenPlan(knobs);
  const memtables = lsmMemtableBytes(options);
  const cache = lsmBlockCacheBytes(options);
  const total = memtables + cache;
  const base = `write buffers ${formatBytes(memtables)} + block cache ${formatBytes(cache)} = ${formatBytes(total)}`;
  if (ctx.flinkBudgetBytes !== null) {
    return {
      bytes: total,
      breakdown: `Flink budget ${formatBytes(ctx.flinkBudgetBytes)} per slot (write buffers charged to the cache in Flink); as run here ${base}`,
    };
  }
  return { bytes: total, breakdown: base };
}

export function estimateLmdb(knobs: ResolvedKnobs, ctx: EstimateContext): MemoryEstimate {
  if (knobs.cache !== true) return { bytes: 0, breakdown: 'no object cache (the map is file-backed: the OS page cache, reclaimable)' };
  const entries = Math.min(ctx.records, LMDB_CACHE_STRONG_ENTRIES);
  const bytes = Math.round(entries * (ctx.keySize + ctx.meanValueBytes + JS_ENTRY_OVERHEAD));
  return { bytes, breakdown: `object cache ${entries} entries x ${ctx.keySize + ctx.meanValueBytes + JS_ENTRY_OVERHEAD} B = ${formatBytes(bytes)}` };
}

export function estimateCellMemory(backend: string, knobs: ResolvedKnobs, ctx: EstimateContext): MemoryEstimate {
  switch (backend) {
    case 'lsm':
      return estimateLsm(knobs, ctx);
    case 'lmdb':
      return estimateLmdb(knobs, ctx);
    case 'heap':
      return { bytes: null, breakdown: 'the state itself, measured after the cell' };
    default:
      return { bytes: null, breakdown: 'not bounded by its knobs' };
  }
}
