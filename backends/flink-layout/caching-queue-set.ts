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
// The puts and deletes go into a write batch (TimerWriteBatch, as Flink's go into its
// RocksDBWriteBatchWrapper), which the engine gets when it holds 500 and before each refill.

import { compareBytes } from '../../core/flink/namespace-order.js';
import { SortedByteSet } from './sorted-byte-set.js';

/** One write of a timer queue: a put of `key` (with an empty value) or its delete. */
export interface TimerWrite {
  readonly key: Uint8Array;
  readonly put: boolean;
}

/** The ordered byte keyspace a timer queue lives in (a column family, a named database). */
export interface OrderedKeyStore {
  /** Applies the writes in one engine batch (all or nothing), in order. */
  write(writes: readonly TimerWrite[]): void;
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
  /** Puts and deletes, each into the write batch. */
  puts: number;
  deletes: number;
  /** Write batches the engine was given. */
  batches: number;
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
    private readonly batch: TimerWriteBatch,
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
    // The iterator sees the writes still in the batch (Flink flushes it before making one).
    this.batch.flush();
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
    this.batch.add(timer, true);
    this.calls.puts++;
  }

  private delete(timer: Uint8Array): void {
    this.batch.add(timer, false);
    this.calls.deletes++;
  }
}

/**
 * The writes of a timers state's queues not yet given to the engine, as Flink's
 * RocksDBWriteBatchWrapper holds them: written as one batch when it holds `capacity` (Flink's
 * 500), before a refill reads the engine, and at a checkpoint, flush or close of the instance.
 */
export class TimerWriteBatch {
  private pending: TimerWrite[] = [];

  constructor(
    private readonly store: OrderedKeyStore,
    private readonly calls: TimerStoreCalls,
    private readonly capacity: number,
  ) {}

  add(key: Uint8Array, put: boolean): void {
    this.pending.push({ key, put });
    if (this.pending.length >= this.capacity) this.flush();
  }

  flush(): void {
    if (this.pending.length === 0) return;
    const writes = this.pending;
    this.pending = [];
    this.store.write(writes);
    this.calls.batches++;
  }
}
