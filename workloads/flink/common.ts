// Shared pieces of the Flink keyed-state workloads: the load phase that gives every key one
// value, and key choice over the live keys.

import { createKeyChooser, type KeyChooser } from '../distributions/index.js';
import { chooserOptions } from '../distributions/settings.js';
import type { Rng } from '../../core/rng.js';
import { liveKeys, opSource } from '../source.js';
import type { KeySpace, OperationKind, OpSource, WorkloadParams } from '../types.js';

export const INSERT: OperationKind = { name: 'insert', action: 'put', writes: true };

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
