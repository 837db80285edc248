// What a cell's engine may hold in memory, from its knobs, before it runs (the budget check
// skips cells that cannot fit). Only what the knobs bound is counted:
// - LSM: memtables (write_buffer_size x max_write_buffer_number, capped by db_write_buffer_size
//   when that is set) + the block cache, read from the options RocksDB will be opened with
//   (preset, options string and OPTIONS file included). Index and filter blocks outside the
//   cache and the table readers are not bounded by a knob and not counted.
// - LSM with --flink-conf memory bounds: Flink's arithmetic (cache (3-r)M/3, write buffer
//   manager 2rM/3 charged to the cache, so Flink holds it to M); statebench cannot charge the
//   write buffers to the cache, so the cell may reach cache + write buffers, which is checked.
// - LSM under --threads N: N instances, so N x the memtables; the block cache N times (one per
//   slot), or once when the slots share it (lsm.sharedBlockCache), with db_write_buffer_size then
//   divided among the slots (backends/lsm/build-options.ts, SlotSharing).
// - LMDB: the map is file-backed (the OS page cache, reclaimable); only lmdb-js's object cache
//   is held by the process: weak-lru-cache keeps 4 x 8192 entries strongly, the rest weakly
//   (under --threads, one cache per slot's database).
// - Heap: the state itself; not knowable from knobs, so measured after the cell (measured.ts).

import { LMDB_KNOB_RECORDS } from '../../backends/lmdb/knobs.js';
import { buildOpenPlan } from '../../backends/lsm/build-options.js';
import { lsmBlockCacheBytes, lsmMemtableBytes } from '../../backends/lsm/memory-options.js';
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
  /** Flink's budget from --flink-conf, when it bounds RocksDB's memory. */
  readonly flinkBudgetBytes: number | null;
  /** Whom Flink's budget is for: one slot (fixed-per-slot, managed memory; the default) or the whole TaskManager (fixed-per-tm). */
  readonly flinkBudgetScope?: 'slot' | 'taskmanager';
  /** The cell's worker threads (CellSpec.threads), each with its own instance; 1 when absent. */
  readonly threads?: number;
}

/** weak-lru-cache (lmdb-js's object cache): 4 LRU lists of 0x2000 entries each hold values strongly. */
export const LMDB_CACHE_STRONG_ENTRIES = 4 * 0x2000;
/** Per-entry overhead of a cached JS value (object header, map entry), a rough figure. */
const JS_ENTRY_OVERHEAD = 64;

/** The memtables and cache of N instances, the cache once when the slots share it. */
function lsmSlotsBytes(knobs: ResolvedKnobs, threads: number): { total: number; text: string } {
  const plan = buildOpenPlan(knobs, threads);
  const memtables = lsmMemtableBytes(plan.options);
  const cache = lsmBlockCacheBytes(plan.options);
  if (threads <= 1) {
    const total = memtables + cache;
    return { total, text: `write buffers ${formatBytes(memtables)} + block cache ${formatBytes(cache)} = ${formatBytes(total)}` };
  }
  const perSlot = plan.sharing?.writeBufferBudgetPerSlot ?? null;
  const split = plan.sharing && perSlot !== null ? ` (db_write_buffer_size ${formatBytes(plan.sharing.writeBufferBudget)} / ${threads})` : '';
  if (plan.sharing) {
    const total = threads * memtables + cache;
    return { total, text: `${threads} slots x write buffers ${formatBytes(memtables)}${split} + one block cache ${formatBytes(cache)} shared by the slots (lsm.sharedBlockCache) = ${formatBytes(total)}` };
  }
  const total = threads * (memtables + cache);
  return { total, text: `${threads} slots x (write buffers ${formatBytes(memtables)} + block cache ${formatBytes(cache)}, one cache per slot) = ${formatBytes(total)}` };
}

export function estimateLsm(knobs: ResolvedKnobs, ctx: Pick<EstimateContext, 'flinkBudgetBytes' | 'flinkBudgetScope' | 'threads'>): MemoryEstimate {
  const threads = Math.max(1, ctx.threads ?? 1);
  const { total, text } = lsmSlotsBytes(knobs, threads);
  if (ctx.flinkBudgetBytes !== null) {
    const scope = ctx.flinkBudgetScope === 'taskmanager' ? 'per TaskManager (all slots)' : threads > 1 ? `per slot x ${threads} slots` : 'per slot';
    return {
      bytes: total,
      breakdown: `Flink budget ${formatBytes(ctx.flinkBudgetBytes)} ${scope} (write buffers charged to the cache in Flink); as run here ${text}`,
    };
  }
  return { bytes: total, breakdown: text };
}

// The lmdb knob that turns lmdb-js's object cache on (knobs.ts, field `memory`).
const LMDB_OBJECT_CACHE = LMDB_KNOB_RECORDS.find((k) => k.memory === 'object-cache')?.name ?? 'cache';

export function estimateLmdb(knobs: ResolvedKnobs, ctx: EstimateContext): MemoryEstimate {
  if (knobs[LMDB_OBJECT_CACHE] !== true) return { bytes: 0, breakdown: 'no object cache (the map is file-backed: the OS page cache, reclaimable)' };
  // Under --threads each slot's database has its own cache over its own share of the records.
  const threads = Math.max(1, ctx.threads ?? 1);
  const entries = Math.min(ctx.records, threads * LMDB_CACHE_STRONG_ENTRIES);
  const bytes = Math.round(entries * (ctx.keySize + ctx.meanValueBytes + JS_ENTRY_OVERHEAD));
  const caches = threads > 1 ? `${threads} slots' object caches, ` : 'object cache ';
  return { bytes, breakdown: `${caches}${entries} entries x ${ctx.keySize + ctx.meanValueBytes + JS_ENTRY_OVERHEAD} B = ${formatBytes(bytes)}` };
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
