// What the harness, the tuner and the reports ask of the lmdb backend besides running it
// (BackendTraits); the registry reads it without loading lmdb-js.

import type { BackendTraits } from '../types.js';
import { lmdbCrashNotes } from './durability.js';
import { LMDB_KNOB_RECORDS } from './knobs.js';
import { estimateLmdb } from './memory-estimate.js';
import { lmdbOptions } from './paste-forms.js';

export const LMDB_TRAITS: BackendTraits = {
  estimateMemory: estimateLmdb,
  crashNotes: lmdbCrashNotes,
  // Its object cache is small: tune leaves the budget to the others (no memoryBytes).
  tuning: { records: LMDB_KNOB_RECORDS, pasteForms: (w) => ['lmdb-js:', lmdbOptions(w)] },
  chartColour: '#59a14f',
  // Flink has no LMDB backend; the nearest like for like is RocksDB's: the slot's managed memory.
  taskManagerBound: (m) => ({
    kind: 'managed',
    bytes: m.slot.managedMemory,
    checkedByHarness: false,
    notBounded:
      "lmdb's data is memory-mapped: its pages are the OS page cache, which no process setting bounds (the kernel grows and evicts it with the machine's free memory); the process's own share is lmdb-js's object cache, at most 32768 values held strongly",
  }),
};
