// What --verify expects of each 'timers' state: the timers registered and not yet deleted or
// fired, per key group in the order a RocksDB timer queue keeps them (timestamp, key, namespace
// bytes). A fire must name the first timer of its key group; one that does not, or names a timer
// never registered, is a mismatch (the backend's own check then refuses the fire as an error).

import type { StateDescriptor } from '../../core/flink/keyed-state.js';
import { keyGroupOfLong } from '../../core/flink/key-group.js';
import { namespaceRank } from '../../core/flink/namespace-order.js';
import type { ExpectedState } from './expected-state.js';

interface Timer {
  readonly timestamp: number;
  readonly key: number;
  readonly ns: number;
  readonly rank: number;
}

function compare(a: Timer, b: Timer): number {
  return a.timestamp - b.timestamp || a.key - b.key || a.rank - b.rank;
}

interface StateTimers {
  readonly rank: (ns: number) => number;
  readonly groups: Map<number, Timer[]>;
}

export class ExpectedTimers {
  private readonly states = new Map<string, StateTimers>();

  constructor(private readonly expected: ExpectedState) {}

  private queue(d: StateDescriptor, key: number): { readonly timers: Timer[]; readonly rank: (ns: number) => number } {
    let s = this.states.get(d.name);
    if (s === undefined) {
      s = { rank: namespaceRank(d.namespace), groups: new Map() };
      this.states.set(d.name, s);
    }
    const group = keyGroupOfLong(key, d.maxParallelism);
    let timers = s.groups.get(group);
    if (timers === undefined) {
      timers = [];
      s.groups.set(group, timers);
    }
    return { timers, rank: s.rank };
  }

  /** Where `t` is in `timers` (>= 0), or -(insertion point) - 1. */
  private static find(timers: Timer[], t: Timer): number {
    let lo = 0;
    let hi = timers.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const c = compare(timers[mid] as Timer, t);
      if (c < 0) lo = mid + 1;
      else if (c > 0) hi = mid - 1;
      else return mid;
    }
    return -lo - 1;
  }

  registered(d: StateDescriptor, key: number, ns: number, timestamp: number): void {
    const { timers, rank } = this.queue(d, key);
    const t = { timestamp, key, ns, rank: rank(ns) };
    const i = ExpectedTimers.find(timers, t);
    if (i < 0) timers.splice(-i - 1, 0, t);
  }

  deleted(d: StateDescriptor, key: number, ns: number, timestamp: number): void {
    const { timers, rank } = this.queue(d, key);
    const i = ExpectedTimers.find(timers, { timestamp, key, ns, rank: rank(ns) });
    if (i >= 0) timers.splice(i, 1);
  }

  /** Checks a fire against the expected head of the timer's key group, and takes the timer out. */
  fired(d: StateDescriptor, key: number, ns: number, timestamp: number): void {
    const { timers, rank } = this.queue(d, key);
    const i = ExpectedTimers.find(timers, { timestamp, key, ns, rank: rank(ns) });
    this.expected.checked++;
    const what = `state ${d.name}: timer-fire of timer (key ${key}, ns ${ns}, timestamp ${timestamp})`;
    if (i < 0) {
      this.expected.problem('mismatch', `${what}, which is not registered`);
      return;
    }
    const head = timers[0] as Timer;
    if (i > 0) this.expected.problem('mismatch', `${what}, but timer (key ${head.key}, ns ${head.ns}, timestamp ${head.timestamp}) of its key group comes first`);
    timers.splice(i, 1);
  }
}
