// The settings and states the window operator workloads (tumbling, sliding, session) share:
// the window function, the allowed lateness, and WindowOperator's states.

import type { FlinkNamespace } from '../../core/flink/keyed-state.js';
import type { FlinkStateDeclaration, WorkloadParams } from '../types.js';
import { settingChoice } from '../settings.js';
import { EVENT_TIME_DEFAULTS, tickSetting } from './event-time.js';
import { LAYOUT_DEFAULTS } from './common.js';
import { timersStateName } from './event-time-operator.js';

/**
 * incremental: an AggregateFunction (or ReduceFunction) folds each element into an accumulator,
 * an AggregatingState; holistic: a ProcessWindowFunction sees all elements, kept in a ListState.
 */
export type WindowFunction = 'incremental' | 'holistic';

/** Defaults every window workload takes (besides its assigner's own). */
export const WINDOW_DEFAULTS = { function: 'incremental', allowedLateness: 0, ...EVENT_TIME_DEFAULTS, ...LAYOUT_DEFAULTS } as const;

/** Keys per window workload unless --records says otherwise: at one element per tick, each key sees about one element per 1000 ticks. */
export const WINDOW_RECORDS = 1000;

export const windowFunction = (p: WorkloadParams): WindowFunction => settingChoice(p.extra, 'function', ['incremental', 'holistic']);

/** WindowOperator's allowedLateness: a window's state is kept this many ticks past its end for late elements. */
export const allowedLateness = (p: WorkloadParams): number => tickSetting(p, 'allowedLateness', 0);

/** WindowOperator's window state ("window-contents") and its timer service ("window-timers"). */
export const WINDOW_STATE = 'window-contents';
export const WINDOW_TIMERS = timersStateName('window-timers');

/** The window contents (an AggregatingState or a ListState) and the timers, both in the window's namespace. */
export function windowStates(p: WorkloadParams, namespace: FlinkNamespace): FlinkStateDeclaration[] {
  const contents = windowFunction(p) === 'incremental' ? 'aggregating' : 'list';
  return [
    { name: WINDOW_STATE, kind: contents, namespace, ttl: null },
    { name: WINDOW_TIMERS, kind: 'timers', namespace, ttl: null },
  ];
}
