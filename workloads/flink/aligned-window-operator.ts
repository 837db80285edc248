// Flink's WindowOperator with a tumbling or sliding event-time assigner (TumblingEventTimeWindows,
// SlidingEventTimeWindows: windows [n x slide, n x slide + size), offset 0) and its
// EventTimeTrigger, simulated per element; the ops are the state calls it makes.
//
// processElement, per window the assigner gives (latest start first), unless the window is late
// (its end - 1 + allowedLateness <= the watermark): windowState.add(element) (an AggregatingState:
// a get then a put; a ListState: a merge, 'append'); the trigger's onElement registers a timer at
// the window's end - 1, or, when the watermark has passed that already (a late element within the
// lateness), fires: windowState.get(); then registerCleanupTimer at end - 1 + allowedLateness
// (the same timer as the trigger's when the lateness is 0: the service keeps one). An element no
// window takes is dropped: one 'element.late' op, no state access.
//
// onEventTime(timer): the trigger fires when the timer is the window's end - 1: windowState.get();
// at the cleanup time: windowState.clear(), and the trigger's clear deletes its timer (end - 1).

import type { KeySpace, OperationKind, WorkloadDefinition, WorkloadParams } from '../types.js';
import { operatorLayout } from './common.js';
import { type EventTimeSettings, eventTimeSettings } from './event-time.js';
import { kind, OneInputOperator, operatorRun } from './event-time-operator.js';
import type { Timer } from './timer-queue.js';
import { allowedLateness, WINDOW_DEFAULTS, WINDOW_RECORDS, WINDOW_STATE, WINDOW_TIMERS, type WindowFunction, windowFunction, windowStates } from './window-settings.js';

/** The operation kinds' indices. */
export const ALIGNED = {
  late: 0,
  add: 1,
  append: 2,
  get: 3,
  register: 4,
  registerCleanup: 5,
  fire: 6,
  clear: 7,
  delete: 8,
  addMore: 9,
  appendMore: 10,
} as const;

const BASE_KINDS: readonly OperationKind[] = [
  kind('element.late', 'none', undefined, true),
  kind('window.add', 'rmw', WINDOW_STATE, true),
  kind('window.append', 'append', WINDOW_STATE, true),
  kind('window.get', 'get', WINDOW_STATE),
  kind('timer.register', 'timer-register', WINDOW_TIMERS),
  kind('timer.register.cleanup', 'timer-register', WINDOW_TIMERS),
  kind('timer.fire', 'timer-fire', WINDOW_TIMERS),
  kind('window.clear', 'delete', WINDOW_STATE),
  kind('timer.delete', 'timer-delete', WINDOW_TIMERS),
];

/** A sliding window's further windows per element: the same add, on a kind that does not begin an element. */
const MORE_KINDS: readonly OperationKind[] = [kind('window.add.more', 'rmw', WINDOW_STATE), kind('window.append.more', 'append', WINDOW_STATE)];

interface Aligned {
  readonly size: number;
  readonly slide: number;
  readonly lateness: number;
  readonly fn: WindowFunction;
  readonly time: EventTimeSettings;
}

export class AlignedWindowOperator extends OneInputOperator {
  constructor(
    p: WorkloadParams,
    private readonly w: Aligned,
  ) {
    // The clock starts a window and a delay in: every window an element falls in starts at 0 or later.
    super(p, w.time, w.size + w.time.maxDelay);
  }

  /** WindowOperator.processElement for an element of `key` at `ts`. */
  processElement(key: number, ts: number): void {
    const { size, slide, lateness, fn } = this.w;
    const incremental = fn === 'incremental';
    let first = true;
    // SlidingEventTimeWindows.assignWindows: from the last window start down, while the window holds ts.
    for (let start = ts - (ts % slide); start > ts - size; start -= slide) {
      const maxTs = start + size - 1;
      const cleanup = maxTs + lateness;
      if (cleanup <= this.watermark) continue;
      const ns = start / slide;
      const add = first ? (incremental ? ALIGNED.add : ALIGNED.append) : incremental ? ALIGNED.addMore : ALIGNED.appendMore;
      first = false;
      this.emit(add, key, ns);
      if (maxTs <= this.watermark) {
        this.emit(ALIGNED.get, key, ns);
      } else {
        this.emit(ALIGNED.register, key, ns, maxTs);
        this.timers.register(maxTs, key, ns);
      }
      this.emit(ALIGNED.registerCleanup, key, ns, cleanup);
      this.timers.register(cleanup, key, ns);
    }
    if (first) this.emit(ALIGNED.late, key, 0);
  }

  protected onEventTime(t: Timer): void {
    const start = t.ns * this.w.slide;
    const maxTs = start + this.w.size - 1;
    this.emit(ALIGNED.fire, t.key, t.ns, t.ts);
    if (t.ts === maxTs) this.emit(ALIGNED.get, t.key, t.ns);
    if (t.ts === maxTs + this.w.lateness) {
      this.emit(ALIGNED.clear, t.key, t.ns);
      this.emit(ALIGNED.delete, t.key, t.ns, maxTs);
      this.timers.delete(maxTs, t.key, t.ns);
    }
  }
}

export interface AlignedWorkload {
  readonly name: string;
  readonly description: string;
  readonly defaults: Readonly<Record<string, number>>;
  /** Sliding: windows overlap, an element adds to several (the kinds for its further windows, a slide in the namespace). */
  readonly sliding: boolean;
  /** Window size and slide (equal for tumbling windows), validated. */
  readonly geometry: (p: WorkloadParams) => { size: number; slide: number };
}

const settings = (a: AlignedWorkload, p: WorkloadParams): Aligned => ({ ...a.geometry(p), lateness: allowedLateness(p), fn: windowFunction(p), time: eventTimeSettings(p) });

/** A fresh operator of workload `a` with parameters `p`. */
export const alignedOperator = (a: AlignedWorkload, p: WorkloadParams): AlignedWindowOperator => new AlignedWindowOperator(p, settings(a, p));

/** A tumbling or sliding window workload. */
export function alignedWindowWorkload(a: AlignedWorkload): WorkloadDefinition {
  const operators = new WeakMap<KeySpace, AlignedWindowOperator>();
  const { sliding } = a;
  return {
    name: a.name,
    description: a.description,
    source: 'flink',
    operations: sliding ? [...BASE_KINDS, ...MORE_KINDS] : BASE_KINDS,
    defaultDistribution: 'uniform',
    defaultRecords: WINDOW_RECORDS,
    extraDefaults: { ...a.defaults, ...WINDOW_DEFAULTS },
    flinkStates(p) {
      const { size, slide } = a.geometry(p);
      return operatorLayout(p, windowStates(p, sliding ? { kind: 'window', size, slide } : { kind: 'window', size }));
    },
    validate(p) {
      settings(a, p);
      operatorLayout(p, []);
    },
    createLoad: () => null,
    createRun: (p, rng, space, ops) => operatorRun(operators, () => alignedOperator(a, p), p, rng, space, ops),
  };
}
