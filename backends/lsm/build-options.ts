// From resolved knobs to what the addon opens RocksDB with: one options string for RocksDB's
// own parser, the write options (WAL, sync) and perf level that are not part of it, the memory
// bound (lsm.boundedMemory: the cache and write buffer manager the addon builds, as Flink builds
// them), and, for one slot of N sharing memory (lsm.sharedBlockCache), what the slots share.
//
// Layers, later ones winning: statebench's base (Flink's string-append merge operator), the
// optionsFile, the preset, the raw `options` string, then every typed knob whose value differs
// from RocksDB's default (a typed knob at its default leaves the layers below alone).

import { readFileSync } from 'node:fs';
import type { KnobValue, ResolvedKnobs } from '../types.js';
import { type RocksDbOption, rocksdbText, TABLE_GROUP } from './knob-record.js';
import { LSM_KNOB_RECORDS, PERF_LEVELS } from './knobs.js';
import { lsmBlockCacheBytes, lsmWriteBufferLimit, lsmWriteBufferLimitPath, valueAt } from './memory-options.js';
import { optionsFileToMap } from './options-file.js';
import { mergeOptions, type OptionsMap, parseOptionsString, serializeOptions } from './options-string.js';
import { PRESET_OPTIONS } from './presets.js';

export interface OpenPlan {
  readonly optionsString: string;
  readonly options: OptionsMap;
  readonly walEnabled: boolean;
  readonly syncWrites: boolean;
  /** RocksDB's PerfLevel for the thread that runs the operations (SetPerfLevel). */
  readonly perfLevel: number;
  /** lsm.sharedBlockCache with N > 1 slots: what the slots share; null otherwise (each slot on its own). */
  readonly sharing: SlotSharing | null;
  /** lsm.boundedMemory > 0: the cache and write buffer manager RocksDB runs in; null: not bounded. */
  readonly memory: MemoryBound | null;
}

/**
 * RocksDB's memory bounded to M bytes as Flink bounds it (RocksDBMemoryControllerUtils,
 * RocksDBResourceContainer; docs/references.md): one LRU cache of (3 - r) x M / 3 bytes with a
 * high-priority pool, and a write buffer manager of 2 x M x r / 3 bytes charged to that cache, for
 * one slot, or for all the slots of the cell (`shared`: sharedBlockCache under N > 1 threads, as
 * Flink's memory.fixed-per-tm shares them among a TaskManager's slots). The addon builds both
 * with RocksDB's C++ API; the table options Flink sets with them are in the options string.
 */
export interface MemoryBound {
  /** M, in bytes. */
  readonly bytes: number;
  readonly writeBufferRatio: number;
  /** (3 - r) x M / 3, truncated as Flink's long cast truncates. */
  readonly cacheCapacity: number;
  readonly highPriPoolRatio: number;
  /** 2 x M x r / 3, truncated; charged to the cache. */
  readonly writeBufferManagerBytes: number;
  readonly partitionedIndexFilters: boolean;
  readonly shared: boolean;
}

/**
 * Memory the N slots of a cell share (lsm.sharedBlockCache), as a Flink TaskManager's slots share
 * its memory.fixed-per-tm. With lsm.boundedMemory: the bound's one cache and one write buffer
 * manager charged to it. Without: one LRU block cache of the capacity the options resolve to, and
 * the write buffer budget (db_write_buffer_size) divided among the slots, a static split
 * (docs/lsm.md, "Threads and the shared block cache").
 */
export interface SlotSharing {
  readonly slots: number;
  /** The one cache's capacity; 0 when the options give no block cache (nothing to share). */
  readonly blockCacheBytes: number;
  /** db_write_buffer_size as configured, for all slots together; 0 = no limit (nothing divided). */
  readonly writeBufferBudget: number;
  /** Each slot's db_write_buffer_size (floor(budget / slots)); null when there is no budget or one write buffer manager holds it. */
  readonly writeBufferBudgetPerSlot: number | null;
  /** The budget is one write buffer manager the slots draw from, charged to the cache (lsm.boundedMemory). */
  readonly sharedWriteBufferManager: boolean;
}

// Flink's list state merges with RocksDB's StringAppendTESTOperator (',' between elements).
const BASE: OptionsMap = { merge_operator: 'stringappendtest' };

function setPath(map: OptionsMap, path: readonly string[], value: string): void {
  let node = map;
  for (const part of path.slice(0, -1)) {
    const next = node[part];
    if (next === undefined || typeof next === 'string') node = node[part] = {};
    else node = next;
  }
  node[path[path.length - 1] as string] = value;
}

const DEFAULTS = new Map(LSM_KNOB_RECORDS.map((k) => [k.name, k.default]));

function isSet(knobs: ResolvedKnobs, name: string): boolean {
  const v = knobs[name];
  return v !== null && v !== undefined && v !== DEFAULTS.get(name);
}

// The knobs that are RocksDB options; the block cache's capacity last, where statebench has
// always written it (tune prints this layer as the winner's options string).
const OPTION_KNOBS = [...LSM_KNOB_RECORDS.filter((k) => k.rocksdb && !k.rocksdb.zeroPath), ...LSM_KNOB_RECORDS.filter((k) => k.rocksdb?.zeroPath)];

/** The typed knobs set away from their defaults, as an options map. */
export function typedKnobsLayer(knobs: ResolvedKnobs): OptionsMap {
  const out: OptionsMap = {};
  for (const k of OPTION_KNOBS) {
    const option = k.rocksdb as RocksDbOption;
    if (!isSet(knobs, k.name)) continue;
    const v = knobs[k.name] as KnobValue;
    if (option.zeroPath && Number(v) === 0) setPath(out, option.zeroPath, 'true');
    else setPath(out, option.path, rocksdbText(option, v));
  }
  return out;
}

/** What N slots share, and the options map with each slot's share of the write buffer budget. */
function slotSharing(knobs: ResolvedKnobs, options: OptionsMap, slots: number): { sharing: SlotSharing | null; options: OptionsMap } {
  if (knobs.sharedBlockCache !== true || slots <= 1) return { sharing: null, options };
  const blockCacheBytes = lsmBlockCacheBytes(options);
  const writeBufferBudget = lsmWriteBufferLimit(options);
  // At least 1 byte: a db_write_buffer_size of 0 would lift the limit altogether.
  const perSlot = writeBufferBudget > 0 ? Math.max(1, Math.floor(writeBufferBudget / slots)) : null;
  const split: OptionsMap = {};
  if (perSlot !== null) setPath(split, lsmWriteBufferLimitPath(), String(perSlot));
  return {
    sharing: { slots, blockCacheBytes, writeBufferBudget, writeBufferBudgetPerSlot: perSlot, sharedWriteBufferManager: false },
    options: mergeOptions(options, split),
  };
}

const num = (v: KnobValue | null | undefined, fallback: number): number => (typeof v === 'number' ? v : fallback);

/** lsm.boundedMemory and its ratios, as Flink's RocksDBMemoryControllerUtils turns them into a cache and a write buffer manager. */
function memoryBound(knobs: ResolvedKnobs, slots: number): MemoryBound | null {
  const bytes = num(knobs.boundedMemory, 0);
  if (bytes <= 0) return null;
  const writeBufferRatio = num(knobs.writeBufferRatio, num(DEFAULTS.get('writeBufferRatio'), 0.5));
  return {
    bytes,
    writeBufferRatio,
    cacheCapacity: Math.floor(((3 - writeBufferRatio) * bytes) / 3),
    highPriPoolRatio: num(knobs.highPriPoolRatio, num(DEFAULTS.get('highPriPoolRatio'), 0.1)),
    writeBufferManagerBytes: Math.floor((2 * bytes * writeBufferRatio) / 3),
    partitionedIndexFilters: knobs.partitionedIndexFilters === true,
    shared: knobs.sharedBlockCache === true && slots > 1,
  };
}

/**
 * The block-based table options Flink's RocksDBResourceContainer sets on top of everything else
 * when memory is bounded: index and filter blocks in the cache, at high priority, L0's pinned;
 * with partitioned index and filters a two-level index, partitioned filters, the top level pinned,
 * and a configured filter replaced by a full bloom filter of 10 bits per key (overwriteFilterIfExist).
 */
function boundTableLayer(options: OptionsMap, bound: MemoryBound): OptionsMap {
  const table: OptionsMap = {
    cache_index_and_filter_blocks: 'true',
    cache_index_and_filter_blocks_with_high_priority: 'true',
    pin_l0_filter_and_index_blocks_in_cache: 'true',
  };
  if (bound.partitionedIndexFilters) {
    const filter = valueAt(options, [TABLE_GROUP, 'filter_policy']);
    if (filter !== undefined && filter !== 'nullptr' && filter !== '') table.filter_policy = 'bloomfilter:10:false';
    Object.assign(table, { index_type: 'kTwoLevelIndexSearch', partition_filters: 'true', pin_top_level_index_and_filter: 'true' });
  }
  return { [TABLE_GROUP]: table };
}

/** What the slots share under a bound: its one cache and one write buffer manager. */
const boundSharing = (bound: MemoryBound, slots: number): SlotSharing => ({
  slots,
  blockCacheBytes: bound.cacheCapacity,
  writeBufferBudget: bound.writeBufferManagerBytes,
  writeBufferBudgetPerSlot: null,
  sharedWriteBufferManager: true,
});

/** The plan for one instance; `slots`: the cell's thread count (OpenContext.slot.count), 1 when alone. */
export function buildOpenPlan(knobs: ResolvedKnobs, slots = 1): OpenPlan {
  const preset = PRESET_OPTIONS[String(knobs.preset ?? 'none')] ?? PRESET_OPTIONS.none;
  const fileLayer = typeof knobs.optionsFile === 'string' && knobs.optionsFile !== '' ? optionsFileToMap(readFileSync(knobs.optionsFile, 'utf8')) : {};
  const rawLayer = typeof knobs.options === 'string' && knobs.options.trim() !== '' ? parseOptionsString(knobs.options) : {};
  const merged = mergeOptions(BASE, fileLayer, preset?.options ?? {}, rawLayer, typedKnobsLayer(knobs));
  const memory = memoryBound(knobs, slots);
  const { sharing, options } =
    memory === null
      ? slotSharing(knobs, merged, slots)
      : { sharing: memory.shared ? boundSharing(memory, slots) : null, options: mergeOptions(merged, boundTableLayer(merged, memory)) };
  const walEnabled = isSet(knobs, 'walEnabled') ? knobs.walEnabled === true : (preset?.walEnabled ?? knobs.walEnabled !== false);
  const perfLevel = PERF_LEVELS[String(knobs.perfLevel)] ?? (PERF_LEVELS[String(DEFAULTS.get('perfLevel'))] as number);
  return { optionsString: serializeOptions(options), options, walEnabled, syncWrites: knobs.syncWrites === true, perfLevel, sharing, memory };
}
