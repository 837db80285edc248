// What the harness, the tuner and the reports ask of the lsm backend besides running it
// (BackendTraits); the registry reads it without loading the addon.

import type { BackendTraits } from '../types.js';
import { lsmCrashNotes } from './durability.js';
import { knobsFromFlinkConf } from './flink-conf.js';
import { estimateLsm } from './memory-estimate.js';
import { lsmEngineMemory } from './engine-memory.js';
import { LSM_TUNING } from './tuning.js';
import { ROCKSDB_TRACE } from './engine-trace.js';

export const LSM_TRAITS: BackendTraits = {
  estimateMemory: estimateLsm,
  engineMemory: lsmEngineMemory,
  crashNotes: lsmCrashNotes,
  flinkConf: knobsFromFlinkConf,
  tuning: LSM_TUNING,
  engineTrace: ROCKSDB_TRACE,
  chartColour: '#4e79a7',
  // The knobs that hold the bound come from flinkConf, given the TaskManager's managed memory.
  taskManagerBound: (m) => (m.rocksdb === null ? null : { kind: m.rocksdb.source === 'managed' ? 'managed' : 'fixed', bytes: m.rocksdb.budget, checkedByHarness: false }),
  // The TaskManager's managed memory is lsm.boundedMemory, which builds the cache and the write
  // buffer manager in place of the other two.
  sizedByTaskManagerBound: ['blockCacheSize', 'dbWriteBufferSize', 'boundedMemory'],
};
