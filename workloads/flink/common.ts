// Shared pieces of the Flink keyed-state workloads: the load phase that gives every key one
// value, and key choice over the live keys.

import { createKeyChooser, type KeyChooser } from '../distributions/index.js';
import { chooserOptions } from '../distributions/settings.js';
import type { Rng } from '../../core/rng.js';
import { liveKeys, opSource } from '../source.js';
import type { FlinkStateDeclaration, FlinkStates, KeySpace, OperationKind, OpSource, WorkloadParams } from '../types.js';
import { DEFAULT_MAX_PARALLELISM, MAX_MAX_PARALLELISM } from '../../core/flink/keyed-state.js';
import { settingChoice, settingNumber } from '../settings.js';
import { UsageError } from '../../core/errors.js';

/** The load's put of one key's first value into state `state`. */
export function insertInto(state: string): OperationKind {
  return { name: 'insert', action: 'put', writes: true, state };
}

/** Load: one value per key, keys 0 .. records-1 in order (kind index `kind`). */
export function loadEveryKey(p: WorkloadParams, space: KeySpace, kind: number): OpSource {
  return opSource(p.records, (b, i) => {
    b.kind[i] = kind;
    b.key[i] = space.inserted++;
    b.ns[i] = 0;
    b.arg[i] = 0;
  });
}

export function keyChooser(p: WorkloadParams, rng: Rng, space: KeySpace): KeyChooser {
  const count = liveKeys(space, p.records);
  return createKeyChooser(p.distribution, count, p.theta, rng, chooserOptions(p));
}

/** The layout settings every Flink workload takes: Flink's key layout (the default) or the plain one, and the key groups. */
export const LAYOUT_DEFAULTS = { keyLayout: 'flink', maxParallelism: DEFAULT_MAX_PARALLELISM } as const;

/**
 * The workload's states in Flink's key layout, or null under keyLayout=plain (every state in the
 * backend's one keyspace, keys as backends/key-codec.ts encodes them).
 */
export function flinkLayout(p: WorkloadParams, states: readonly FlinkStateDeclaration[]): FlinkStates | null {
  if (settingChoice(p.extra, 'keyLayout', ['flink', 'plain']) === 'plain') return null;
  const maxParallelism = settingNumber(p.extra, 'maxParallelism', { integer: true, min: 1, max: MAX_MAX_PARALLELISM });
  return { maxParallelism, states };
}

/**
 * The states of an operator workload, whose timers are Flink state: Flink's layout only (the
 * plain layout has no timer queues), so keyLayout=plain is refused in one line.
 */
export function operatorLayout(p: WorkloadParams, states: readonly FlinkStateDeclaration[]): FlinkStates {
  if (p.extra.keyLayout === 'plain') {
    throw new UsageError("--param keyLayout=plain: an operator workload keeps its timers as Flink state, which only Flink's key layout has; expected keyLayout=flink");
  }
  return flinkLayout(p, states) as FlinkStates;
}

/** A state outside windows (VoidNamespace), without TTL. */
export function keyedState(name: string, kind: FlinkStateDeclaration['kind']): FlinkStateDeclaration {
  return { name, kind, namespace: { kind: 'void' }, ttl: null };
}
