// Flink tumbling event-time windows with an incremental aggregate: per event, get() then
// update() of the event key's accumulator in the namespace of the event's window; when event
// time passes a window's end, the window fires: every key of that namespace is read and cleared.
//
// Event time is the event count: window w covers events [w x windowSize, (w+1) x windowSize).
// The clock lives with the key space, so a warm-up and the run that follows share it.

import type { KeySpace, WorkloadDefinition, WorkloadParams } from '../types.js';
import { opSource, spaceState } from '../source.js';
import { settingNumber } from '../settings.js';
import { flinkLayout, keyChooser, LAYOUT_DEFAULTS } from './common.js';

const STATE = 'window-contents';

const windowSize = (p: WorkloadParams): number => settingNumber(p.extra, 'windowSize', { integer: true, min: 1 });

interface Clock {
  event: number;
}
const clocks = new WeakMap<KeySpace, Clock>();

const GET = 0;
const UPDATE = 1;
const FIRE = 2;

export const windowAgg: WorkloadDefinition = {
  name: 'window-agg',
  description: 'Flink tumbling windows: per event get()+update() under the window namespace; each window end reads and clears its namespace',
  source: 'flink',
  operations: [
    { name: 'window.add.get', action: 'get', writes: false, state: STATE, element: true },
    { name: 'window.add.put', action: 'put', writes: true, state: STATE },
    { name: 'window.fire', action: 'clear-namespace', writes: true, state: STATE },
  ],
  defaultDistribution: 'uniform',
  extraDefaults: { windowSize: 10_000, ...LAYOUT_DEFAULTS },
  // WindowOperator's "window-contents" state: an AggregatingState in the TimeWindow namespace.
  flinkStates: (p) => flinkLayout(p, [{ name: STATE, kind: 'aggregating', namespace: { kind: 'window', size: windowSize(p) }, ttl: null }]),
  validate(p) {
    windowSize(p);
    flinkLayout(p, []);
  },
  createLoad: () => null,
  createRun(p, rng, space, ops) {
    const size = windowSize(p);
    const keys = keyChooser(p, rng, space);
    const clock = spaceState(clocks, space, () => ({ event: 0 }));
    let step: 0 | 1 | 2 = GET;
    let key = 0;
    let win = 0;
    return opSource(ops, (b, i) => {
      b.arg[i] = 0;
      if (step === FIRE) {
        // The event just finished closed window `win`.
        b.kind[i] = FIRE;
        b.key[i] = 0;
        b.ns[i] = win;
        step = GET;
        return;
      }
      if (step === GET) {
        key = keys.next();
        win = Math.floor(clock.event / size) >>> 0;
        b.kind[i] = GET;
        step = UPDATE;
      } else {
        b.kind[i] = UPDATE;
        clock.event++;
        step = clock.event % size === 0 ? FIRE : GET;
      }
      b.key[i] = key;
      b.ns[i] = win;
    });
  },
};
