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
  'value-state': { 'value.get': 0.5, 'value.update': 0.5 },
  'list-state': { 'list.add': 0.9, 'list.get': 0.1 },
  'map-state': { 'map.put': 0.495, 'map.get': 0.495, 'map.iterate': 0.01 },
  'window-agg': { 'window.add.get': W / (2 * W + 1), 'window.add.put': W / (2 * W + 1), 'window.fire': 1 / (2 * W + 1) },
  'ttl-dedupe': { 'value.get+update': 1 },
  // The operator workloads set no ratio: their mix follows from the simulated operator (elements,
  // windows, merges, timers fired). These are the generator's shares over the tests' 100k ops at
  // 10k keys and default settings, as a guard that the mix stays what the operator made.
  'tumbling-window': {
    'window.add': 0.15,
    'timer.register': 0.15,
    'timer.register.cleanup': 0.15,
    'timer.fire': 0.1375,
    'window.get': 0.1375,
    'window.clear': 0.1375,
    'timer.delete': 0.1375,
  },
  'sliding-window': {
    'window.add': 0.04,
    'window.add.more': 0.12,
    'timer.register': 0.16,
    'timer.register.cleanup': 0.16,
    'timer.fire': 0.13,
    'window.get': 0.13,
    'window.clear': 0.13,
    'timer.delete': 0.13,
  },
  'session-window': {
    'merging-set.get': 0.092,
    'window.add': 0.092,
    'timer.register': 0.101,
    'timer.register.cleanup': 0.092,
    'merging-set.update': 0.095,
    'merging-set.clear': 0.144,
    'timer.delete': 0.082,
    'timer.delete.cleanup': 0.008,
    'timer.fire': 0.073,
    'merging-set.get.fire': 0.073,
    'window.get': 0.073,
    'window.clear': 0.073,
  },
  'interval-join': {
    'join.buffer.left': 0.102,
    'join.buffer.right': 0.102,
    'join.probe.left': 0.102,
    'join.probe.right': 0.102,
    'timer.register': 0.204,
    'element.late': 0.002,
    'timer.fire': 0.193,
    'join.cleanup.left': 0.096,
    'join.cleanup.right': 0.096,
  },
};

