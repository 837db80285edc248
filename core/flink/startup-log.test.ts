import { describe, expect, it } from 'vitest';
import { flattenFlinkConf } from './flat-conf.js';
import { taskExecutorLogLines } from './startup-log.js';
import { taskManagerMemory } from './taskmanager-memory.js';

// A stock TaskManager's log at start-up (Flink 1.x and 2.x print the same), without the log prefix.
const STOCK_LOG = `The derived from fraction jvm overhead memory (172.800mb (181193935 bytes)) is less than its min value 192.000mb (201326592 bytes), min value will be used instead
Final TaskExecutor Memory configuration:
  Total Process Memory:          1.688gb (1811939328 bytes)
    Total Flink Memory:          1.250gb (1342177280 bytes)
      Total JVM Heap Memory:     512.000mb (536870902 bytes)
        Framework:               128.000mb (134217728 bytes)
        Task:                    384.000mb (402653174 bytes)
      Total Off-heap Memory:     768.000mb (805306378 bytes)
        Managed:                 512.000mb (536870920 bytes)
        Total JVM Direct Memory: 256.000mb (268435458 bytes)
          Framework:             128.000mb (134217728 bytes)
          Task:                  0 bytes
          Network:               128.000mb (134217730 bytes)
    JVM Metaspace:               256.000mb (268435456 bytes)
    JVM Overhead:                192.000mb (201326592 bytes)`;

describe('taskExecutorLogLines', () => {
  it("prints the stock configuration line for line as a TaskManager's log", () => {
    const tm = taskManagerMemory(flattenFlinkConf('taskmanager.memory.process.size: 1728m\n'));
    expect(taskExecutorLogLines(tm).join('\n')).toBe(STOCK_LOG);
  });
});
