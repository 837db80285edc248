// What an lsm knob record says besides its schema: where the value goes in RocksDB (an option,
// a write option, the thread's perf level, or a whole layer of options), the Flink key that sets
// it, what the memory budget counts it as. backends/lsm/knobs.ts holds the records; options
// building, the Flink configuration reader, tune's rendering and space, the budget estimate and
// the advice rules read them from there.

import type { KnobRecord, KnobValue } from '../types.js';

/** The OPTIONS file section an option is written in: [DBOptions], [CFOptions "default"], [TableOptions/BlockBasedTable "default"]. */
export type OptionsSection = 'db' | 'cf' | 'table';

/** The group that holds the block-based table options in an options string. */
export const TABLE_GROUP = 'block_based_table_factory';

export interface RocksDbOption {
  readonly section: OptionsSection;
  /** Its path in an options string: ['write_buffer_size'], [TABLE_GROUP, 'block_size'], ['compaction_options_universal', 'size_ratio']. */
  readonly path: readonly string[];
  /** The option's text for a knob value; String(value) when absent. */
  readonly format?: (value: KnobValue) => string;
  /** A value of 0 sets this boolean option to true instead (blockCacheSize 0: no_block_cache). */
  readonly zeroPath?: readonly string[];
  /** The DB property that reports the value, for an option OPTIONS files do not carry (the block cache's capacity). */
  readonly property?: string;
}

/**
 * How a knob that is not a RocksDB option reaches the engine (build-options.ts applies each):
 * - write-option: a WriteOptions field of every write (disableWAL, sync);
 * - perf-level: RocksDB's SetPerfLevel on the thread that runs the operations;
 * - option-layer: a whole set of options under the typed knobs (preset, options, optionsFile);
 * - slot-sharing: what the slots of a cell run by N threads share (one block cache, and its write
 *   buffer manager), keyed by OpenContext.slot.sharedDir;
 * - memory-bound: RocksDB's memory bounded as Flink bounds it (a cache and a write buffer manager
 *   charged to it, which the addon builds with RocksDB's C++ API, and the table options Flink sets
 *   with them);
 * - remote-storage: SST files on the addon's emulated remote store, with a local file cache
 *   (remote-store.ts);
 * - async-reads: gets on the addon's get threads, issued by the runner's async loop (async-reads.ts).
 */
export type LsmHook = 'write-option' | 'perf-level' | 'option-layer' | 'slot-sharing' | 'memory-bound' | 'trace' | 'remote-storage' | 'async-reads';

/** How a Flink value converts: a Flink memory size, an integer, true/false, an upper-case enum
 *  name of the knob's value, a CompressionType name, the bloom filter's pair of keys, a Flink
 *  duration (the knob in whole seconds), or one of the memory.* keys, which flink-conf.ts reads
 *  together (Flink's choice of the memory bound). */
export type FlinkValue = 'size' | 'int' | 'bool' | 'enum' | 'compression' | 'bloom' | 'duration' | 'memory';

export interface FlinkKey {
  /** The key after state.backend.rocksdb. */
  readonly key: string;
  readonly value: FlinkValue;
  /** 'bloom': the key that turns the filter on, and Flink's bits per key when only that is given. */
  readonly enabledBy?: string;
  readonly flinkDefault?: string;
}

/**
 * What the memory budget counts (harness/budget/estimate.ts): one memtable's size, times the
 * memtables kept, capped by the DB-wide write buffer limit when set; plus the block cache.
 */
export type LsmMemoryRole = 'write-buffer' | 'write-buffer-count' | 'write-buffer-limit' | 'block-cache';

/** Every lsm knob reaches RocksDB one way: as an option, or through a hook. */
type Reach = { readonly rocksdb: RocksDbOption; readonly applied?: undefined } | { readonly rocksdb?: undefined; readonly applied: LsmHook };

export type LsmKnob = KnobRecord &
  Reach & {
    readonly flink?: FlinkKey;
    /** What to tell a Flink user about a knob Flink has no key for, when there is more to say than "use an options factory". */
    readonly flinkNote?: string;
    readonly memory?: LsmMemoryRole;
  };

/** The option's text RocksDB reads for a knob value. */
export function rocksdbText(option: RocksDbOption, value: KnobValue): string {
  return option.format ? option.format(value) : String(value);
}

/** A format that maps enum knob values to RocksDB's enum names. */
export function enumText(names: Readonly<Record<string, string>>): (value: KnobValue) => string {
  return (value) => names[String(value)] ?? String(value);
}

export const dbOption = (name: string): RocksDbOption => ({ section: 'db', path: [name] });
export const cfOption = (name: string, format?: RocksDbOption['format']): RocksDbOption => ({ section: 'cf', path: [name], ...(format ? { format } : {}) });
export const cfGroupOption = (group: string, name: string, format?: RocksDbOption['format']): RocksDbOption => ({ section: 'cf', path: [group, name], ...(format ? { format } : {}) });
export const tableOption = (name: string, format?: RocksDbOption['format']): RocksDbOption => ({ section: 'table', path: [TABLE_GROUP, name], ...(format ? { format } : {}) });
