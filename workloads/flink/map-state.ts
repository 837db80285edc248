// Flink MapState: one map per key. An operation's ns is the map's key and its key the user key
// (0 .. mapEntries-1), so iterating a map is a scan of container ns: in Flink's layout a prefix
// seek on [key group][key][VoidNamespace] (the user key follows), in the heap a map per key.
// Per event: put() or get() of one user key of the event key's map (putRatio of them puts);
// every `iterateEvery` events an iteration over one map's entries.

import type { WorkloadDefinition, WorkloadParams } from '../types.js';
import { opSource } from '../source.js';
import { settingNumber } from '../settings.js';
import { flinkLayout, keyChooser, keyedState, LAYOUT_DEFAULTS } from './common.js';

const STATE = 'map';

const settings = (p: WorkloadParams) => ({
  mapEntries: settingNumber(p.extra, 'mapEntries', { integer: true, min: 1, max: 0xffffffff }),
  putRatio: settingNumber(p.extra, 'putRatio', { min: 0, max: 1 }),
  iterateEvery: settingNumber(p.extra, 'iterateEvery', { integer: true, min: 2 }),
});

export const mapState: WorkloadDefinition = {
  name: 'map-state',
  description: 'Flink MapState: put()/get() of user keys in the event key\'s map, every iterateEvery-th event an iteration of a map',
  source: 'flink',
  operations: [
    { name: 'insert', action: 'put', writes: true, state: STATE },
    { name: 'map.put', action: 'put', writes: true, state: STATE },
    { name: 'map.get', action: 'get', writes: false, state: STATE },
    { name: 'map.iterate', action: 'iterate', writes: false, state: STATE },
  ],
  defaultDistribution: 'uniform',
  extraDefaults: { mapEntries: 8, putRatio: 0.5, iterateEvery: 100, ...LAYOUT_DEFAULTS },
  flinkStates: (p) => flinkLayout(p, [keyedState(STATE, 'map')]),
  validate(p) {
    settings(p);
    flinkLayout(p, []);
  },
  createLoad(p, _rng, space) {
    const { mapEntries } = settings(p);
    let map = 0;
    let entry = 0;
    return opSource(p.records * mapEntries, (b, i) => {
      b.kind[i] = 0;
      b.key[i] = entry;
      b.ns[i] = map;
      b.arg[i] = 0;
      space.inserted++;
      if (++entry === mapEntries) {
        entry = 0;
        map++;
      }
    });
  },
  createRun(p, rng, space, ops) {
    const { mapEntries, putRatio, iterateEvery } = settings(p);
    // Maps are the keys: the chooser runs over the records, whatever the entry count.
    const maps = keyChooser(p, rng, { inserted: p.records });
    if (space.inserted < p.records * mapEntries) space.inserted = p.records * mapEntries;
    let n = 0;
    return opSource(ops, (b, i) => {
      n = n + 1 === iterateEvery ? 0 : n + 1;
      b.ns[i] = maps.next();
      b.arg[i] = 0;
      if (n === 0) {
        b.kind[i] = 3;
        b.key[i] = 0;
      } else {
        b.kind[i] = rng.next() < putRatio ? 1 : 2;
        b.key[i] = rng.int(mapEntries);
      }
    });
  },
};
