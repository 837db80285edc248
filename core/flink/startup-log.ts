// The TaskManager's memory as Flink logs it at start-up (flink-runtime BashJavaUtils
// logTaskExecutorConfiguration, after the INFO lines of the derivation): the same labels, indents
// and sizes, so the output can be compared line by line with a TaskManager's log.

import { humanReadable as hr } from './memory-size.js';
import type { TaskManagerMemory } from './taskmanager-memory.js';

export function taskExecutorLogLines(tm: TaskManagerMemory): string[] {
  const m = tm.memoryConfiguration;
  const jvmDirect = m.frameworkOffHeap + m.taskOffHeap + m.networkMemory;
  return [
    ...tm.log,
    'Final TaskExecutor Memory configuration:',
    `  Total Process Memory:          ${hr(m.totalProcessMemory)}`,
    `    Total Flink Memory:          ${hr(m.totalFlinkMemory)}`,
    `      Total JVM Heap Memory:     ${hr(m.frameworkHeap + m.taskHeap)}`,
    `        Framework:               ${hr(m.frameworkHeap)}`,
    `        Task:                    ${hr(m.taskHeap)}`,
    `      Total Off-heap Memory:     ${hr(m.managedMemory + jvmDirect)}`,
    `        Managed:                 ${hr(m.managedMemory)}`,
    `        Total JVM Direct Memory: ${hr(jvmDirect)}`,
    `          Framework:             ${hr(m.frameworkOffHeap)}`,
    `          Task:                  ${hr(m.taskOffHeap)}`,
    `          Network:               ${hr(m.networkMemory)}`,
    `    JVM Metaspace:               ${hr(m.jvmMetaspace)}`,
    `    JVM Overhead:                ${hr(m.jvmOverhead)}`,
  ];
}
