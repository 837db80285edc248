// What a process kill can show for a configuration, and what a machine crash (power loss, kernel
// panic) would add, from the knobs. A SIGKILL ends the process only: whatever it handed to the
// OS (page cache) is written out later all the same. Only a machine crash loses unsynced pages.

import type { ResolvedKnobs } from '../../backends/types.js';

export interface CrashNotes {
  /** What a process kill loses with these knobs (what this command measures). */
  readonly processKill: string;
  /** What a machine crash would lose on top (this command cannot show it). */
  readonly machineCrash: string;
}

export function crashNotes(backend: string, knobs: ResolvedKnobs): CrashNotes {
  switch (backend) {
    case 'heap':
      return {
        processKill: 'every write since the last completed checkpoint (state lives in process memory)',
        machineCrash: 'nothing more when the snapshot is fsynced (checkpointFsync=true); otherwise the snapshot itself may be lost',
      };
    case 'lsm':
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
    case 'lmdb': {
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
    default:
      return { processKill: 'unknown', machineCrash: 'unknown' };
  }
}
