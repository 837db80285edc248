// An interval join of two keyed streams, as a DataStream job writes it:
//   left.keyBy(e -> e.key).intervalJoin(right.keyBy(e -> e.key))
//       .between(Time.milliseconds(lowerBound), Time.milliseconds(upperBound)).process(f)
// simulated per element as IntervalJoinOperator runs it; the ops are its state calls.
//
// Each side buffers its elements in a MapState of timestamp to the list of elements at that
// timestamp ("LEFT_BUFFER", "RIGHT_BUFFER"; in Flink's layout a map's entries are under the Flink
// key, ns here, and the user key is the timestamp). processElement: an element behind the
// watermark is dropped (no state access); otherwise addToBuffer (a get of its timestamp's list,
// then a put), a probe (an iteration over the other side's map for this key), and a cleanup
// timer in the String namespace CLEANUP_LEFT or CLEANUP_RIGHT of the "CLEANUP_TIMER" service, at
// the time the element can join nothing more. onEventTime removes that timestamp from the buffer.
//
// The two inputs have a watermark generator each (BoundedOutOfOrderness); the operator's
// watermark is the lower of the two, as a two-input operator combines them.

import type { Rng } from '../../core/rng.js';
import { UsageError } from '../../core/errors.js';
import type { KeyChooser } from '../distributions/index.js';
import type { KeySpace, OperationKind, WorkloadDefinition, WorkloadParams } from '../types.js';
import { settingNumber } from '../settings.js';
import { operatorLayout, keyedState, LAYOUT_DEFAULTS } from './common.js';
import { BoundedOutOfOrderness, EVENT_TIME_DEFAULTS, EventClock, type EventTimeSettings, eventTimeSettings } from './event-time.js';
import { EventTimeOperator, kind, operatorRun, timersStateName } from './event-time-operator.js';
import type { Timer } from './timer-queue.js';

const LEFT_BUFFER = 'LEFT_BUFFER';
const RIGHT_BUFFER = 'RIGHT_BUFFER';
const TIMERS = timersStateName('CLEANUP_TIMER');
/** The timers' String namespaces, by ns number. */
const CLEANUP_NAMESPACES = ['CLEANUP_LEFT', 'CLEANUP_RIGHT'];
const NS_LEFT = 0;
const NS_RIGHT = 1;

/** The operation kinds' indices; a name's last part is the buffer the op touches. */
export const JOIN = {
  late: 0,
  bufferLeft: 1,
  bufferRight: 2,
  probeRight: 3,
  probeLeft: 4,
  register: 5,
  fire: 6,
  cleanupLeft: 7,
  cleanupRight: 8,
} as const;

const OPERATIONS: readonly OperationKind[] = [
  kind('element.late', 'none', undefined, true),
  kind('join.buffer.left', 'rmw', LEFT_BUFFER, true),
  kind('join.buffer.right', 'rmw', RIGHT_BUFFER, true),
  kind('join.probe.right', 'iterate', RIGHT_BUFFER),
  kind('join.probe.left', 'iterate', LEFT_BUFFER),
  kind('timer.register', 'timer-register', TIMERS),
  kind('timer.fire', 'timer-fire', TIMERS),
  kind('join.cleanup.left', 'delete', LEFT_BUFFER),
  kind('join.cleanup.right', 'delete', RIGHT_BUFFER),
];

interface Join {
  /** Inclusive bounds: a right element at t joins a left one at s when s + lowerBound <= t <= s + upperBound. */
  readonly lowerBound: number;
  readonly upperBound: number;
  /** Share of elements on the left input; both inputs need elements, or the operator's watermark (their minimum) never moves. */
  readonly leftShare: number;
  readonly time: EventTimeSettings;
}

const BOUND = 0x3fff_ffff;

function settings(p: WorkloadParams): Join {
  const lowerBound = settingNumber(p.extra, 'lowerBound', { integer: true, min: -BOUND, max: BOUND });
  const upperBound = settingNumber(p.extra, 'upperBound', { integer: true, min: -BOUND, max: BOUND });
  if (lowerBound > upperBound) throw new UsageError(`--param lowerBound=${lowerBound}: expected at most upperBound (${upperBound}), as IntervalJoinOperator requires`);
  return { lowerBound, upperBound, leftShare: settingNumber(p.extra, 'leftShare', { above: 0, below: 1 }), time: eventTimeSettings(p) };
}

export class IntervalJoinOperator extends EventTimeOperator {
  private readonly clock: EventClock;
  private readonly leftMarks: BoundedOutOfOrderness;
  private readonly rightMarks: BoundedOutOfOrderness;

  constructor(
    p: WorkloadParams,
    private readonly j: Join,
  ) {
    super(p);
    this.clock = new EventClock(j.time, j.time.maxDelay);
    this.leftMarks = new BoundedOutOfOrderness(j.time.watermarkDelay);
    this.rightMarks = new BoundedOutOfOrderness(j.time.watermarkDelay);
  }

  step(keys: KeyChooser, rng: Rng): void {
    const key = keys.next();
    const left = rng.next() < this.j.leftShare;
    const ts = this.clock.next(rng);
    (left ? this.leftMarks : this.rightMarks).onEvent(ts);
    this.processElement(key, ts, left);
    if (this.clock.emitDue()) this.advanceWatermark(Math.min(this.leftMarks.current(), this.rightMarks.current()));
  }

  /** processElement1 (left) or processElement2 (right) for an element of `key` at `ts`. */
  processElement(key: number, ts: number, left: boolean): void {
    if (ts < this.watermark) {
      this.emit(JOIN.late, key, 0);
      return;
    }
    // The element's own buffer (map key = the Flink key, user key = its timestamp), then the other side's.
    this.emit(left ? JOIN.bufferLeft : JOIN.bufferRight, ts, key);
    this.emit(left ? JOIN.probeRight : JOIN.probeLeft, 0, key);
    const relativeUpper = left ? this.j.upperBound : -this.j.lowerBound;
    const cleanup = relativeUpper > 0 ? ts + relativeUpper : ts;
    const ns = left ? NS_LEFT : NS_RIGHT;
    this.emit(JOIN.register, key, ns, cleanup);
    this.timers.register(cleanup, key, ns);
  }

  protected onEventTime(t: Timer): void {
    this.emit(JOIN.fire, t.key, t.ns, t.ts);
    const { lowerBound, upperBound } = this.j;
    if (t.ns === NS_LEFT) this.emit(JOIN.cleanupLeft, upperBound <= 0 ? t.ts : t.ts - upperBound, t.key);
    else this.emit(JOIN.cleanupRight, lowerBound <= 0 ? t.ts + lowerBound : t.ts, t.key);
  }
}

export const joinOperator = (p: WorkloadParams): IntervalJoinOperator => new IntervalJoinOperator(p, settings(p));

const operators = new WeakMap<KeySpace, IntervalJoinOperator>();

export const intervalJoin: WorkloadDefinition = {
  name: 'interval-join',
  description: 'Flink IntervalJoinOperator: per element a buffer add (get + put), a probe of the other buffer, a cleanup timer; per timer a buffer removal',
  source: 'flink',
  operations: OPERATIONS,
  defaultDistribution: 'uniform',
  defaultRecords: 1000,
  extraDefaults: { lowerBound: -1000, upperBound: 1000, leftShare: 0.5, ...EVENT_TIME_DEFAULTS, ...LAYOUT_DEFAULTS },
  flinkStates: (p) =>
    operatorLayout(p, [keyedState(LEFT_BUFFER, 'map'), keyedState(RIGHT_BUFFER, 'map'), { name: TIMERS, kind: 'timers', namespace: { kind: 'names', names: CLEANUP_NAMESPACES }, ttl: null }]),
  validate(p) {
    settings(p);
    operatorLayout(p, []);
  },
  createLoad: () => null,
  createRun: (p, rng, space, ops) => operatorRun(operators, () => joinOperator(p), p, rng, space, ops),
};
