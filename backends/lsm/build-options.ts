// From resolved knobs to what the addon opens RocksDB with: one options string for RocksDB's
// own parser, the write options (WAL, sync) and perf level that are not part of it, and, for one
// slot of N sharing memory (lsm.sharedBlockCache), what the slots share.
//
// Layers, later ones winning: statebench's base (Flink's string-append merge operator), the
// optionsFile, the preset, the raw `options` string, then every typed knob whose value differs
// from RocksDB's default (a typed knob at its default leaves the layers below alone).

import { readFileSync } from 'node:fs';
import type { KnobValue, ResolvedKnobs } from '../types.js';
import { type RocksDbOption, rocksdbText } from './knob-record.js';
import { LSM_KNOB_RECORDS, PERF_LEVELS } from './knobs.js';
import { lsmBlockCacheBytes, lsmBlockCacheExtras, lsmWriteBufferLimit, lsmWriteBufferLimitPath } from './memory-options.js';
import { optionsFileToMap } from './options-file.js';
import { mergeOptions, type OptionsMap, parseOptionsString, serializeOptions } from './options-string.js';
import { PRESET_OPTIONS } from './presets.js';

export interface OpenPlan {
  readonly optionsString: string;
  readonly options: OptionsMap;
  readonly walEnabled: boolean;
  readonly syncWrites: boolean;
  /** RocksDB's PerfLevel for the thread that runs the operations (rocksdb_set_perf_level). */
  readonly perfLevel: number;
  /** lsm.sharedBlockCache with N > 1 slots: what the slots share; null otherwise (each slot on its own). */
  readonly sharing: SlotSharing | null;
}

/**
 * Memory the N slots of a cell share (lsm.sharedBlockCache), as a Flink TaskManager's slots share
 * its memory.fixed-per-tm: one LRU block cache of the capacity the options resolve to, and the
 * write buffer budget (db_write_buffer_size) divided among the slots. RocksDB 7.8.3's C API has no
 * WriteBufferManager, so the budget cannot be one pool the instances draw from: each slot gets
 * budget / N of it, a static split (docs/lsm.md, "Threads and the shared block cache").
 */
export interface SlotSharing {
  readonly slots: number;
  /** The one cache's capacity; 0 when the options give no block cache (nothing to share). */
  readonly blockCacheBytes: number;
  /** block_cache settings the shared cache does not carry (RocksDB 7.8.3's C API makes an LRU cache from a capacity alone). */
  readonly blockCacheDropped: readonly string[];
  /** db_write_buffer_size as configured, for all slots together; 0 = no limit (nothing divided). */
  readonly writeBufferBudget: number;
  /** Each slot's db_write_buffer_size (floor(budget / slots)); null when there is no budget. */
  readonly writeBufferBudgetPerSlot: number | null;
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
    sharing: { slots, blockCacheBytes, blockCacheDropped: blockCacheBytes > 0 ? lsmBlockCacheExtras(options) : [], writeBufferBudget, writeBufferBudgetPerSlot: perSlot },
    options: mergeOptions(options, split),
  };
}

/** The plan for one instance; `slots`: the cell's thread count (OpenContext.slot.count), 1 when alone. */
export function buildOpenPlan(knobs: ResolvedKnobs, slots = 1): OpenPlan {
  const preset = PRESET_OPTIONS[String(knobs.preset ?? 'none')] ?? PRESET_OPTIONS.none;
  const fileLayer = typeof knobs.optionsFile === 'string' && knobs.optionsFile !== '' ? optionsFileToMap(readFileSync(knobs.optionsFile, 'utf8')) : {};
  const rawLayer = typeof knobs.options === 'string' && knobs.options.trim() !== '' ? parseOptionsString(knobs.options) : {};
  const merged = mergeOptions(BASE, fileLayer, preset?.options ?? {}, rawLayer, typedKnobsLayer(knobs));
  const { sharing, options } = slotSharing(knobs, merged, slots);
  const walEnabled = isSet(knobs, 'walEnabled') ? knobs.walEnabled === true : (preset?.walEnabled ?? knobs.walEnabled !== false);
  const perfLevel = PERF_LEVELS[String(knobs.perfLevel)] ?? (PERF_LEVELS[String(DEFAULTS.get('perfLevel'))] as number);
  return { optionsString: serializeOptions(options), options, walEnabled, syncWrites: knobs.syncWrites === true, perfLevel, sharing };
}
