// What an acknowledged lsm write survives, from the knobs, and how the backend runs under
// --semantics flink (docs/durability.md). A put returns once RocksDB has it in the memtable and,
// with the WAL on, in the WAL's file: handed to the OS (a process kill keeps it), fsynced only
// with syncWrites (power loss keeps it). Without the WAL the write lives in process memory until
// a flush writes its memtable to an SST: a kill loses it, as Flink accepts (it recovers from its
// checkpoints; docs/references.md, Flink's RocksDB state backend).

import type { CheckpointSemantics, CrashNotes, DurabilityClass, ResolvedKnobs } from '../types.js';

export function lsmDurabilityClass(knobs: ResolvedKnobs): DurabilityClass {
  if (knobs.walEnabled === false) return 'none';
  return knobs.syncWrites === true ? 'machine' : 'process';
}

/** Flink's RocksDB backend writes no WAL. syncWrites needs the WAL, so setting it keeps the user's choice. */
export const LSM_CHECKPOINT_SEMANTICS: CheckpointSemantics = {
  knobs: { walEnabled: 'false' },
  durabilityKnobs: ['walEnabled', 'syncWrites'],
};

/** What a kill and a machine crash lose: a kill ends the process only, the OS still writes out what it was handed. */
export function lsmCrashNotes(knobs: ResolvedKnobs): CrashNotes {
  if (knobs.walEnabled === false) {
    return {
      processKill: 'the memtable: every write not yet flushed to an SST (no write-ahead log)',
      machineCrash: 'also recently flushed SSTs not yet synced by the OS',
    };
  }
  if (knobs.syncWrites === true) return { processKill: 'nothing (each write is in the WAL before it returns)', machineCrash: 'nothing (the WAL is fsynced per write)' };
  return {
    processKill: 'nothing (each write is in the WAL, handed to the OS, before it returns)',
    machineCrash: 'the WAL tail not yet fsynced: writes of the last moments',
  };
}
