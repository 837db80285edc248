// What an acknowledged lsm write survives, from the knobs, and how the backend runs under
// --semantics flink (docs/durability.md). A put returns once RocksDB has it in the memtable and,
// with the WAL on, in the WAL's file: handed to the OS (a process kill keeps it), fsynced only
// with syncWrites (power loss keeps it). Without the WAL the write lives in process memory until
// a flush writes its memtable to an SST: a kill loses it, as Flink accepts (it recovers from its
// checkpoints; docs/references.md, Flink's RocksDB state backend).

import type { CheckpointSemantics, DurabilityClass, ResolvedKnobs } from '../types.js';

export function lsmDurabilityClass(knobs: ResolvedKnobs): DurabilityClass {
  if (knobs.walEnabled === false) return 'none';
  return knobs.syncWrites === true ? 'machine' : 'process';
}

/** Flink's RocksDB backend writes no WAL. syncWrites needs the WAL, so setting it keeps the user's choice. */
export const LSM_CHECKPOINT_SEMANTICS: CheckpointSemantics = {
  knobs: { walEnabled: 'false' },
  durabilityKnobs: ['walEnabled', 'syncWrites'],
};
