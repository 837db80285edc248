// Inside an emulated Flink TaskManager (cell.memory, --taskmanager-memory) a slot's managed memory
// sizes RocksDB's cache: more cache is more managed memory, which a larger TaskManager or a larger
// managed fraction gives. This finds both, as Flink would derive them (core/flink), with Flink's
// defaults for every other key and the TaskManager's slots.

import { humanReadable } from '../../core/flink/memory-size.js';
import { taskManagerMemory, type TaskManagerMemory } from '../../core/flink/taskmanager-memory.js';

const MiB = 1024 * 1024;
/** Process sizes are suggested in whole 64 MiB steps, up to 1 TiB. */
const STEP_MIB = 64;
const MAX_MIB = 1024 * 1024;

/** Flink's TaskManager of these keys (its defaults for the rest), or null when Flink refuses it. */
function derive(keys: Readonly<Record<string, string>>): TaskManagerMemory | null {
  try {
    return taskManagerMemory(new Map(Object.entries(keys)));
  } catch {
    return null;
  }
}

export interface LargerTaskManager {
  /** taskmanager.memory.process.size that gives each slot the managed memory, e.g. "4480m"; null past 1 TiB. */
  readonly processSize: string | null;
  /** taskmanager.memory.managed.fraction that gives it in the TaskManager as it is; null when no fraction below 1 does. */
  readonly managedFraction: number | null;
}

/** The smallest TaskManager, and the managed fraction of this one, that give each of `slots` slots `managedPerSlot` bytes. */
export function largerTaskManager(processBytes: number, slots: number, managedPerSlot: number): LargerTaskManager {
  const slotKey = { 'taskmanager.numberOfTaskSlots': String(slots) };
  const enough = (mib: number): boolean => {
    const tm = derive({ ...slotKey, 'taskmanager.memory.process.size': `${mib}m` });
    return tm !== null && tm.memoryConfiguration.managedMemory / slots >= managedPerSlot;
  };
  // Managed memory grows with the process size: the smallest step that is enough, by bisection.
  let lo = Math.ceil(processBytes / MiB / STEP_MIB);
  let hi = MAX_MIB / STEP_MIB;
  let processSize: string | null = null;
  if (enough(hi * STEP_MIB)) {
    while (lo < hi) {
      const mid = Math.floor((lo + hi) / 2);
      if (enough(mid * STEP_MIB)) hi = mid;
      else lo = mid + 1;
    }
    processSize = `${hi * STEP_MIB}m`;
  }
  const current = derive({ ...slotKey, 'taskmanager.memory.process.size': `${processBytes}b` });
  let managedFraction: number | null = null;
  if (current !== null) {
    const fraction = Math.ceil(((managedPerSlot * slots) / current.memoryConfiguration.totalFlinkMemory) * 100) / 100;
    const fits = fraction < 1 && derive({ ...slotKey, 'taskmanager.memory.process.size': `${processBytes}b`, 'taskmanager.memory.managed.fraction': String(fraction) }) !== null;
    managedFraction = fits ? fraction : null;
  }
  return { processSize, managedFraction };
}

/** "taskmanager.memory.process.size: 4480m, or taskmanager.memory.managed.fraction: 0.9 in this one". */
export function largerTaskManagerText(larger: LargerTaskManager, current: string): string {
  const options = [
    ...(larger.processSize !== null ? [`a TaskManager of taskmanager.memory.process.size: ${larger.processSize}`] : []),
    ...(larger.managedFraction !== null ? [`taskmanager.memory.managed.fraction: ${larger.managedFraction} in the ${current} one (its task heap shrinks by as much)`] : []),
  ];
  return options.length > 0 ? options.join(', or ') : `more than a TaskManager of 1 TiB gives (${humanReadable(MAX_MIB * MiB)})`;
}
