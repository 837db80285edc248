// From resolved knobs to what the addon opens RocksDB with: one options string for RocksDB's
// own parser, and the write options (WAL, sync) and perf level that are not part of it.
//
// Layers, later ones winning: statebench's base (Flink's string-append merge operator), the
// optionsFile, the preset, the raw `options` string, then every typed knob whose value differs
// from RocksDB's default (a typed knob at its default leaves the layers below alone).

import { readFileSync } from 'node:fs';
import type { KnobValue, ResolvedKnobs } from '../types.js';
import { LSM_KNOBS, PERF_LEVELS } from './knobs.js';
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
}

// Flink's list state merges with RocksDB's StringAppendTESTOperator (',' between elements).
const BASE: OptionsMap = { merge_operator: 'stringappendtest' };

const COMPRESSION: Record<string, string> = {
  none: 'kNoCompression',
  snappy: 'kSnappyCompression',
  lz4: 'kLZ4Compression',
  zstd: 'kZSTD',
};
const STYLE: Record<string, string> = { level: 'kCompactionStyleLevel', universal: 'kCompactionStyleUniversal', fifo: 'kCompactionStyleFIFO' };
const STOP_STYLE: Record<string, string> = { 'total-size': 'kCompactionStopStyleTotalSize', 'similar-size': 'kCompactionStopStyleSimilarSize' };

type Place = { path: readonly string[]; format?: (v: KnobValue) => string };

// Where each typed knob lives in RocksDB's options.
const PLACES: Readonly<Record<string, Place>> = {
  writeBufferSize: { path: ['write_buffer_size'] },
  maxWriteBufferNumber: { path: ['max_write_buffer_number'] },
  minWriteBufferNumberToMerge: { path: ['min_write_buffer_number_to_merge'] },
  dbWriteBufferSize: { path: ['db_write_buffer_size'] },
  blockSize: { path: ['block_based_table_factory', 'block_size'] },
  cacheIndexAndFilterBlocks: { path: ['block_based_table_factory', 'cache_index_and_filter_blocks'] },
  pinL0FilterAndIndexBlocksInCache: { path: ['block_based_table_factory', 'pin_l0_filter_and_index_blocks_in_cache'] },
  bloomBitsPerKey: {
    path: ['block_based_table_factory', 'filter_policy'],
    format: (v) => (Number(v) > 0 ? `bloomfilter:${Number(v)}:false` : 'nullptr'),
  },
  compactionStyle: { path: ['compaction_style'], format: (v) => STYLE[String(v)] ?? String(v) },
  level0FileNumCompactionTrigger: { path: ['level0_file_num_compaction_trigger'] },
  level0SlowdownWritesTrigger: { path: ['level0_slowdown_writes_trigger'] },
  level0StopWritesTrigger: { path: ['level0_stop_writes_trigger'] },
  targetFileSizeBase: { path: ['target_file_size_base'] },
  maxBytesForLevelBase: { path: ['max_bytes_for_level_base'] },
  maxBytesForLevelMultiplier: { path: ['max_bytes_for_level_multiplier'] },
  levelCompactionDynamicLevelBytes: { path: ['level_compaction_dynamic_level_bytes'] },
  maxBackgroundJobs: { path: ['max_background_jobs'] },
  maxSubcompactions: { path: ['max_subcompactions'] },
  compression: { path: ['compression'], format: (v) => COMPRESSION[String(v)] ?? String(v) },
  bottommostCompression: { path: ['bottommost_compression'], format: (v) => COMPRESSION[String(v)] ?? String(v) },
  universalSizeRatio: { path: ['compaction_options_universal', 'size_ratio'] },
  universalMinMergeWidth: { path: ['compaction_options_universal', 'min_merge_width'] },
  universalMaxMergeWidth: { path: ['compaction_options_universal', 'max_merge_width'] },
  universalMaxSizeAmplificationPercent: { path: ['compaction_options_universal', 'max_size_amplification_percent'] },
  universalCompressionSizePercent: { path: ['compaction_options_universal', 'compression_size_percent'] },
  universalStopStyle: { path: ['compaction_options_universal', 'stop_style'], format: (v) => STOP_STYLE[String(v)] ?? String(v) },
  universalAllowTrivialMove: { path: ['compaction_options_universal', 'allow_trivial_move'] },
  fifoMaxTableFilesSize: { path: ['compaction_options_fifo', 'max_table_files_size'] },
  fifoAllowCompaction: { path: ['compaction_options_fifo', 'allow_compaction'] },
  useDirectReads: { path: ['use_direct_reads'] },
  useDirectIoForFlushAndCompaction: { path: ['use_direct_io_for_flush_and_compaction'] },
  maxOpenFiles: { path: ['max_open_files'] },
};

function setPath(map: OptionsMap, path: readonly string[], value: string): void {
  let node = map;
  for (const part of path.slice(0, -1)) {
    const next = node[part];
    if (next === undefined || typeof next === 'string') node = node[part] = {};
    else node = next;
  }
  node[path[path.length - 1] as string] = value;
}

const DEFAULTS = new Map(LSM_KNOBS.map((k) => [k.name, k.default]));

function isSet(knobs: ResolvedKnobs, name: string): boolean {
  const v = knobs[name];
  return v !== null && v !== undefined && v !== DEFAULTS.get(name);
}

/** The typed knobs set away from their defaults, as an options map. */
export function typedKnobsLayer(knobs: ResolvedKnobs): OptionsMap {
  const out: OptionsMap = {};
  for (const [name, place] of Object.entries(PLACES)) {
    if (!isSet(knobs, name)) continue;
    const v = knobs[name] as KnobValue;
    setPath(out, place.path, place.format ? place.format(v) : String(v));
  }
  if (isSet(knobs, 'blockCacheSize')) {
    const size = Number(knobs.blockCacheSize);
    // A nested group, so that a cache configured below (its high-priority pool ratio) keeps
    // its other settings and only the capacity changes.
    if (size === 0) setPath(out, ['block_based_table_factory', 'no_block_cache'], 'true');
    else setPath(out, ['block_based_table_factory', 'block_cache', 'capacity'], String(size));
  }
  return out;
}

export function buildOpenPlan(knobs: ResolvedKnobs): OpenPlan {
  const preset = PRESET_OPTIONS[String(knobs.preset ?? 'none')] ?? PRESET_OPTIONS.none;
  const fileLayer = typeof knobs.optionsFile === 'string' && knobs.optionsFile !== '' ? optionsFileToMap(readFileSync(knobs.optionsFile, 'utf8')) : {};
  const rawLayer = typeof knobs.options === 'string' && knobs.options.trim() !== '' ? parseOptionsString(knobs.options) : {};
  const options = mergeOptions(BASE, fileLayer, preset?.options ?? {}, rawLayer, typedKnobsLayer(knobs));
  const walEnabled = isSet(knobs, 'walEnabled') ? knobs.walEnabled === true : (preset?.walEnabled ?? knobs.walEnabled !== false);
  const perfLevel = PERF_LEVELS[String(knobs.perfLevel)] ?? (PERF_LEVELS.count as number);
  return { optionsString: serializeOptions(options), options, walEnabled, syncWrites: knobs.syncWrites === true, perfLevel };
}
