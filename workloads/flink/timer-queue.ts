// The operator simulation's copy of an event-time timer service (InternalTimerServiceImpl's
// eventTimeTimersQueue): a set of timers (timestamp, key, namespace), so registering one twice
// keeps one, polled in Flink's order when the watermark passes them: by timestamp, then key group
// (the queue is partitioned by key group), key and namespace, as the RocksDB queue's keys
// [key group][timestamp][key][namespace] order them. It only decides what the workload emits;
// the backend keeps its own queue from the ops.

import { keyGroupOfLong } from '../../core/flink/key-group.js';

export interface Timer {
  readonly ts: number;
  readonly keyGroup: number;
  readonly key: number;
  readonly ns: number;
  /** False once deleted: the heap drops it when it reaches the top. */
  live: boolean;
}

function before(a: Timer, b: Timer): boolean {
  if (a.ts !== b.ts) return a.ts < b.ts;
  if (a.keyGroup !== b.keyGroup) return a.keyGroup < b.keyGroup;
  if (a.key !== b.key) return a.key < b.key;
  return a.ns < b.ns;
}

const idOf = (ts: number, key: number, ns: number): string => `${ts}/${key}/${ns}`;

export class TimerQueue {
  private readonly heap: Timer[] = [];
  private readonly byId = new Map<string, Timer>();

  constructor(private readonly maxParallelism: number) {}

  register(ts: number, key: number, ns: number): void {
    const id = idOf(ts, key, ns);
    if (this.byId.has(id)) return;
    const t: Timer = { ts, keyGroup: keyGroupOfLong(key, this.maxParallelism), key, ns, live: true };
    this.byId.set(id, t);
    this.push(t);
  }

  delete(ts: number, key: number, ns: number): void {
    const id = idOf(ts, key, ns);
    const t = this.byId.get(id);
    if (t === undefined) return;
    t.live = false;
    this.byId.delete(id);
  }

  /** The next timer due at `watermark` (timestamp <= watermark), removed from the queue; null when none is due. */
  pollDue(watermark: number): Timer | null {
    for (;;) {
      const top = this.heap[0];
      if (top === undefined) return null;
      if (!top.live) {
        this.pop();
        continue;
      }
      if (top.ts > watermark) return null;
      this.pop();
      this.byId.delete(idOf(top.ts, top.key, top.ns));
      return top;
    }
  }

  private push(t: Timer): void {
    const h = this.heap;
    let i = h.length;
    h.push(t);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = h[parent] as Timer;
      if (!before(t, p)) break;
      h[i] = p;
      i = parent;
    }
    h[i] = t;
  }

  private pop(): void {
    const h = this.heap;
    const last = h.pop() as Timer;
    if (h.length === 0) return;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= h.length) break;
      const r = l + 1;
      const c = r < h.length && before(h[r] as Timer, h[l] as Timer) ? r : l;
      if (!before(h[c] as Timer, last)) break;
      h[i] = h[c] as Timer;
      i = c;
    }
    h[i] = last;
  }
}
