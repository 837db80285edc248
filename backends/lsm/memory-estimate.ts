// What an lsm cell may hold in memory, from its knobs, before it runs (--memory-budget skips cells
// that cannot fit). Only what the knobs bound is counted:
// - memtables (write_buffer_size x max_write_buffer_number, capped by db_write_buffer_size when
//   that is set) + the block cache, read from the options RocksDB will be opened with (preset,
//   options string and OPTIONS file included). Index and filter blocks outside the cache and the
//   table readers are not bounded by a knob and not counted.
// - with lsm.boundedMemory (what --flink-conf's memory bounds set): Flink's arithmetic, a cache
//   of (3-r)M/3 that holds the memtables its write buffer manager of 2rM/3 charges to it, plus
//   the half of the manager memtables may run past it: M in all.
// - under --threads N: N instances, so N x the memtables; the block cache N times (one per slot),
//   or once when the slots share it (lsm.sharedBlockCache), with db_write_buffer_size then divided
//   among the slots (build-options.ts, SlotSharing).

import { formatBytes } from '../../core/units.js';
import type { MemoryContext, MemoryEstimate, ResolvedKnobs } from '../types.js';
import { buildOpenPlan, type MemoryBound } from './build-options.js';
import { lsmBlockCacheBytes, lsmMemtableBytes } from './memory-options.js';

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

/**
 * Under lsm.boundedMemory, Flink's arithmetic: the memtables are charged to the cache, so they live
 * inside its capacity, and RocksDB lets them run past the write buffer manager by up to half of
 * it; the cache plus that half is M ((3-r)M/3 + rM/3). Per slot, or once when the slots share them.
 */
function lsmBoundedBytes(bound: MemoryBound, threads: number): { total: number; text: string } {
  const overshoot = Math.floor(bound.writeBufferManagerBytes / 2);
  const one = bound.cacheCapacity + overshoot;
  const parts = `cache ${formatBytes(bound.cacheCapacity)} holding the memtables its write buffer manager (${formatBytes(bound.writeBufferManagerBytes)}) charges to it + the ${formatBytes(overshoot)} they may run past the manager (lsm.boundedMemory ${formatBytes(bound.bytes)})`;
  if (threads <= 1) return { total: one, text: `${parts} = ${formatBytes(one)}` };
  if (bound.shared) return { total: one, text: `${threads} slots sharing one ${parts} = ${formatBytes(one)}` };
  return { total: threads * one, text: `${threads} slots x (${parts}) = ${formatBytes(threads * one)}` };
}

export function estimateLsm(knobs: ResolvedKnobs, ctx: Pick<MemoryContext, 'flinkBudgetBytes' | 'flinkBudgetScope' | 'threads'>): MemoryEstimate {
  const threads = Math.max(1, ctx.threads ?? 1);
  const bound = buildOpenPlan(knobs, threads).memory;
  const { total, text } = bound !== null ? lsmBoundedBytes(bound, threads) : lsmSlotsBytes(knobs, threads);
  if (ctx.flinkBudgetBytes !== null) {
    const scope = ctx.flinkBudgetScope === 'taskmanager' ? 'per TaskManager (all slots)' : threads > 1 ? `per slot x ${threads} slots` : 'per slot';
    return {
      bytes: total,
      breakdown: `Flink budget ${formatBytes(ctx.flinkBudgetBytes)} ${scope}; as run here ${text}`,
    };
  }
  return { bytes: total, breakdown: text };
}
