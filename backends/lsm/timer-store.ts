// A timers state's keyspace on lsm: the state's own column family, as Flink's RocksDB backend
// gives each timer service one ("_timer_state/event_<service>"). Puts carry an empty value, as
// RocksDBCachingPriorityQueueSet writes; a refill is one iterator seek without an upper bound (as
// Flink's iterator has none), read while the keys keep the key group's prefix.

import { hasPrefix, type OrderedKeyStore } from '../flink-layout/caching-queue-set.js';
import type { NativeColumnFamily } from './native.js';

const EMPTY = new Uint8Array(0);

export class LsmTimerStore implements OrderedKeyStore {
  constructor(private readonly family: NativeColumnFamily) {}

  put(key: Uint8Array): void {
    this.family.put(key, EMPTY);
  }

  delete(key: Uint8Array): void {
    this.family.del(key);
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
