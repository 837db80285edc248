// What RocksDB reports holding (BackendTraits.engineMemory), for tune's check of a candidate
// against its TaskManager's bound: the block cache's usage at its largest sample (with Flink's
// setup the write buffer manager charges the memtables to it, and index and filter blocks live in
// it), plus the table readers' memory outside the cache, plus the memtables when nothing charges
// them to the cache. RocksDB's LRU cache does not refuse an insert over its capacity (Flink builds
// it with strict_capacity_limit off), so the usage can pass the bound; that is what this catches.

import type { MeasuredMemory } from '../types.js';

export function lsmEngineMemory(metrics: Readonly<Record<string, number | null>>): MeasuredMemory | null {
  const cache = metrics.maxBlockCacheUsageBytes;
  if (typeof cache !== 'number') return null;
  const readers = metrics.tableReadersBytes ?? 0;
  const memtables = metrics.writeBufferManagerChargedToCache === 1 ? 0 : (metrics.finalMemtableBytes ?? 0);
  return {
    bytes: cache + readers + memtables,
    what: `block cache usage at its peak${metrics.writeBufferManagerChargedToCache === 1 ? ' (write buffers charged to it)' : ''} + table readers${memtables > 0 ? ' + memtables' : ''}`,
  };
}
