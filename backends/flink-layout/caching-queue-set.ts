// One key group's timer queue on a byte-keyed engine, as Flink's RocksDBCachingPriorityQueueSet
// keeps it: every timer is an entry of the timers state's keyspace (timer-key.ts, no value), and
// the first `cacheSize` of the key group (128 by default, Flink's
// state.backend.rocksdb.timer-service.cache-size) are held in memory in order (SortedByteSet), so
// that the queue seeks the engine only when its cache runs empty. It makes the engine calls
// Flink's makes, in the same cases:
//
// - add: a put, unless the cache already holds the timer (TreeSet.add returned false); a timer
//   past the cache's last one while the engine holds more than the cache is put without caching;
// - remove and poll: a delete (remove deletes even a timer the queue does not hold, as Flink's does);
// - refill, when the cache is empty and the engine may hold more: one iterator seek to just after
//   the last timer taken (at first the key group's prefix), reading up to cacheSize keys of the
//   key group and looking at the next to learn whether more remain.
//
// Flink writes the puts and deletes into a RocksDBWriteBatchWrapper (written every 500 operations
// and before each refill); here each is its own engine call.

import { compareBytes } from '../../core/flink/namespace-order.js';
import { SortedByteSet } from './sorted-byte-set.js';

/** The ordered byte keyspace a timer queue lives in (a column family, a named database). */
export interface OrderedKeyStore {
  /** Writes `key` with an empty value. */
  put(key: Uint8Array): void;
  delete(key: Uint8Array): void;
  /**
   * One iterator seek to `from`, then the keys from there on in byte order while they start with
   * `prefix`: at most `limit`, and whether one more follows.
   */
  seekRead(from: Uint8Array, prefix: Uint8Array, limit: number): { keys: Uint8Array[]; more: boolean };
}

/** True when `bytes` starts with `prefix` (a refill reads while the keys keep the key group's prefix). */
export function hasPrefix(bytes: Uint8Array, prefix: Uint8Array): boolean {
  if (bytes.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (bytes[i] !== prefix[i]) return false;
  return true;
}

/** The engine calls of a timers state since it opened. */
export interface TimerStoreCalls {
  puts: number;
  deletes: number;
  seeks: number;
  /** Keys the refills' iterators read (each refill reads one past what it caches, when there is one). */
  keysRead: number;
}

export class CachingQueueSet {
  private readonly cache: SortedByteSet;
  /** Every timer of the key group in the engine is also in the cache. */
  private allInCache = false;
  /** Where the next refill seeks: just after this key. */
  private seekHint: Uint8Array;

  constructor(
    private readonly prefix: Uint8Array,
    private readonly store: OrderedKeyStore,
    cacheSize: number,
    private readonly calls: TimerStoreCalls,
  ) {
    this.cache = new SortedByteSet(cacheSize);
    this.seekHint = prefix;
  }

  private refillIfEmpty(): void {
    if (this.allInCache || this.cache.size > 0) return;
    // The next possible key after the hint: the hint and one zero byte.
    const from = new Uint8Array(this.seekHint.length + 1);
    from.set(this.seekHint);
    const { keys, more } = this.store.seekRead(from, this.prefix, this.cache.maxSize);
    this.calls.seeks++;
    this.calls.keysRead += keys.length + (more ? 1 : 0);
    this.cache.load(keys);
    this.allInCache = !more;
  }

  peek(): Uint8Array | undefined {
    this.refillIfEmpty();
    return this.cache.first();
  }

  poll(): Uint8Array | undefined {
    this.refillIfEmpty();
    const first = this.cache.pollFirst();
    if (first === undefined) return undefined;
    this.delete(first);
    if (this.cache.size === 0) this.seekHint = first;
    return first;
  }

  add(timer: Uint8Array): void {
    this.refillIfEmpty();
    const full = this.cache.isFull();
    const last = this.cache.last();
    if ((!full && this.allInCache) || (last !== undefined && compareBytes(timer, last) < 0)) {
      if (full) {
        // The cache's last timer now lives only in the engine.
        this.cache.pollLast();
        this.allInCache = false;
      }
      if (this.cache.add(timer)) this.put(timer);
    } else {
      this.put(timer);
      this.allInCache = false;
    }
  }

  remove(timer: Uint8Array): void {
    this.refillIfEmpty();
    if (this.cache.size === 0) return;
    this.delete(timer);
    this.cache.remove(timer);
    if (this.cache.size === 0) this.seekHint = timer;
  }

  private put(timer: Uint8Array): void {
    this.store.put(timer);
    this.calls.puts++;
  }

  private delete(timer: Uint8Array): void {
    this.store.delete(timer);
    this.calls.deletes++;
  }
}
