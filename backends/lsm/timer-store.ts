// A timers state's keyspace on lsm: the state's own column family, as Flink's RocksDB backend
// gives each timer service one ("_timer_state/event_<service>"). Puts carry an empty value, as
// RocksDBCachingPriorityQueueSet writes; a refill is one iterator seek without an upper bound (as
// Flink's iterator has none), read while the keys keep the key group's prefix. Writes come in
// batches (flink-layout/caching-queue-set.ts's TimerWriteBatch), each one RocksDB write batch.

import type { BatchOp } from '../types.js';
import { hasPrefix, type OrderedKeyStore, type TimerWrite } from '../flink-layout/caching-queue-set.js';
import type { NativeColumnFamily, NativeDatabase } from './native.js';
import { writeBatchWith } from './write-batch.js';

const EMPTY = new Uint8Array(0);

export class LsmTimerStore implements OrderedKeyStore {
  constructor(
    private readonly db: NativeDatabase,
    private readonly family: NativeColumnFamily,
  ) {}

  /** One RocksDB write batch (as Flink's RocksDBWriteBatchWrapper.flush writes). */
  write(writes: readonly TimerWrite[]): void {
    // The batch ops name each write by its place in `writes`.
    const ops: BatchOp[] = writes.map((w, i) => (w.put ? { type: 'put', key: i, value: EMPTY } : { type: 'delete', key: i }));
    writeBatchWith(this.db, this.family, ops, (op) => (writes[op.key] as TimerWrite).key);
  }

  seekRead(from: Uint8Array, prefix: Uint8Array, limit: number): { keys: Uint8Array[]; more: boolean } {
    const keys: Uint8Array[] = [];
    const it = this.family.iterator(null, null);
    try {
      for (let ok = it.seek(from); ok; ok = it.next()) {
        const k = it.key() as Uint8Array;
        if (!hasPrefix(k, prefix)) break;
        if (keys.length === limit) return { keys, more: true };
        keys.push(k);
      }
    } finally {
      it.close();
    }
    return { keys, more: false };
  }
}
