// Deduplication with state TTL (a keyed "first seen" flag with StateTtlConfig): per event, get
// the key's entry; when absent or expired, put it with the current timestamp. The runner does the
// get/compare/put (action 'ttl-dedupe', arg = the current tick, ttl = TTL_TICKS).
//
// `expiredShare` sets the fraction of revisits that find their entry expired. A duplicate does not
// refresh the timestamp (Flink's default TTL update type, OnCreateAndWrite), so each key cycles:
// a write, duplicates for TTL_TICKS, then the first visit after that expires it. With uniform keys
// over n keys a key is visited once per n events on average, so a cycle holds L / n duplicates
// and one expiry when the TTL spans L events: the share is 1 / (1 + L / n), and L = n (1/s - 1)
// events of TTL give share s. Skewed key choice revisits hot keys more often, so fewer of their
// visits expire than the setting says.

import type { KeySpace, WorkloadDefinition, WorkloadParams } from '../types.js';
import { liveKeys, opSource, spaceState } from '../source.js';
import { settingNumber } from '../settings.js';
import { flinkLayout, keyChooser, LAYOUT_DEFAULTS } from './common.js';

const STATE = 'seen';

export const TTL_TICKS = 1000;

const expiredShare = (p: WorkloadParams): number => settingNumber(p.extra, 'expiredShare', { min: 0, below: 1 });

const clocks = new WeakMap<KeySpace, { tick: number }>();

/** Clock advance per event for a wanted expired share over `keys` uniformly chosen keys. */
export function ticksPerEvent(keys: number, share: number): number {
  return share === 0 ? 0 : TTL_TICKS / (keys * (1 / share - 1));
}

export const ttlDedupe: WorkloadDefinition = {
  name: 'ttl-dedupe',
  description: 'Flink dedupe with state TTL: per event get; when absent or expired (expiredShare of revisits) put with a timestamp',
  source: 'flink',
  operations: [{ name: 'dedupe', action: 'ttl-dedupe', writes: true, state: STATE }],
  defaultDistribution: 'uniform',
  extraDefaults: { expiredShare: 0.1, ...LAYOUT_DEFAULTS },
  ttlTicks: TTL_TICKS,
  flinkStates: (p) => flinkLayout(p, [{ name: STATE, kind: 'value', namespace: { kind: 'void' }, ttl: TTL_TICKS }]),
  validate(p) {
    expiredShare(p);
    flinkLayout(p, []);
  },
  createLoad: () => null,
  createRun(p, rng, space, ops) {
    const count = liveKeys(space, p.records);
    const step = ticksPerEvent(count, expiredShare(p));
    const keys = keyChooser(p, rng, space);
    if (space.inserted < count) space.inserted = count;
    const clock = spaceState(clocks, space, () => ({ tick: 0 }));
    return opSource(ops, (b, i) => {
      b.kind[i] = 0;
      b.key[i] = keys.next();
      b.ns[i] = 0;
      b.arg[i] = Math.floor(clock.tick) >>> 0;
      clock.tick += step;
    });
  },
};
