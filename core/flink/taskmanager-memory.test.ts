import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { flattenFlinkConf } from './flat-conf.js';
import { STOCK_MEMORY_CONFIGURATION } from './test-support/stock.js';
import { taskManagerMemory, type TaskExecutorMemoryConfiguration } from './taskmanager-memory.js';

const MB = 2 ** 20;
const GB = 2 ** 30;
const tm = (yaml: string) => taskManagerMemory(flattenFlinkConf(yaml));
const fixture = (name: string): string => readFileSync(new URL(`./test-support/${name}`, import.meta.url), 'utf8');

// The expected bytes, derived here by Flink's rules independently of the code under test: Flink's
// fractions are Java floats (Math.fround), widened to double and multiplied with the size, the
// product truncated to a long (MemorySize.multiply); a fraction of the rest is f / (1 - f).
const F = Math.fround;
const times = (bytes: number, fraction: number): number => Math.trunc(bytes * fraction);
const inverse = (fraction: number): number => fraction / (1 - fraction);
const cap = (v: number, min: number, max: number): number => (v > max ? max : v < min ? min : v);
const FRAMEWORK = 128 * MB;
const METASPACE = 256 * MB;

/** The defaults (managed 0.4, network 0.1 in 64m..max, overhead 0.1 in 192m..1g) from a total Flink memory. */
function fromTotalFlink(totalFlink: number, networkMax = Infinity) {
  const managedMemory = times(totalFlink, F(0.4));
  const networkMemory = cap(times(totalFlink, F(0.1)), 64 * MB, networkMax);
  return { managedMemory, networkMemory, taskHeap: totalFlink - 2 * FRAMEWORK - managedMemory - networkMemory };
}

function fromProcess(process: number, networkMax = Infinity): TaskExecutorMemoryConfiguration {
  const jvmOverhead = cap(times(process, F(0.1)), 192 * MB, GB);
  const totalFlinkMemory = process - METASPACE - jvmOverhead;
  const f = fromTotalFlink(totalFlinkMemory, networkMax);
  return { frameworkHeap: FRAMEWORK, frameworkOffHeap: FRAMEWORK, taskOffHeap: 0, ...f, jvmMetaspace: METASPACE, jvmOverhead, totalFlinkMemory, totalProcessMemory: process };
}

function fromFlinkSize(totalFlinkMemory: number): TaskExecutorMemoryConfiguration {
  const jvmOverhead = cap(times(totalFlinkMemory + METASPACE, inverse(F(0.1))), 192 * MB, GB);
  const f = fromTotalFlink(totalFlinkMemory);
  return { frameworkHeap: FRAMEWORK, frameworkOffHeap: FRAMEWORK, taskOffHeap: 0, ...f, jvmMetaspace: METASPACE, jvmOverhead, totalFlinkMemory, totalProcessMemory: totalFlinkMemory + METASPACE + jvmOverhead };
}

describe("taskManagerMemory: Flink's derivation, byte for byte", () => {
  it("gives Flink's stock configuration (process size 1728m) exactly what a TaskManager logs for it", () => {
    // Flink 1.x's flat flink-conf.yaml, and 2.x's nested config.yaml as Flink ships it (examples/flink).
    for (const text of [fixture('flink-conf-stock.yaml'), readFileSync(new URL('../../examples/flink/config.yaml', import.meta.url), 'utf8')]) {
      const r = tm(text);
      // From the "Final TaskExecutor Memory configuration" of a stock TaskManager's log.
      expect(r.memoryConfiguration).toEqual(STOCK_MEMORY_CONFIGURATION);
      expect(r.numberOfTaskSlots).toBe(1);
      expect(r.log).toEqual([
        'The derived from fraction jvm overhead memory (172.800mb (181193935 bytes)) is less than its min value 192.000mb (201326592 bytes), min value will be used instead',
      ]);
      expect(r.memoryConfiguration).toEqual(fromProcess(1728 * MB));
    }
  });

  // The second column: the same configurations through Flink's MemorySize.multiply (BigDecimal) in Java 17.
  it.each([
    ['process size 4g, 4 slots (nested config.yaml)', 'taskmanager:\n  numberOfTaskSlots: 4\n  memory:\n    process:\n      size: 4g\n', fromProcess(4 * GB), { taskHeap: 1530082070, managedMemory: 1438814063, networkMemory: 359703515, jvmOverhead: 429496736 }],
    ['flink size 2g (overhead from the inverse fraction)', 'taskmanager.memory.flink.size: 2g\n', fromFlinkSize(2 * GB), { taskHeap: 805306352, managedMemory: 858993472, networkMemory: 214748368, jvmOverhead: 268435460 }],
    ['process size 1g (overhead at its 192m minimum)', 'taskmanager.memory.process.size: 1g\n', fromProcess(GB), { taskHeap: 26843542, managedMemory: 241591914, networkMemory: 67108864, jvmOverhead: 201326592 }],
    ['process size 32g (overhead at its 1g maximum)', 'taskmanager.memory.process.size: 32g\n', fromProcess(32 * GB), { taskHeap: 16240344842, managedMemory: 13207024632, networkMemory: 3301756158, jvmOverhead: 1073741824 }],
    ['process size 16g, network at a configured 1g maximum', 'taskmanager.memory.process.size: 16g\ntaskmanager.memory.network.max: 1g\n', fromProcess(16 * GB, GB), { taskHeap: 8160437768, managedMemory: 6335076856, networkMemory: 1073741824, jvmOverhead: 1073741824 }],
  ])('%s', (_name, yaml, expected, java) => {
    const m = tm(yaml).memoryConfiguration;
    expect(m).toEqual(expected);
    expect(m).toMatchObject(java);
    expect(m.totalProcessMemory).toBe(m.totalFlinkMemory + m.jvmMetaspace + m.jvmOverhead);
  });

  it('derives network memory as the inverse fraction of the rest when task heap and managed size are explicit', () => {
    const r = tm('taskmanager.memory.task.heap.size: 1g\ntaskmanager.memory.managed.size: 2g\n').memoryConfiguration;
    const rest = 2 * FRAMEWORK + GB + 2 * GB;
    const networkMemory = times(rest, inverse(F(0.1)));
    const totalFlinkMemory = rest + networkMemory;
    const jvmOverhead = cap(times(totalFlinkMemory + METASPACE, inverse(F(0.1))), 192 * MB, GB);
    expect(r).toEqual({ frameworkHeap: FRAMEWORK, taskHeap: GB, frameworkOffHeap: FRAMEWORK, taskOffHeap: 0, networkMemory, managedMemory: 2 * GB, jvmMetaspace: METASPACE, jvmOverhead, totalFlinkMemory, totalProcessMemory: totalFlinkMemory + METASPACE + jvmOverhead });
    // Java 17, Flink's arithmetic:
    expect(r).toMatchObject({ networkMemory: 387740109, jvmOverhead: 460648506, totalProcessMemory: 4606484999 });
  });

  it('with flink size and task heap given, network memory is the rest, and the managed fraction of the total', () => {
    const r = tm('taskmanager.memory.flink.size: 2g\ntaskmanager.memory.task.heap.size: 512m\n').memoryConfiguration;
    const managedMemory = times(2 * GB, F(0.4));
    expect(r).toMatchObject({ taskHeap: 512 * MB, managedMemory, networkMemory: 2 * GB - 2 * FRAMEWORK - 512 * MB - managedMemory, totalFlinkMemory: 2 * GB });
  });

  it('with both flink and process size, the JVM overhead is what is left', () => {
    const r = tm('taskmanager.memory.flink.size: 2g\ntaskmanager.memory.process.size: 3g\n').memoryConfiguration;
    expect(r).toMatchObject({ totalFlinkMemory: 2 * GB, jvmOverhead: GB - METASPACE, totalProcessMemory: 3 * GB });
  });

  it('reads configured fractions as Java floats, and deprecated keys as Flink 1.x does', () => {
    const r = tm('taskmanager.memory.process.size: 4g\ntaskmanager.memory.managed.fraction: 0.3\ntaskmanager.network.memory.fraction: 0.15\n').memoryConfiguration;
    const totalFlink = 4 * GB - METASPACE - times(4 * GB, F(0.1));
    expect(r.managedMemory).toBe(times(totalFlink, F(0.3)));
    expect(r.networkMemory).toBe(times(totalFlink, F(0.15)));
    expect(r.managedMemory).not.toBe(Math.trunc(totalFlink * 0.3));
  });
});

describe('taskManagerMemory: what Flink refuses, with its reason', () => {
  it.each([
    // Flink's own message for a 700m TaskManager, as the Kubernetes operator reports it.
    ['components that exceed the total', fixture('config-refused-700m.yaml'), 'TaskManager memory configuration failed: Sum of configured Framework Heap Memory (128.000mb (134217728 bytes)), Framework Off-Heap Memory (128.000mb (134217728 bytes)), Task Off-Heap Memory (0 bytes), Managed Memory (100.800mb (105696462 bytes)) and Network Memory (64.000mb (67108864 bytes)) exceed configured Total Flink Memory (252.000mb (264241152 bytes)).'],
    ['a process size below flink size and metaspace', 'taskmanager.memory.flink.size: 2g\ntaskmanager.memory.process.size: 2g\n', 'TaskManager memory configuration failed: The configured Total Process Memory size (2.000gb (2147483648 bytes)) is less than the sum of the derived Total Flink Memory size (2.000gb (2147483648 bytes)) and the configured or default JVM Metaspace size  (256.000mb (268435456 bytes)).'],
    ['an overhead outside its range', 'taskmanager.memory.flink.size: 1g\ntaskmanager.memory.process.size: 3g\n', 'TaskManager memory configuration failed: Derived JVM Overhead size (1.750gb (1879048192 bytes)) is not in configured JVM Overhead range [192.000mb (201326592 bytes), 1024.000mb (1073741824 bytes)].'],
    ['explicit components above the flink size', 'taskmanager.memory.flink.size: 1g\ntaskmanager.memory.task.heap.size: 1g\n', 'TaskManager memory configuration failed: Sum of configured Framework Heap Memory (128.000mb (134217728 bytes)), Framework Off-Heap Memory (128.000mb (134217728 bytes)), Task Heap Memory (1024.000mb (1073741824 bytes)), Task Off-Heap Memory (0 bytes) and Managed Memory (409.600mb (429496736 bytes)) exceed configured Total Flink Memory (1024.000mb (1073741824 bytes)).'],
    ['a network rest outside the network range', 'taskmanager.memory.flink.size: 1g\ntaskmanager.memory.task.heap.size: 450m\ntaskmanager.memory.managed.size: 300m\n', /^TaskManager memory configuration failed: If Total Flink, Task Heap and \(or\) Managed Memory sizes are explicitly configured .* Derived Network Memory size \(18\.000mb \(18874368 bytes\)\) is not in configured Network Memory range \[64\.000mb \(67108864 bytes\), 8388608\.000tb \(9223372036854775807 bytes\)\]\.$/],
    ['JVM metaspace and overhead above the process size', 'taskmanager.memory.process.size: 400m\n', 'TaskManager memory configuration failed: Sum of configured JVM Metaspace (256.000mb (268435456 bytes)) and JVM Overhead (192.000mb (201326592 bytes)) exceed configured Total Process Memory (400.000mb (419430400 bytes)).'],
    ['a min above its max', 'taskmanager.memory.process.size: 2g\ntaskmanager.memory.jvm-overhead.min: 2g\n', /Inconsistently configured taskmanager\.memory\.jvm-overhead\.fraction \(0\.10000000149011612\) and its min \(2\.000gb .*\), max \(1024\.000mb .*\) value/],
    ['no size at all', 'taskmanager.numberOfTaskSlots: 2\n', /^TaskManager memory configuration failed: Either required fine-grained memory \(taskmanager\.memory\.task\.heap\.size and taskmanager\.memory\.managed\.size\), or Total Flink Memory size \(taskmanager\.memory\.flink\.size\), or Total Process Memory size \(taskmanager\.memory\.process\.size\) need to be configured explicitly\.$/],
    ['a size Flink cannot parse', 'taskmanager.memory.process.size: 1.5g\n', /^taskmanager\.memory\.process\.size: '1\.5g' is not valid; expected a memory size: a whole number/],
    ['a fraction of 1 or more', 'taskmanager.memory.process.size: 2g\ntaskmanager.memory.managed.fraction: 1.5\n', /^taskmanager\.memory\.managed\.fraction: '1\.5' is not valid; expected a fraction in \[0, 1\)/],
    ['zero slots', 'taskmanager.memory.process.size: 2g\ntaskmanager.numberOfTaskSlots: 0\n', /^taskmanager\.numberOfTaskSlots: '0' is not valid; expected a whole number >= 1$/],
    ['a pre-1.10 heap size', 'taskmanager.heap.size: 2g\n', /^taskmanager\.heap\.size: a pre-1\.10 memory option, not modelled here; give taskmanager\.memory\.flink\.size/],
  ])('%s', (_name, yaml, message) => {
    expect(() => tm(yaml)).toThrow(message);
  });
});
