// A 'timers' state on a byte-keyed engine (lsm, lmdb), as Flink's RocksDB timer service keeps it:
// InternalTimerServiceImpl's event-time queue is a KeyGroupPartitionedPriorityQueue, one
// RocksDBCachingPriorityQueueSet per key group (caching-queue-set.ts) in the state's own column
// family, ordered among themselves by their heads. The service here:
//
// - opens every key group's queue, and peeks it, as KeyGroupPartitionedPriorityQueue's
//   constructor does (which fills each cache: one seek per key group at open, finding timers a
//   restored checkpoint holds);
// - registerTimer: add to the key's key group queue; deleteTimer: remove from it;
// - fireTimer: the timer service's peek and poll of the head; the head of the timer's key group
//   queue must be the timer, in that queue's byte order (timestamp, key, namespace bytes);
// - after a poll or remove, peeks that queue again, as the heap of queues does when it re-sorts
//   the queue (adjustModifiedElement): a queue whose cache ran empty refills there and then.

import type { StateDescriptor } from '../../core/flink/keyed-state.js';
import { compareBytes } from '../../core/flink/namespace-order.js';
import { CachingQueueSet, type OrderedKeyStore, type TimerStoreCalls } from './caching-queue-set.js';
import { TimerKeyCodec } from './timer-key.js';
import { TimerStateHandle } from './timer-state-handle.js';

/** Flink's default per key group (RocksDBOptions.ROCKSDB_TIMER_SERVICE_FACTORY_CACHE_SIZE). */
export const DEFAULT_TIMER_CACHE_SIZE = 128;

export class ByteTimerService extends TimerStateHandle {
  /** The engine calls made since the state opened. */
  readonly calls: TimerStoreCalls = { puts: 0, deletes: 0, seeks: 0, keysRead: 0 };
  private readonly codec: TimerKeyCodec;
  private readonly queues: CachingQueueSet[];

  constructor(d: StateDescriptor, store: OrderedKeyStore, cacheSize = DEFAULT_TIMER_CACHE_SIZE) {
    const codec = new TimerKeyCodec(d);
    super(d.name, codec.keyBytes);
    this.codec = codec;
    this.queues = Array.from({ length: d.maxParallelism }, (_, g) => new CachingQueueSet(codec.groupPrefix(g), store, cacheSize, this.calls));
    for (const q of this.queues) q.peek();
  }

  private queueOf(key: number): CachingQueueSet {
    return this.queues[this.codec.keyGroup(key)] as CachingQueueSet;
  }

  registerTimer(key: number, ns: number, timestamp: number): void {
    this.queueOf(key).add(this.codec.encode(key, ns, timestamp));
  }

  deleteTimer(key: number, ns: number, timestamp: number): void {
    const q = this.queueOf(key);
    q.remove(this.codec.encode(key, ns, timestamp));
    q.peek();
  }

  fireTimer(key: number, ns: number, timestamp: number): void {
    const q = this.queueOf(key);
    const want = this.codec.encode(key, ns, timestamp);
    const head = q.peek();
    if (head === undefined || compareBytes(head, want) !== 0) {
      const found = head === undefined ? 'is empty' : `has ${this.codec.describe(head)} at its head`;
      throw new Error(`state ${this.stateName}: timer-fire of ${this.codec.describe(want)}, but the queue of key group ${this.codec.keyGroup(key)} ${found}: the workload and the queue disagree`);
    }
    q.poll();
    q.peek();
  }
}

/**
 * The engine calls of every timers state among `handles`, summed, as engine report metrics
 * (timerPuts, timerDeletes, timerSeeks, timerKeysRead); empty when none is a timers state.
 */
export function timerCallMetrics(handles: Iterable<unknown>): Record<string, number> {
  const sum: TimerStoreCalls = { puts: 0, deletes: 0, seeks: 0, keysRead: 0 };
  let any = false;
  for (const h of handles) {
    if (!(h instanceof ByteTimerService)) continue;
    any = true;
    sum.puts += h.calls.puts;
    sum.deletes += h.calls.deletes;
    sum.seeks += h.calls.seeks;
    sum.keysRead += h.calls.keysRead;
  }
  return any ? { timerPuts: sum.puts, timerDeletes: sum.deletes, timerSeeks: sum.seeks, timerKeysRead: sum.keysRead } : {};
}
