// A 'timers' state on the heap, as Flink's heap timer service keeps it (HeapPriorityQueueSetFactory
// makes one HeapPriorityQueueSet for the backend's key groups): one binary heap of timers ordered
// by timestamp (HeapPriorityQueue over TimerHeapInternalTimer.comparePriorityTo), and per key group
// a hash map of the timers it holds, which makes the heap a set (a timer added twice is held once)
// and finds a timer to delete. Flink orders timers of equal timestamps as the heap happens to hold
// them; here they order by key group, key and namespace (in its bytes' order), so that a workload
// firing in that order names the head (any order of equal timestamps is one Flink's heap may give).
// The heap backend's checkpoint holds its timers (Flink snapshots heap timers with the keyed
// state). The harness keeps a backend's timers in one of these when the backend keeps none (as
// Flink's RocksDB backend keeps timers on the heap with state.backend.rocksdb.timer-service.factory
// HEAP): harness/runner/state-route.ts.

import type { StateDescriptor } from '../core/flink/keyed-state.js';
import { keyGroupOfLong } from '../core/flink/key-group.js';
import { namespaceRank } from '../core/flink/namespace-order.js';
import { TimerKeyCodec } from './flink-layout/timer-key.js';
import { TimerStateHandle } from './flink-layout/timer-state-handle.js';

interface Timer {
  readonly timestamp: number;
  readonly group: number;
  readonly key: number;
  readonly ns: number;
  readonly nsRank: number;
  /** Its place in the heap array (HeapPriorityQueueElement's internal index). */
  index: number;
}

const TIMESTAMP_BYTES = 8;

function before(a: Timer, b: Timer): boolean {
  if (a.timestamp !== b.timestamp) return a.timestamp < b.timestamp;
  if (a.group !== b.group) return a.group < b.group;
  if (a.key !== b.key) return a.key < b.key;
  return a.nsRank < b.nsRank;
}

/** Where timer (ns, timestamp) is among a key's timers, or -1. */
function indexOf(timers: readonly Timer[], ns: number, timestamp: number): number {
  for (let i = 0; i < timers.length; i++) {
    const t = timers[i] as Timer;
    if (t.timestamp === timestamp && t.ns === ns) return i;
  }
  return -1;
}

export class HeapTimerQueue extends TimerStateHandle {
  private readonly heap: Timer[] = [];
  /**
   * Per key group: the timers it holds, by key (HeapPriorityQueueSet's deduplication maps; a key
   * holds a few timers at a time, found by a short search).
   */
  private readonly byGroup: Map<number, Timer[]>[];
  private readonly rank: (ns: number) => number;

  constructor(
    readonly descriptor: StateDescriptor,
    private readonly check: () => void,
  ) {
    // A heap timer has no key bytes: the logical bytes written count its key's length in RocksDB.
    super(descriptor.name, new TimerKeyCodec(descriptor).keyBytes);
    this.byGroup = Array.from({ length: descriptor.maxParallelism }, () => new Map());
    this.rank = namespaceRank(descriptor.namespace);
  }

  registerTimer(key: number, ns: number, timestamp: number): void {
    this.check();
    this.add(key, ns, timestamp);
  }

  private add(key: number, ns: number, timestamp: number): void {
    const group = keyGroupOfLong(key, this.descriptor.maxParallelism);
    const map = this.byGroup[group] as Map<number, Timer[]>;
    let held = map.get(key);
    if (held === undefined) {
      held = [];
      map.set(key, held);
    } else if (indexOf(held, ns, timestamp) >= 0) {
      return;
    }
    const t: Timer = { timestamp, group, key, ns, nsRank: this.rank(ns), index: this.heap.length };
    held.push(t);
    this.heap.push(t);
    this.siftUp(t.index);
  }

  /** Takes timer (key, ns, timestamp) out of its key group's map; the timer, or undefined when not held. */
  private forget(group: number, key: number, ns: number, timestamp: number): Timer | undefined {
    const map = this.byGroup[group] as Map<number, Timer[]>;
    const held = map.get(key);
    if (held === undefined) return undefined;
    const i = indexOf(held, ns, timestamp);
    if (i < 0) return undefined;
    const t = held[i] as Timer;
    held[i] = held[held.length - 1] as Timer;
    held.pop();
    if (held.length === 0) map.delete(key);
    return t;
  }

  deleteTimer(key: number, ns: number, timestamp: number): void {
    this.check();
    const t = this.forget(keyGroupOfLong(key, this.descriptor.maxParallelism), key, ns, timestamp);
    if (t !== undefined) this.removeAt(t.index);
  }

  fireTimer(key: number, ns: number, timestamp: number): void {
    this.check();
    const head = this.heap[0];
    if (head === undefined || head.key !== key || head.ns !== ns || head.timestamp !== timestamp) {
      const found = head === undefined ? 'is empty' : `has timer (key ${head.key}, ns ${head.ns}, timestamp ${head.timestamp}) at its head`;
      throw new Error(`state ${this.stateName}: timer-fire of timer (key ${key}, ns ${ns}, timestamp ${timestamp}), but the heap queue ${found}: the workload and the queue disagree`);
    }
    this.forget(head.group, key, ns, timestamp);
    this.removeAt(0);
  }

  /** Timers held. */
  size(): number {
    return this.heap.length;
  }

  /** Every timer, as a snapshot entry: (key, ns, the timestamp as a long, 8 bytes big-endian). */
  *entries(): Generator<readonly [number, number, Uint8Array]> {
    for (const t of this.heap) {
      const v = Buffer.allocUnsafe(TIMESTAMP_BYTES);
      v.writeBigInt64BE(BigInt(t.timestamp), 0);
      yield [t.key, t.ns, v];
    }
  }

  /** Restore: one snapshot entry. */
  restore(key: number, ns: number, value: Uint8Array): void {
    this.add(key, ns, Number(Buffer.from(value.buffer, value.byteOffset, value.byteLength).readBigInt64BE(0)));
  }

  private removeAt(i: number): void {
    const last = this.heap.pop() as Timer;
    if (i === this.heap.length) return;
    this.heap[i] = last;
    last.index = i;
    this.siftUp(i);
    this.siftDown(last.index);
  }

  private siftUp(i: number): void {
    const h = this.heap;
    const t = h[i] as Timer;
    while (i > 0) {
      const parent = (i - 1) >>> 1;
      const p = h[parent] as Timer;
      if (!before(t, p)) break;
      h[i] = p;
      p.index = i;
      i = parent;
    }
    h[i] = t;
    t.index = i;
  }

  private siftDown(i: number): void {
    const h = this.heap;
    const n = h.length;
    const t = h[i] as Timer;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      const right = child + 1;
      if (right < n && before(h[right] as Timer, h[child] as Timer)) child = right;
      const c = h[child] as Timer;
      if (!before(c, t)) break;
      h[i] = c;
      c.index = i;
      i = child;
    }
    h[i] = t;
    t.index = i;
  }
}
