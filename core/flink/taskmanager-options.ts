// The TaskManager memory options as Flink reads them (flink-core TaskManagerOptions): their keys,
// the deprecated keys Flink 1.x still reads for them, their defaults, and their types (a memory
// size, or a fraction that is a Java float). A value Flink cannot parse is refused as Flink
// refuses it: one line naming the key, the value and what is accepted (docs/references.md,
// "Flink's TaskManager memory model").

import { UsageError } from '../errors.js';
import type { FlatConf } from './flat-conf.js';
import { FLINK_MEMORY_SIZE, parseFlinkMemorySize } from './memory-size.js';

interface SizeOption {
  readonly key: string;
  /** Read when the key is absent (Flink's withDeprecatedKeys). */
  readonly deprecated?: string;
  /** Bytes; null: no default (the option counts only when set). */
  readonly fallback: number | null;
}

const MB = 1024 ** 2;

export const SIZE_OPTIONS = {
  processSize: { key: 'taskmanager.memory.process.size', fallback: null },
  flinkSize: { key: 'taskmanager.memory.flink.size', fallback: null },
  frameworkHeap: { key: 'taskmanager.memory.framework.heap.size', fallback: 128 * MB },
  frameworkOffHeap: { key: 'taskmanager.memory.framework.off-heap.size', fallback: 128 * MB },
  taskHeap: { key: 'taskmanager.memory.task.heap.size', fallback: null },
  taskOffHeap: { key: 'taskmanager.memory.task.off-heap.size', fallback: 0 },
  managedSize: { key: 'taskmanager.memory.managed.size', deprecated: 'taskmanager.memory.size', fallback: null },
  networkMin: { key: 'taskmanager.memory.network.min', deprecated: 'taskmanager.network.memory.min', fallback: 64 * MB },
  // Long.MAX_VALUE since Flink 1.17 (FLINK-30472), 1g before: Infinity stands for "no maximum".
  networkMax: { key: 'taskmanager.memory.network.max', deprecated: 'taskmanager.network.memory.max', fallback: Infinity },
  jvmMetaspace: { key: 'taskmanager.memory.jvm-metaspace.size', fallback: 256 * MB },
  jvmOverheadMin: { key: 'taskmanager.memory.jvm-overhead.min', fallback: 192 * MB },
  jvmOverheadMax: { key: 'taskmanager.memory.jvm-overhead.max', fallback: 1024 * MB },
} as const satisfies Record<string, SizeOption>;

interface FractionOption {
  readonly key: string;
  readonly deprecated?: string;
  /** The Java float default, as written in Flink (0.1f). */
  readonly fallback: number;
}

export const FRACTION_OPTIONS = {
  managed: { key: 'taskmanager.memory.managed.fraction', fallback: 0.4 },
  network: { key: 'taskmanager.memory.network.fraction', deprecated: 'taskmanager.network.memory.fraction', fallback: 0.1 },
  jvmOverhead: { key: 'taskmanager.memory.jvm-overhead.fraction', fallback: 0.1 },
} as const satisfies Record<string, FractionOption>;

// Keys of the pre-1.10 memory model that Flink 1.x still maps onto the new one; the model here
// does not, so a file that sets them is refused rather than read differently from Flink.
const LEGACY_KEYS: Readonly<Record<string, string>> = {
  'taskmanager.heap.size': 'taskmanager.memory.flink.size (or taskmanager.memory.process.size)',
  'taskmanager.heap.mb': 'taskmanager.memory.flink.size (or taskmanager.memory.process.size)',
  'taskmanager.network.numberOfBuffers': 'taskmanager.memory.network.min and taskmanager.memory.network.max',
};

/** The option's key and value as set in the file (the key Flink found it under), or null. */
function lookup(conf: FlatConf, o: { key: string; deprecated?: string }): { key: string; raw: string } | null {
  for (const key of [o.key, o.deprecated]) {
    const raw = key === undefined ? undefined : conf.get(key);
    if (key !== undefined && raw !== undefined) return { key, raw };
  }
  return null;
}

/** Reads the TaskManager memory options of one configuration. */
export class TaskManagerOptions {
  constructor(private readonly conf: FlatConf) {
    for (const [key, instead] of Object.entries(LEGACY_KEYS)) {
      if (conf.has(key)) throw new UsageError(`${key}: a pre-1.10 memory option, not modelled here; give ${instead} instead`);
    }
  }

  /** ConfigOption.contains: the option (or its deprecated key) is set. */
  has(o: SizeOption | FractionOption): boolean {
    return lookup(this.conf, o) !== null;
  }

  /** The size in bytes: the set value, else the default (Infinity: no maximum). */
  size(o: SizeOption): number {
    const found = lookup(this.conf, o);
    if (found === null) {
      if (o.fallback === null) throw new Error(`${o.key} has no default; check has() first`);
      return o.fallback;
    }
    const bytes = parseFlinkMemorySize(found.raw);
    if (bytes === null) throw new UsageError(`${found.key}: '${found.raw}' is not valid; expected ${FLINK_MEMORY_SIZE}`);
    return bytes;
  }

  /** The fraction as Flink holds it: a Java float (Math.fround), widened to double where it is used. */
  fraction(o: FractionOption): number {
    const found = lookup(this.conf, o);
    if (found === null) return Math.fround(o.fallback);
    const v = /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/.test(found.raw) ? Math.fround(Number(found.raw)) : NaN;
    // RangeFraction's check: "fraction must be in range [0, 1)".
    if (!(v >= 0 && v < 1)) throw new UsageError(`${found.key}: '${found.raw}' is not valid; expected a fraction in [0, 1) such as 0.1`);
    return v;
  }

  /** taskmanager.numberOfTaskSlots: a whole number >= 1, 1 by default. */
  slots(): number {
    const raw = this.conf.get('taskmanager.numberOfTaskSlots');
    if (raw === undefined) return 1;
    const n = /^\s*\d+\s*$/.test(raw) ? Number(raw) : NaN;
    if (!(n >= 1 && n <= 2 ** 31 - 1)) throw new UsageError(`taskmanager.numberOfTaskSlots: '${raw}' is not valid; expected a whole number >= 1`);
    return n;
  }
}
