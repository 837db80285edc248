// Flink ListState: add() per event to the event key's list, and every `getEvery` events a full
// get() of one key's list (as a timer or window firing would read it). Lists start empty and
// grow for the whole run, as Flink's do until something clears them; on engines without a merge
// operator each append is a read-modify-write of the whole list.

import type { WorkloadDefinition, WorkloadParams } from '../types.js';
import { opSource } from '../source.js';
import { settingNumber } from '../settings.js';
import { flinkLayout, keyChooser, keyedState, LAYOUT_DEFAULTS } from './common.js';

const STATE = 'list';

const getEvery = (p: WorkloadParams): number => settingNumber(p.extra, 'getEvery', { integer: true, min: 2 });

export const listState: WorkloadDefinition = {
  name: 'list-state',
  description: 'Flink ListState: add() per event to the key\'s list; every getEvery-th operation is a full get() of a list',
  source: 'flink',
  operations: [
    { name: 'list.add', action: 'append', writes: true, state: STATE },
    { name: 'list.get', action: 'get', writes: false, state: STATE },
  ],
  defaultDistribution: 'uniform',
  extraDefaults: { getEvery: 10, ...LAYOUT_DEFAULTS },
  flinkStates: (p) => flinkLayout(p, [keyedState(STATE, 'list')]),
  validate(p) {
    getEvery(p);
    flinkLayout(p, []);
  },
  createLoad: () => null,
  createRun(p, rng, space, ops) {
    const every = getEvery(p);
    const keys = keyChooser(p, rng, space);
    if (space.inserted < p.records) space.inserted = p.records;
    let n = 0;
    return opSource(ops, (b, i) => {
      n = n + 1 === every ? 0 : n + 1;
      b.kind[i] = n === 0 ? 1 : 0;
      b.key[i] = keys.next();
      b.ns[i] = 0;
      b.arg[i] = 0;
    });
  },
};
