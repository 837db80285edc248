// What an lsm cell may hold in memory, from its knobs, before it runs (--memory-budget skips cells
// that cannot fit). Only what the knobs bound is counted:
// - memtables (write_buffer_size x max_write_buffer_number, capped by db_write_buffer_size when
//   that is set) + the block cache, read from the options RocksDB will be opened with (preset,
//   options string and OPTIONS file included). Index and filter blocks outside the cache and the
//   table readers are not bounded by a knob and not counted.
// - with --flink-conf memory bounds: Flink's arithmetic (cache (3-r)M/3, write buffer manager
//   2rM/3 charged to the cache, so Flink holds it to M); statebench cannot charge the write
//   buffers to the cache, so the cell may reach cache + write buffers, which is checked.
// - under --threads N: N instances, so N x the memtables; the block cache N times (one per slot),
//   or once when the slots share it (lsm.sharedBlockCache), with db_write_buffer_size then divided
//   among the slots (build-options.ts, SlotSharing).

import { formatBytes } from '../../core/units.js';
import type { MemoryContext, MemoryEstimate, ResolvedKnobs } from '../types.js';
import { buildOpenPlan } from './build-options.js';
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

export function estimateLsm(knobs: ResolvedKnobs, ctx: Pick<MemoryContext, 'flinkBudgetBytes' | 'flinkBudgetScope' | 'threads'>): MemoryEstimate {
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
