// A keyed event-time session window, as a DataStream job writes it:
//   stream.keyBy(e -> e.key).window(EventTimeSessionWindows.withGap(Time.milliseconds(gap)))
//         .allowedLateness(...).aggregate(f)   (function=incremental)  or  .process(f)  (holistic)
// simulated per element as WindowOperator runs a merging assigner (its processElement and
// onEventTime with a MergingWindowSet, and EventTimeTrigger); the ops are the state calls:
//
// processElement: getMergingWindowSet() reads the key's "merging-window-set" ListState (every
// element, before anything else); addWindow([ts, ts + gap)) may merge: the trigger's onMerge
// registers the merged window's timer (when the watermark is before its end), each merged
// window's trigger timer and cleanup timer are deleted, and mergeNamespaces moves the merged
// state windows' contents into the kept one (RocksDB: per source a get and a delete, then the
// target written: AggregatingState a get and a put, ListState a merge per source). Then, unless
// the window is late (retired, the element dropped): add to its state window, the trigger's
// timer or a late firing's get, the cleanup timer; and persist() rewrites the set when it
// changed (ListState.update: one put of the whole list, or a clear when it is empty).
//
// onEventTime: the set read again; the trigger fires at the window's end - 1 (a get); at the
// cleanup time the state window is cleared, the trigger's timer deleted, the window retired and
// the set persisted (twice: clearAllState's persist and onEventTime's own, both against the set
// as it was read).
//
// Timers are in the session window's namespace, named here by its start: a session's windows of
// one key never share a start.

import type { FlinkNamespace } from '../../core/flink/keyed-state.js';
import type { KeySpace, OperationKind, WorkloadDefinition, WorkloadParams } from '../types.js';
import { operatorLayout, keyedState } from './common.js';
import { type EventTimeSettings, eventTimeSettings, tickSetting } from './event-time.js';
import { kind, OneInputOperator, operatorRun } from './event-time-operator.js';
import { type Entry, MergingWindowSet, type SessionWindow } from './merging-window-set.js';
import type { Timer } from './timer-queue.js';
import { allowedLateness, WINDOW_DEFAULTS, WINDOW_RECORDS, WINDOW_STATE, WINDOW_TIMERS, type WindowFunction, windowFunction, windowStates } from './window-settings.js';

const MERGING_SET = 'merging-window-set';

/** The operation kinds' indices. */
export const SESSION = {
  setGet: 0,
  late: 1,
  add: 2,
  append: 3,
  get: 4,
  register: 5,
  registerCleanup: 6,
  delete: 7,
  deleteCleanup: 8,
  mergeGet: 9,
  mergeClear: 10,
  mergePut: 11,
  mergeAppend: 12,
  setClear: 13,
  setUpdate: 14,
  fire: 15,
  setGetFire: 16,
  clear: 17,
} as const;

const OPERATIONS: readonly OperationKind[] = [
  kind('merging-set.get', 'get', MERGING_SET, true),
  kind('element.late', 'none', undefined),
  kind('window.add', 'rmw', WINDOW_STATE),
  kind('window.append', 'append', WINDOW_STATE),
  kind('window.get', 'get', WINDOW_STATE),
  kind('timer.register', 'timer-register', WINDOW_TIMERS),
  kind('timer.register.cleanup', 'timer-register', WINDOW_TIMERS),
  kind('timer.delete', 'timer-delete', WINDOW_TIMERS),
  kind('timer.delete.cleanup', 'timer-delete', WINDOW_TIMERS),
  kind('window.merge.get', 'get', WINDOW_STATE),
  kind('window.merge.clear', 'delete', WINDOW_STATE),
  kind('window.merge.put', 'rmw', WINDOW_STATE),
  kind('window.merge.append', 'append', WINDOW_STATE),
  kind('merging-set.clear', 'delete', MERGING_SET),
  kind('merging-set.update', 'put', MERGING_SET),
  kind('timer.fire', 'timer-fire', WINDOW_TIMERS),
  kind('merging-set.get.fire', 'get', MERGING_SET),
  kind('window.clear', 'delete', WINDOW_STATE),
];

interface Session {
  readonly gap: number;
  readonly lateness: number;
  readonly fn: WindowFunction;
  readonly time: EventTimeSettings;
}

const gap = (p: WorkloadParams): number => tickSetting(p, 'gap', 1);

const settings = (p: WorkloadParams): Session => ({ gap: gap(p), lateness: allowedLateness(p), fn: windowFunction(p), time: eventTimeSettings(p) });

export class SessionWindowOperator extends OneInputOperator {
  /** Each key's stored merging-window-set (absent: empty). */
  private readonly sets = new Map<number, readonly Entry[]>();

  constructor(
    p: WorkloadParams,
    private readonly s: Session,
  ) {
    super(p, s.time, s.time.maxDelay);
  }

  private cleanupTime(w: SessionWindow): number {
    return w.end - 1 + this.s.lateness;
  }

  private readSet(key: number, kindOfRead: number): MergingWindowSet {
    this.emit(kindOfRead, key, 0);
    return new MergingWindowSet(this.sets.get(key) ?? []);
  }

  /** MergingWindowSet.persist: when the set changed, ListState.update of it (RocksDB: a put of the list; an empty list: a clear). */
  private persist(key: number, set: MergingWindowSet): void {
    if (!set.changed()) return;
    if (set.mapping.length === 0) {
      this.emit(SESSION.setClear, key, 0);
      this.sets.delete(key);
    } else {
      this.emit(SESSION.setUpdate, key, 0);
      this.sets.set(key, set.mapping);
    }
  }

  /** WindowOperator.processElement for an element of `key` at `ts`. */
  processElement(key: number, ts: number): void {
    const incremental = this.s.fn === 'incremental';
    const set = this.readSet(key, SESSION.setGet);
    const added = set.add({ start: ts, end: ts + this.s.gap });
    const m = added.merge;
    if (m !== null) {
      const maxTs = m.result.end - 1;
      if (maxTs > this.watermark) this.register(SESSION.register, key, m.result.start, maxTs);
      for (const w of m.merged) {
        this.delete(SESSION.delete, key, w.start, w.end - 1);
        this.delete(SESSION.deleteCleanup, key, w.start, this.cleanupTime(w));
      }
      if (m.mergedStateWindows.length > 0) this.mergeNamespaces(key, m.stateWindow, m.mergedStateWindows, incremental);
    }
    const w = added.window;
    if (this.cleanupTime(w) <= this.watermark) {
      set.retire(w);
      this.emit(SESSION.late, key, 0);
    } else {
      const stateWindow = (set.find(w.start) as Entry).state;
      this.emit(incremental ? SESSION.add : SESSION.append, key, stateWindow);
      if (w.end - 1 <= this.watermark) this.emit(SESSION.get, key, stateWindow);
      else this.register(SESSION.register, key, w.start, w.end - 1);
      this.register(SESSION.registerCleanup, key, w.start, this.cleanupTime(w));
    }
    this.persist(key, set);
  }

  /** The RocksDB states' mergeNamespaces(target, sources). */
  private mergeNamespaces(key: number, target: number, sources: readonly number[], incremental: boolean): void {
    for (const source of sources) {
      this.emit(SESSION.mergeGet, key, source);
      this.emit(SESSION.mergeClear, key, source);
      if (!incremental) this.emit(SESSION.mergeAppend, key, target);
    }
    if (incremental) this.emit(SESSION.mergePut, key, target);
  }

  private register(kindOf: number, key: number, ns: number, ts: number): void {
    this.emit(kindOf, key, ns, ts);
    this.timers.register(ts, key, ns);
  }

  private delete(kindOf: number, key: number, ns: number, ts: number): void {
    this.emit(kindOf, key, ns, ts);
    this.timers.delete(ts, key, ns);
  }

  protected onEventTime(t: Timer): void {
    this.emit(SESSION.fire, t.key, t.ns, t.ts);
    const set = this.readSet(t.key, SESSION.setGetFire);
    const entry = set.find(t.ns);
    if (entry === null) return;
    const w = entry.window;
    if (t.ts === w.end - 1) this.emit(SESSION.get, t.key, entry.state);
    if (t.ts === this.cleanupTime(w)) {
      this.emit(SESSION.clear, t.key, entry.state);
      this.delete(SESSION.delete, t.key, w.start, w.end - 1);
      set.retire(w);
      this.persist(t.key, set);
    }
    this.persist(t.key, set);
  }
}

export const sessionOperator = (p: WorkloadParams): SessionWindowOperator => new SessionWindowOperator(p, settings(p));

const operators = new WeakMap<KeySpace, SessionWindowOperator>();

export const sessionWindow: WorkloadDefinition = {
  name: 'session-window',
  description: 'Flink WindowOperator, event-time session windows: per element the merging window set, merges, the add and timers; per timer a fire, get, clear',
  source: 'flink',
  operations: OPERATIONS,
  defaultDistribution: 'uniform',
  defaultRecords: WINDOW_RECORDS,
  extraDefaults: { gap: 1000, ...WINDOW_DEFAULTS },
  flinkStates(p) {
    const namespace: FlinkNamespace = { kind: 'session', gap: gap(p) };
    return operatorLayout(p, [...windowStates(p, namespace), keyedState(MERGING_SET, 'list')]);
  },
  validate(p) {
    settings(p);
    operatorLayout(p, []);
  },
  createLoad: () => null,
  createRun: (p, rng, space, ops) => operatorRun(operators, () => sessionOperator(p), p, rng, space, ops),
};
