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

import { LMDB_KNOB_RECORDS } from '../../backends/lmdb/knobs.js';
import { buildOpenPlan } from '../../backends/lsm/build-options.js';
import type { LsmMemoryRole } from '../../backends/lsm/knob-record.js';
import { LSM_KNOB_RECORDS } from '../../backends/lsm/knobs.js';
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

/** The lsm knob the budget counts in a role (knobs.ts, field `memory`). */
function lsmMemoryKnob(role: LsmMemoryRole) {
  const k = LSM_KNOB_RECORDS.find((r) => r.memory === role);
  if (!k?.rocksdb || typeof k.default !== 'number') throw new Error(`no lsm knob with a numeric default counts as ${role}`);
  return { option: k.rocksdb, default: k.default };
}

/** The option at a path of an options map, when it is a value (not a group). */
function valueAt(map: OptionsMap, path: readonly string[]): string | undefined {
  let node: OptionsMap | string | undefined = map;
  for (const part of path) node = typeof node === 'object' ? node[part] : undefined;
  return typeof node === 'string' ? node : undefined;
}

function numberAt(map: OptionsMap, path: readonly string[]): number | null {
  const v = valueAt(map, path);
  const n = Number(v);
  return v !== undefined && Number.isFinite(n) ? n : null;
}

/** The value of a role's option RocksDB will use: as configured, else the knob's (RocksDB's) default. */
function lsmMemoryOption(options: OptionsMap, role: LsmMemoryRole): number {
  const { option, default: dflt } = lsmMemoryKnob(role);
  return numberAt(options, option.path) ?? dflt;
}

/** Block cache capacity RocksDB will use: 0 with no_block_cache, 8 MiB (the knob's default) when none is configured. */
export function lsmBlockCacheBytes(options: OptionsMap): number {
  const { option, default: dflt } = lsmMemoryKnob('block-cache');
  if (option.zeroPath && valueAt(options, option.zeroPath) === 'true') return 0;
  // RocksDB also reads a bare size as the cache (block_cache=8388608).
  return numberAt(options, option.path.slice(0, -1)) ?? numberAt(options, option.path) ?? dflt;
}

export function lsmMemtableBytes(options: OptionsMap): number {
  const size = lsmMemoryOption(options, 'write-buffer');
  const count = lsmMemoryOption(options, 'write-buffer-count');
  const dbLimit = lsmMemoryOption(options, 'write-buffer-limit');
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

// The lmdb knob that turns lmdb-js's object cache on (knobs.ts, field `memory`).
const LMDB_OBJECT_CACHE = LMDB_KNOB_RECORDS.find((k) => k.memory === 'object-cache')?.name ?? 'cache';

export function estimateLmdb(knobs: ResolvedKnobs, ctx: EstimateContext): MemoryEstimate {
  if (knobs[LMDB_OBJECT_CACHE] !== true) return { bytes: 0, breakdown: 'no object cache (the map is file-backed: the OS page cache, reclaimable)' };
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
