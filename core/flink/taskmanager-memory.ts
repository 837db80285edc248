// A Flink TaskManager's memory, derived from its configuration as Flink derives it at start-up
// (flink-runtime: TaskExecutorProcessUtils -> ProcessMemoryUtils with TaskExecutorFlinkMemoryUtils;
// docs/references.md, "Flink's TaskManager memory model"), byte for byte: fractions are Java
// floats, products go through MemorySize.multiply, and what Flink refuses is refused with Flink's
// reason. Pure: a flattened configuration in, every component in bytes out.

import { UsageError } from '../errors.js';
import type { FlatConf } from './flat-conf.js';
import { humanReadable as hr, multiplyBytes } from './memory-size.js';
import { FRACTION_OPTIONS, SIZE_OPTIONS, TaskManagerOptions } from './taskmanager-options.js';

/** The fields of Flink's REST API for a TaskManager's memory (TaskExecutorMemoryConfiguration), in bytes. */
export interface TaskExecutorMemoryConfiguration {
  frameworkHeap: number;
  taskHeap: number;
  frameworkOffHeap: number;
  taskOffHeap: number;
  networkMemory: number;
  managedMemory: number;
  jvmMetaspace: number;
  jvmOverhead: number;
  totalFlinkMemory: number;
  totalProcessMemory: number;
}

export interface TaskManagerMemory {
  memoryConfiguration: TaskExecutorMemoryConfiguration;
  /** taskmanager.numberOfTaskSlots (1 by default). */
  numberOfTaskSlots: number;
  /** What Flink logs (INFO) while deriving: a fraction capped to its min or max, a fraction not matched. */
  log: readonly string[];
}

type FlinkMemory = Omit<TaskExecutorMemoryConfiguration, 'jvmMetaspace' | 'jvmOverhead' | 'totalFlinkMemory' | 'totalProcessMemory'>;

interface RangeFraction {
  min: number;
  max: number;
  fraction: number;
}

/** Flink refuses the configuration: its reason, as TaskExecutorProcessUtils.processSpecFromConfig words it. */
function fail(reason: string): never {
  throw new UsageError(`TaskManager memory configuration failed: ${reason}`);
}

const totalOf = (m: FlinkMemory): number => m.frameworkHeap + m.frameworkOffHeap + m.taskHeap + m.taskOffHeap + m.networkMemory + m.managedMemory;

/** Derives the TaskManager's memory from its configuration, or throws a UsageError with Flink's reason. */
export function taskManagerMemory(conf: FlatConf): TaskManagerMemory {
  const o = new TaskManagerOptions(conf);
  const numberOfTaskSlots = o.slots();
  const log: string[] = [];

  const rangeFraction = (min: number, max: number, f: (typeof FRACTION_OPTIONS)[keyof typeof FRACTION_OPTIONS]): RangeFraction => {
    const fraction = o.fraction(f);
    if (min > max) fail(`Inconsistently configured ${f.key} (${fraction}) and its min (${hr(min)}), max (${hr(max)}) value: min value must be less or equal to max value`);
    return { min, max, fraction };
  };
  const networkRange = (): RangeFraction => rangeFraction(o.size(SIZE_OPTIONS.networkMin), o.size(SIZE_OPTIONS.networkMax), FRACTION_OPTIONS.network);
  const overheadRange = (): RangeFraction => rangeFraction(o.size(SIZE_OPTIONS.jvmOverheadMin), o.size(SIZE_OPTIONS.jvmOverheadMax), FRACTION_OPTIONS.jvmOverhead);

  // ProcessMemoryUtils.capToMinMax
  const cap = (what: string, relative: number, r: RangeFraction): number => {
    if (relative > r.max) {
      log.push(`The derived from fraction ${what} (${hr(relative)}) is greater than its max value ${hr(r.max)}, max value will be used instead`);
      return r.max;
    }
    if (relative < r.min) {
      log.push(`The derived from fraction ${what} (${hr(relative)}) is less than its min value ${hr(r.min)}, min value will be used instead`);
      return r.min;
    }
    return relative;
  };
  const withFraction = (what: string, base: number, r: RangeFraction): number => cap(what, multiplyBytes(base, r.fraction), r);
  // The fraction of the rest: f / (1 - f), in double arithmetic on the widened float.
  const withInverseFraction = (what: string, base: number, r: RangeFraction): number => cap(what, multiplyBytes(base, r.fraction / (1 - r.fraction)), r);

  const managedAbsoluteOrFraction = (totalFlink: number): number =>
    o.has(SIZE_OPTIONS.managedSize)
      ? o.size(SIZE_OPTIONS.managedSize)
      : withFraction('managed memory', totalFlink, rangeFraction(0, Infinity, FRACTION_OPTIONS.managed));

  const sumExceeds = (parts: [string, number][], totalFlink: number): never => {
    const named = parts.map(([name, bytes]) => `${name} (${hr(bytes)})`);
    fail(`Sum of configured ${named.slice(0, -1).join(', ')} and ${named[named.length - 1]} exceed configured Total Flink Memory (${hr(totalFlink)}).`);
  };

  // Network memory as the rest of an explicit Total Flink Memory must still fit its range.
  const checkNetworkRest = (network: number, totalFlink: number): void => {
    const r = networkRange();
    if (network > r.max || network < r.min) {
      fail(
        'If Total Flink, Task Heap and (or) Managed Memory sizes are explicitly configured then the Network Memory size is the rest of the Total Flink memory after subtracting all other configured types of memory, but the derived Network Memory is inconsistent with its configuration: ' +
          `Derived Network Memory size (${hr(network)}) is not in configured Network Memory range [${hr(r.min)}, ${hr(r.max)}].`,
      );
    }
    if (o.has(FRACTION_OPTIONS.network) && network !== multiplyBytes(totalFlink, r.fraction)) {
      log.push(`The derived Network Memory size (${hr(network)}) does not match the configured Network Memory fraction (${r.fraction}) from the configured Total Flink Memory size (${hr(totalFlink)}). The derived Network Memory size will be used.`);
    }
  };

  const fixed = (): Pick<FlinkMemory, 'frameworkHeap' | 'frameworkOffHeap' | 'taskOffHeap'> => ({
    frameworkHeap: o.size(SIZE_OPTIONS.frameworkHeap),
    frameworkOffHeap: o.size(SIZE_OPTIONS.frameworkOffHeap),
    taskOffHeap: o.size(SIZE_OPTIONS.taskOffHeap),
  });

  // TaskExecutorFlinkMemoryUtils.deriveFromRequiredFineGrainedOptions
  const fromFineGrained = (): FlinkMemory => {
    const taskHeap = o.size(SIZE_OPTIONS.taskHeap);
    const managedMemory = o.size(SIZE_OPTIONS.managedSize);
    const f = fixed();
    const excludingNetwork = f.frameworkHeap + f.frameworkOffHeap + taskHeap + f.taskOffHeap + managedMemory;
    let networkMemory: number;
    if (o.has(SIZE_OPTIONS.flinkSize)) {
      const totalFlink = o.size(SIZE_OPTIONS.flinkSize);
      if (excludingNetwork > totalFlink) sumExceeds(heapParts(f, taskHeap, managedMemory), totalFlink);
      networkMemory = totalFlink - excludingNetwork;
      checkNetworkRest(networkMemory, totalFlink);
    } else {
      networkMemory = withInverseFraction('network memory', excludingNetwork, networkRange());
    }
    return { ...f, taskHeap, managedMemory, networkMemory };
  };

  // TaskExecutorFlinkMemoryUtils.deriveFromTotalFlinkMemory
  const fromTotalFlink = (totalFlink: number): FlinkMemory => {
    const f = fixed();
    if (o.has(SIZE_OPTIONS.taskHeap)) {
      const taskHeap = o.size(SIZE_OPTIONS.taskHeap);
      const managedMemory = managedAbsoluteOrFraction(totalFlink);
      const excludingNetwork = f.frameworkHeap + f.frameworkOffHeap + taskHeap + f.taskOffHeap + managedMemory;
      if (excludingNetwork > totalFlink) sumExceeds(heapParts(f, taskHeap, managedMemory), totalFlink);
      const networkMemory = totalFlink - excludingNetwork;
      checkNetworkRest(networkMemory, totalFlink);
      return { ...f, taskHeap, managedMemory, networkMemory };
    }
    const managedMemory = managedAbsoluteOrFraction(totalFlink);
    const networkMemory = withFraction('network memory', totalFlink, networkRange());
    const excludingTaskHeap = f.frameworkHeap + f.frameworkOffHeap + f.taskOffHeap + managedMemory + networkMemory;
    if (excludingTaskHeap > totalFlink) {
      sumExceeds(
        [
          ['Framework Heap Memory', f.frameworkHeap],
          ['Framework Off-Heap Memory', f.frameworkOffHeap],
          ['Task Off-Heap Memory', f.taskOffHeap],
          ['Managed Memory', managedMemory],
          ['Network Memory', networkMemory],
        ],
        totalFlink,
      );
    }
    return { ...f, taskHeap: totalFlink - excludingTaskHeap, managedMemory, networkMemory };
  };

  // ProcessMemoryUtils.deriveJvmMetaspaceAndOverheadFromTotalFlinkMemory
  const jvmFromTotalFlink = (totalFlink: number): { jvmMetaspace: number; jvmOverhead: number } => {
    const jvmMetaspace = o.size(SIZE_OPTIONS.jvmMetaspace);
    if (!o.has(SIZE_OPTIONS.processSize)) {
      return { jvmMetaspace, jvmOverhead: withInverseFraction('jvm overhead memory', totalFlink + jvmMetaspace, overheadRange()) };
    }
    const process = o.size(SIZE_OPTIONS.processSize);
    if (process < totalFlink + jvmMetaspace) {
      fail(`The configured Total Process Memory size (${hr(process)}) is less than the sum of the derived Total Flink Memory size (${hr(totalFlink)}) and the configured or default JVM Metaspace size  (${hr(jvmMetaspace)}).`);
    }
    const jvmOverhead = process - totalFlink - jvmMetaspace;
    const r = overheadRange();
    if (jvmOverhead > r.max || jvmOverhead < r.min) {
      fail(`Derived JVM Overhead size (${hr(jvmOverhead)}) is not in configured JVM Overhead range [${hr(r.min)}, ${hr(r.max)}].`);
    }
    if (o.has(FRACTION_OPTIONS.jvmOverhead) && jvmOverhead !== multiplyBytes(process, r.fraction)) {
      log.push(`The derived JVM Overhead size (${hr(jvmOverhead)}) does not match the configured or default JVM Overhead fraction (${r.fraction}) from the configured Total Process Memory size (${hr(process)}). The derived JVM Overhead size will be used.`);
    }
    return { jvmMetaspace, jvmOverhead };
  };

  // ProcessMemoryUtils.memoryProcessSpecFromConfig: fine-grained options first, then Total Flink, then Total Process.
  let flink: FlinkMemory;
  let jvm: { jvmMetaspace: number; jvmOverhead: number };
  if (o.has(SIZE_OPTIONS.taskHeap) && o.has(SIZE_OPTIONS.managedSize)) {
    flink = fromFineGrained();
    jvm = jvmFromTotalFlink(totalOf(flink));
  } else if (o.has(SIZE_OPTIONS.flinkSize)) {
    const totalFlink = o.size(SIZE_OPTIONS.flinkSize);
    flink = fromTotalFlink(totalFlink);
    jvm = jvmFromTotalFlink(totalFlink);
  } else if (o.has(SIZE_OPTIONS.processSize)) {
    const process = o.size(SIZE_OPTIONS.processSize);
    const jvmMetaspace = o.size(SIZE_OPTIONS.jvmMetaspace);
    const jvmOverhead = withFraction('jvm overhead memory', process, overheadRange());
    if (jvmMetaspace + jvmOverhead > process) {
      fail(`Sum of configured JVM Metaspace (${hr(jvmMetaspace)}) and JVM Overhead (${hr(jvmOverhead)}) exceed configured Total Process Memory (${hr(process)}).`);
    }
    jvm = { jvmMetaspace, jvmOverhead };
    flink = fromTotalFlink(process - jvmMetaspace - jvmOverhead);
  } else {
    fail(
      `Either required fine-grained memory (${SIZE_OPTIONS.taskHeap.key} and ${SIZE_OPTIONS.managedSize.key}), or Total Flink Memory size (${SIZE_OPTIONS.flinkSize.key}), or Total Process Memory size (${SIZE_OPTIONS.processSize.key}) need to be configured explicitly.`,
    );
  }
  const totalFlinkMemory = totalOf(flink);
  return {
    // In the REST API's order.
    memoryConfiguration: {
      frameworkHeap: flink.frameworkHeap,
      taskHeap: flink.taskHeap,
      frameworkOffHeap: flink.frameworkOffHeap,
      taskOffHeap: flink.taskOffHeap,
      networkMemory: flink.networkMemory,
      managedMemory: flink.managedMemory,
      jvmMetaspace: jvm.jvmMetaspace,
      jvmOverhead: jvm.jvmOverhead,
      totalFlinkMemory,
      totalProcessMemory: totalFlinkMemory + jvm.jvmMetaspace + jvm.jvmOverhead,
    },
    numberOfTaskSlots,
    log,
  };
}

function heapParts(f: Pick<FlinkMemory, 'frameworkHeap' | 'frameworkOffHeap' | 'taskOffHeap'>, taskHeap: number, managed: number): [string, number][] {
  return [
    ['Framework Heap Memory', f.frameworkHeap],
    ['Framework Off-Heap Memory', f.frameworkOffHeap],
    ['Task Heap Memory', taskHeap],
    ['Task Off-Heap Memory', f.taskOffHeap],
    ['Managed Memory', managed],
  ];
}
