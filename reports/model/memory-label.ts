// The memory a cell's backend had inside the emulated Flink TaskManager (cell.memory,
// --taskmanager-memory), in the words every label, table and summary uses.

import type { CellMemory } from '../../core/result/schema.js';
import { formatBytes } from '../../core/units.js';

/** "task heap 384MiB (1728m TM)", "managed 512MiB (4g TM, 4 slots)", "unbounded (1728m TM)". */
export function memoryLabel(m: CellMemory): string {
  const tm = `${m.taskManager} TM${m.slots > 1 ? `, ${m.slots} slots` : ''}`;
  return `${m.bound === null ? 'unbounded' : `${m.bound.kind} ${formatBytes(m.bound.bytes)}`} (${tm})`;
}
