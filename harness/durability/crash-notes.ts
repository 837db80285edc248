// What a process kill can show for a configuration, and what a machine crash (power loss, kernel
// panic) would add, from the knobs; each backend says it for itself (BackendTraits.crashNotes).
// A SIGKILL ends the process only: whatever it handed to the OS (page cache) is written out later
// all the same. Only a machine crash loses unsynced pages.

import { backendTraits } from '../../backends/registry.js';
import type { CrashNotes, ResolvedKnobs } from '../../backends/types.js';

export function crashNotes(backend: string, knobs: ResolvedKnobs): CrashNotes {
  return backendTraits(backend)?.crashNotes?.(knobs) ?? { processKill: 'unknown', machineCrash: 'unknown' };
}
