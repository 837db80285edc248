// What an acknowledged lmdb write survives, from the knobs, and how the backend runs under
// --semantics flink (docs/durability.md). A commit writes into the memory-mapped file, so the
// page cache holds it the moment it commits: a process kill keeps every committed write. Power
// loss keeps it only when the write was acknowledged after its fsync. lmdb-js acknowledges a
// commit before its flush when overlappingSync is on (its default on Linux: the write's promise
// resolves at commit, `flushed` later), and a reboot restores the last flushed transaction; noSync
// and noMetaSync skip (part of) the flush. On the sync path with writeBatchOps > 1, putSync returns
// before its batch commits: those writes are in process memory only.

import type { CheckpointSemantics, CrashNotes, DurabilityClass, ResolvedKnobs } from '../types.js';

export function lmdbDurabilityClass(knobs: ResolvedKnobs): DurabilityClass {
  const batched = knobs.writePath === 'sync' && typeof knobs.writeBatchOps === 'number' && knobs.writeBatchOps > 1;
  if (batched) return 'none';
  const noSync = knobs.noSync === true;
  // Unset: lmdb-js's rule (on unless noSync), as backends/lmdb/options.ts resolves it.
  const overlapping = typeof knobs.overlappingSync === 'boolean' ? knobs.overlappingSync : !noSync;
  return noSync || knobs.noMetaSync === true || overlapping ? 'process' : 'machine';
}

/**
 * Commits without fsync: the nearest lmdb-js has to Flink's per-write behaviour (durability from
 * checkpoints). overlappingSync cannot be combined with noSync, so setting it keeps the user's choice.
 */
export const LMDB_CHECKPOINT_SEMANTICS: CheckpointSemantics = {
  knobs: { noSync: 'true' },
  durabilityKnobs: ['noSync', 'overlappingSync'],
};

/** What a kill and a machine crash lose: a kill keeps every commit, a machine crash what was not fsynced. */
export function lmdbCrashNotes(knobs: ResolvedKnobs): CrashNotes {
  const batched = knobs.writePath === 'sync' && typeof knobs.writeBatchOps === 'number' && knobs.writeBatchOps > 1;
  const kill = batched
    ? 'writes of the open batch transaction (putSync returns before its batch commits)'
    : 'nothing (a write is acknowledged once its transaction committed)';
  if (knobs.noSync === true) return { processKill: kill, machineCrash: 'recent commits, and the file may be left corrupt (no fsync at commit)' };
  if (knobs.noMetaSync === true) return { processKill: kill, machineCrash: 'the last commit(s) (meta page not fsynced); no corruption' };
  // Unset: on (lmdb-js's rule without noSync). The write is acknowledged at commit, its fsync follows.
  if (knobs.overlappingSync !== false) return { processKill: kill, machineCrash: 'the last commit(s) acknowledged before their fsync finished (overlappingSync); no corruption' };
  return { processKill: kill, machineCrash: 'nothing (fsync before the commit is acknowledged)' };
}
