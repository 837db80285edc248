// What every simulated event-time operator shares: its timer service, its current watermark,
// the ops it has emitted, and the rule that runs timers when the watermark advances
// (InternalTimerServiceImpl.advanceWatermark: set the watermark, then poll and fire every timer
// at or before it, in the queue's order). The simulation lives with the key space, so a warm-up
// and the run after it share the clock, the watermark, the timers and the windows.

import type { Rng } from '../../core/rng.js';
import type { KeyChooser } from '../distributions/index.js';
import type { KeySpace, OperationKind, OpSource, WorkloadParams } from '../types.js';
import { spaceState } from '../source.js';
import { settingNumber } from '../settings.js';
import { keyChooser } from './common.js';
import { operatorSource, PendingOps } from './operator-source.js';
import { type Timer, TimerQueue } from './timer-queue.js';
import { BoundedOutOfOrderness, EventClock, type EventTimeSettings } from './event-time.js';

/** The name RocksDB gives an event-time timer service's column family: InternalTimeServiceManagerImpl's "_timer_state/event_" + the service's name. */
export const timersStateName = (service: string): string => `_timer_state/event_${service}`;

export abstract class EventTimeOperator {
  readonly pending = new PendingOps();
  protected readonly timers: TimerQueue;
  /** InternalTimerServiceImpl.currentWatermark: Long.MIN_VALUE (here -Infinity) until the first watermark. */
  protected watermark = -Infinity;

  constructor(p: WorkloadParams) {
    this.timers = new TimerQueue(settingNumber(p.extra, 'maxParallelism', { integer: true, min: 1 }));
  }

  /** Takes the next input element (and the watermark due after it), pushing its ops. */
  abstract step(keys: KeyChooser, rng: Rng): void;

  /** The operator's onEventTime for a timer the watermark passed. */
  protected abstract onEventTime(t: Timer): void;

  protected emit(kind: number, key: number, ns: number, arg = 0): void {
    this.pending.push(kind, key, ns, arg);
  }

  /** A watermark reaches the operator: when it is higher, fire the timers it passes. */
  advanceWatermark(to: number): void {
    if (to <= this.watermark) return;
    this.watermark = to;
    for (let t = this.timers.pollDue(to); t !== null; t = this.timers.pollDue(to)) this.onEventTime(t);
  }
}

/** A one-input operator: its elements' timestamps from one clock, its watermarks from one BoundedOutOfOrderness generator. */
export abstract class OneInputOperator extends EventTimeOperator {
  private readonly clock: EventClock;
  private readonly marks: BoundedOutOfOrderness;

  /** `origin`: the clock's first tick, so that a lagging element's windows start at 0 or later. */
  constructor(p: WorkloadParams, time: EventTimeSettings, origin: number) {
    super(p);
    this.clock = new EventClock(time, origin);
    this.marks = new BoundedOutOfOrderness(time.watermarkDelay);
  }

  /** The operator's processElement for an element of `key` at `ts`. */
  abstract processElement(key: number, ts: number): void;

  step(keys: KeyChooser, rng: Rng): void {
    const key = keys.next();
    const ts = this.clock.next(rng);
    this.marks.onEvent(ts);
    this.processElement(key, ts);
    if (this.clock.emitDue()) this.advanceWatermark(this.marks.current());
  }
}

/** The run (or warm-up) of an operator workload: the key space's simulation, fed keys from this phase's chooser. */
export function operatorRun<T extends EventTimeOperator>(
  store: WeakMap<KeySpace, T>,
  create: () => T,
  p: WorkloadParams,
  rng: Rng,
  space: KeySpace,
  ops: number | null,
): OpSource {
  const op = spaceState(store, space, create);
  const keys = keyChooser(p, rng, space);
  return operatorSource(ops, op.pending, () => op.step(keys, rng));
}

/** An operation kind: writes unless it only reads (get, iterate) or touches nothing (none). */
export function kind(name: string, action: OperationKind['action'], state: string | undefined, element = false): OperationKind {
  const writes = action !== 'get' && action !== 'iterate' && action !== 'none';
  return { name, action, writes, ...(state === undefined ? {} : { state }), ...(element ? { element } : {}) };
}
