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
//
// `newKeyShare` makes the id stream unbounded: that share of events brings an id never seen before
// (keys from `records` upwards), the rest revisit the `records` ids as above. Every new id is
// written once and never read again, so without cleanup the state grows by newKeyShare entries per
// event for ever; with a cleanup it levels off near (new ids per tick) x TTL_TICKS. The clock then
// advances (1 - newKeyShare) times as fast per event, so that the revisits keep `expiredShare`.
//
// `ttlCleanup` is the state's StateTtlConfig cleanup (core/flink/keyed-state.ts, TtlCleanup):
// background (Flink's default: the backend's own strategy), compaction, incremental,
// full-snapshot or none.

import type { KeySpace, WorkloadDefinition, WorkloadParams } from '../types.js';
import { liveKeys, opSource, spaceState } from '../source.js';
import { settingChoice, settingNumber } from '../settings.js';
import { TTL_CLEANUPS, type TtlCleanup } from '../../core/flink/keyed-state.js';
import { flinkLayout, keyChooser, LAYOUT_DEFAULTS } from './common.js';

const STATE = 'seen';

export const TTL_TICKS = 1000;

const expiredShare = (p: WorkloadParams): number => settingNumber(p.extra, 'expiredShare', { min: 0, below: 1 });

const newKeyShare = (p: WorkloadParams): number => settingNumber(p.extra, 'newKeyShare', { min: 0, below: 1 });

const ttlCleanup = (p: WorkloadParams): TtlCleanup => settingChoice(p.extra, 'ttlCleanup', TTL_CLEANUPS);

/** The event clock and the id stream, shared by the warm-up and the run of a cell. */
interface DedupeStream {
  tick: number;
  /** Ids the revisits choose among (0 .. revisited-1), fixed at the first run. */
  readonly revisited: number;
  /** The next never-seen id. */
  nextNew: number;
}

const streams = new WeakMap<KeySpace, DedupeStream>();

/** Clock advance per event for a wanted expired share over `keys` uniformly chosen keys. */
export function ticksPerEvent(keys: number, share: number): number {
  return share === 0 ? 0 : TTL_TICKS / (keys * (1 / share - 1));
}

export const ttlDedupe: WorkloadDefinition = {
  name: 'ttl-dedupe',
  description: 'Flink dedupe with state TTL: per event value(); when absent or expired (expiredShare of revisits) update() with a timestamp; newKeyShare of events bring new ids; ttlCleanup: Flink\'s TTL cleanup',
  source: 'flink',
  operations: [{ name: 'value.get+update', action: 'ttl-dedupe', writes: true, state: STATE }],
  defaultDistribution: 'uniform',
  extraDefaults: { expiredShare: 0.1, newKeyShare: 0, ttlCleanup: 'background', ...LAYOUT_DEFAULTS },
  ttlTicks: TTL_TICKS,
  flinkStates: (p) => flinkLayout(p, [{ name: STATE, kind: 'value', namespace: { kind: 'void' }, ttl: TTL_TICKS, ttlCleanup: ttlCleanup(p) }]),
  validate(p) {
    expiredShare(p);
    newKeyShare(p);
    ttlCleanup(p);
    flinkLayout(p, []);
  },
  createLoad: () => null,
  createRun(p, rng, space, ops) {
    const count = liveKeys(space, p.records);
    const stream = spaceState(streams, space, () => ({ tick: 0, revisited: count, nextNew: count }));
    const fresh = newKeyShare(p);
    const step = ticksPerEvent(stream.revisited, expiredShare(p)) * (1 - fresh);
    const keys = keyChooser(p, rng, { inserted: stream.revisited });
    if (space.inserted < count) space.inserted = count;
    const source = opSource(ops, (b, i) => {
      b.kind[i] = 0;
      b.key[i] = fresh > 0 && rng.next() < fresh ? stream.nextNew++ : keys.next();
      b.ns[i] = 0;
      b.arg[i] = Math.floor(stream.tick) >>> 0;
      stream.tick += step;
    });
    let batchStart = 0;
    return {
      total: source.total,
      fill(batch, max) {
        batchStart = Math.floor(stream.tick);
        const n = source.fill(batch, max);
        if (space.inserted < stream.nextNew) space.inserted = stream.nextNew;
        return n;
      },
      clock: () => batchStart,
    };
  },
};
