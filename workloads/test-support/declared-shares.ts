// The operation mix each built-in workload declares (share of the run phase's ops per kind), for
// the tests that check the generated and the measured mixes against it.

/** window-agg: events per window (its default) */
const W = 10_000;
export const DECLARED_SHARES: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  'ycsb-a': { read: 0.5, update: 0.5 },
  'ycsb-b': { read: 0.95, update: 0.05 },
  'ycsb-c': { read: 1 },
  'ycsb-d': { read: 0.95, insert: 0.05 },
  'ycsb-e': { scan: 0.95, insert: 0.05 },
  'ycsb-f': { read: 0.5, 'read-modify-write': 0.5 },
  fillseq: { write: 1 },
  fillrandom: { write: 1 },
  overwrite: { update: 1 },
  readrandom: { read: 1 },
  readseq: { scan: 1 },
  seekrandom: { seek: 1 },
  deleterandom: { delete: 1 },
  readwhilewriting: { read: 0.5, write: 0.5 },
  'value-state': { 'value-get': 0.5, 'value-update': 0.5 },
  'list-state': { 'list-append': 0.9, 'list-get': 0.1 },
  'map-state': { 'map-put': 0.495, 'map-get': 0.495, 'map-iterate': 0.01 },
  'window-agg': { 'window-get': W / (2 * W + 1), 'window-update': W / (2 * W + 1), 'window-fire': 1 / (2 * W + 1) },
  'ttl-dedupe': { dedupe: 1 },
};

