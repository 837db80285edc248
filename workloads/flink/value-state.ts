// Flink ValueState: per event, value() then update() of the event key's value (a keyed
// process function keeping one aggregate per key), in the VoidNamespace (ns 0).

import type { WorkloadDefinition } from '../types.js';
import { opSource } from '../source.js';
import { flinkLayout, insertInto, keyChooser, keyedState, LAYOUT_DEFAULTS, loadEveryKey } from './common.js';

const STATE = 'value';

export const valueState: WorkloadDefinition = {
  name: 'value-state',
  description: 'Flink ValueState: per event value() then update() of one keyed value (50% value.get, 50% value.update)',
  source: 'flink',
  operations: [
    insertInto(STATE),
    { name: 'value.get', action: 'get', writes: false, state: STATE, element: true },
    { name: 'value.update', action: 'put', writes: true, state: STATE },
  ],
  defaultDistribution: 'uniform',
  extraDefaults: { ...LAYOUT_DEFAULTS },
  flinkStates: (p) => flinkLayout(p, [keyedState(STATE, 'value')]),
  validate: (p) => void flinkLayout(p, []),
  createLoad: (p, _rng, space) => loadEveryKey(p, space, 0),
  createRun(p, rng, space, ops) {
    const keys = keyChooser(p, rng, space);
    let key = 0;
    let second = false;
    return opSource(ops, (b, i) => {
      // Two ops per event: the get chooses the key, the update writes the same key.
      if (!second) key = keys.next();
      b.kind[i] = second ? 2 : 1;
      b.key[i] = key;
      b.ns[i] = 0;
      b.arg[i] = 0;
      second = !second;
    });
  },
};
