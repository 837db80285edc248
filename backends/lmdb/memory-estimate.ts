// What an lmdb cell holds in memory, from its knobs, for --memory-budget. The map is file-backed
// (the OS page cache, reclaimable); only lmdb-js's object cache is held by the process:
// weak-lru-cache keeps 4 x 8192 entries strongly, the rest weakly (under --threads, one cache per
// slot's database).

import { formatBytes } from '../../core/units.js';
import type { MemoryContext, MemoryEstimate, ResolvedKnobs } from '../types.js';
import { LMDB_KNOB_RECORDS } from './knobs.js';

/** weak-lru-cache (lmdb-js's object cache): 4 LRU lists of 0x2000 entries each hold values strongly. */
export const LMDB_CACHE_STRONG_ENTRIES = 4 * 0x2000;
/** Per-entry overhead of a cached JS value (object header, map entry), a rough figure. */
const JS_ENTRY_OVERHEAD = 64;

// The knob that turns lmdb-js's object cache on (knobs.ts, field `memory`).
const LMDB_OBJECT_CACHE = LMDB_KNOB_RECORDS.find((k) => k.memory === 'object-cache')?.name ?? 'cache';

export function estimateLmdb(knobs: ResolvedKnobs, ctx: MemoryContext): MemoryEstimate {
  if (knobs[LMDB_OBJECT_CACHE] !== true) return { bytes: 0, breakdown: 'no object cache (the map is file-backed: the OS page cache, reclaimable)' };
  // Under --threads each slot's database has its own cache over its own share of the records.
  const threads = Math.max(1, ctx.threads ?? 1);
  const entries = Math.min(ctx.records, threads * LMDB_CACHE_STRONG_ENTRIES);
  const bytes = Math.round(entries * (ctx.keySize + ctx.meanValueBytes + JS_ENTRY_OVERHEAD));
  const caches = threads > 1 ? `${threads} slots' object caches, ` : 'object cache ';
  return { bytes, breakdown: `${caches}${entries} entries x ${ctx.keySize + ctx.meanValueBytes + JS_ENTRY_OVERHEAD} B = ${formatBytes(bytes)}` };
}
