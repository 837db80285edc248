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
import { CachingQueueSet, TimerWriteBatch, type OrderedKeyStore, type TimerStoreCalls } from './caching-queue-set.js';
import { TimerKeyCodec } from './timer-key.js';
import { TimerStateHandle } from './timer-state-handle.js';

/** Flink's default per key group (RocksDBOptions.ROCKSDB_TIMER_SERVICE_FACTORY_CACHE_SIZE). */
const DEFAULT_TIMER_CACHE_SIZE = 128;
/** Flink's write batch's capacity in operations (RocksDBWriteBatchWrapper's default, 500). */
const WRITE_BATCH_OPERATIONS = 500;

export class ByteTimerService extends TimerStateHandle {
  /** The engine calls made since the state opened. */
  readonly calls: TimerStoreCalls = { puts: 0, deletes: 0, batches: 0, seeks: 0, keysRead: 0 };
  private readonly codec: TimerKeyCodec;
  private readonly queues: CachingQueueSet[];
  private readonly batch: TimerWriteBatch;

  constructor(d: StateDescriptor, store: OrderedKeyStore) {
    const codec = new TimerKeyCodec(d);
    super(d.name, codec.keyBytes);
    this.codec = codec;
    this.batch = new TimerWriteBatch(store, this.calls, WRITE_BATCH_OPERATIONS);
    this.queues = Array.from({ length: d.maxParallelism }, (_, g) => new CachingQueueSet(codec.groupPrefix(g), store, this.batch, DEFAULT_TIMER_CACHE_SIZE, this.calls));
    for (const q of this.queues) q.peek();
  }

  /** Gives the engine the writes still in the batch (a checkpoint, flush or close: Flink flushes before a snapshot). */
  flushWrites(): void {
    this.batch.flush();
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
 * (timerPuts, timerDeletes, timerWriteBatches, timerSeeks, timerKeysRead); empty when none is a timers state.
 */
export function timerCallMetrics(handles: Iterable<unknown>): Record<string, number> {
  const sum: TimerStoreCalls = { puts: 0, deletes: 0, batches: 0, seeks: 0, keysRead: 0 };
  let any = false;
  for (const h of handles) {
    if (!(h instanceof ByteTimerService)) continue;
    any = true;
    sum.puts += h.calls.puts;
    sum.deletes += h.calls.deletes;
    sum.batches += h.calls.batches;
    sum.seeks += h.calls.seeks;
    sum.keysRead += h.calls.keysRead;
  }
  return any ? { timerPuts: sum.puts, timerDeletes: sum.deletes, timerWriteBatches: sum.batches, timerSeeks: sum.seeks, timerKeysRead: sum.keysRead } : {};
}

/** Gives the engine every timers state's pending writes among `handles` (before a checkpoint, flush or close). */
export function flushTimerWrites(handles: Iterable<unknown>): void {
  for (const h of handles) if (h instanceof ByteTimerService) h.flushWrites();
}
