// A timers state's keyspace on lmdb: the state's own named database (as a column family on lsm),
// written through the environment's write path (LmdbStore), a batch of timer writes in one
// transaction. Puts carry an empty value; a refill
// is one range read from the seek key, kept while the keys keep the key group's prefix.

import { hasPrefix, type OrderedKeyStore, type TimerWrite } from '../flink-layout/caching-queue-set.js';
import { LmdbStore } from './keyspace.js';

const EMPTY = new Uint8Array(0);

export class LmdbTimerStore extends LmdbStore implements OrderedKeyStore {
  /** One write transaction (as Flink's write batch is one RocksDB write). */
  write(writes: readonly TimerWrite[]): void {
    this.transaction(() => {
      for (const w of writes) {
        if (w.put) this.db.putSync(w.key, EMPTY);
        else this.db.removeSync(w.key);
      }
    });
  }

  seekRead(from: Uint8Array, prefix: Uint8Array, limit: number): { keys: Uint8Array[]; more: boolean } {
    this.check();
    const keys: Uint8Array[] = [];
    try {
      for (const k of this.db.getKeys({ start: from })) {
        if (!hasPrefix(k, prefix)) break;
        if (keys.length === limit) return { keys, more: true };
        keys.push(Uint8Array.prototype.slice.call(k));
      }
    } catch (err) {
      throw this.fail(err, 'read');
    }
    return { keys, more: false };
  }
}
