// A Flink configuration (config.yaml nested YAML, or the legacy flat flink-conf.yaml of
// `key: value` lines) turned into lsm knobs, the way Flink's RocksDB state backend turns its
// state.backend.rocksdb.* options into RocksDB options (docs/references.md, "Flink's RocksDB state
// backend": its options, defaults, predefined options and memory arithmetic). The keys that set a
// knob are in the knob records (knobs.ts, field `flink`); the ones handled here are the rest.
//
// Memory: when RocksDB's memory is bounded (memory.fixed-per-slot, or memory.managed with a
// known managed size per slot), Flink gives one shared LRU cache (3 - r) x M / 3 bytes, with a
// high-priority pool for index and filter blocks, and a write buffer manager 2/3 x M x r
// charged to that cache (r = write-buffer-ratio). Here the cache becomes blockCacheSize and
// the write buffer manager dbWriteBufferSize (RocksDB's options string cannot charge it to the
// cache: a warning says so).

import { parse as parseYaml } from 'yaml';
import { parseSize } from '../../core/units.js';
import { compressionByFlinkName } from './compression.js';
import type { FlinkKey, LsmKnob } from './knob-record.js';
import { LSM_KNOB_RECORDS } from './knobs.js';
import { PRESET_OPTIONS } from './presets.js';

export interface FlinkConfKnobs {
  knobs: Record<string, string>;
  memoryBudgetBytes: number | null;
  warnings: string[];
}

const PREFIX = 'state.backend.rocksdb.';

// Flink's predefined option sets by their Flink names (DEFAULT ...), as lsm presets.
const PREDEFINED: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(PRESET_OPTIONS).flatMap(([preset, p]) => (p.flink === null ? [] : [[p.flink, preset]])),
);

const FLINK_KNOBS = LSM_KNOB_RECORDS.filter((k): k is LsmKnob & { flink: FlinkKey } => k.flink !== undefined);

/** "LEVEL, UNIVERSAL or FIFO" */
function upperChoices(allowed: readonly string[]): string {
  const names = allowed.map((a) => a.toUpperCase());
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}` : (names[0] ?? '');
}

/** Flat `a.b.c -> value` pairs from nested YAML, flat YAML, or (when YAML fails) `key: value` lines. */
export function flattenFlinkConf(text: string): Map<string, string> {
  const out = new Map<string, string>();
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch {
    doc = undefined;
    for (const line of text.split(/\r?\n/)) {
      const m = /^\s*([^#:\s][^:]*?)\s*:\s*(.*?)\s*$/.exec(line);
      if (m) out.set(m[1] as string, (m[2] as string).replace(/^["']|["']$/g, ''));
    }
    return out;
  }
  const walk = (node: unknown, path: string): void => {
    if (node !== null && typeof node === 'object' && !Array.isArray(node)) {
      for (const [k, v] of Object.entries(node as Record<string, unknown>)) walk(v, path ? `${path}.${k}` : k);
    } else if (path) {
      out.set(path, Array.isArray(node) ? node.map(String).join(';') : String(node));
    }
  };
  walk(doc, '');
  return out;
}

/** Flink memory sizes: "64mb", "64 mb", "1gb", "4kb", "268435456", "64 mebibytes". */
function flinkSize(raw: string): number | null {
  const long = /^\s*(\d+(?:\.\d+)?)\s*(bytes?|kibibytes?|mebibytes?|gibibytes?|tebibytes?)\s*$/i.exec(raw);
  if (long) {
    const unit = (long[2] as string).toLowerCase();
    const f = unit.startsWith('b') ? 1 : unit.startsWith('ki') ? 1024 : unit.startsWith('me') ? 1024 ** 2 : unit.startsWith('gi') ? 1024 ** 3 : 1024 ** 4;
    return Math.round(Number(long[1]) * f);
  }
  return parseSize(raw);
}

export function knobsFromFlinkConf(text: string): FlinkConfKnobs {
  const conf = flattenFlinkConf(text);
  const knobs: Record<string, string> = {};
  const warnings: string[] = [];
  const get = (key: string): string | undefined => conf.get(PREFIX + key);
  const size = (key: string, knob: string): void => {
    const raw = get(key);
    if (raw === undefined) return;
    const v = flinkSize(raw);
    if (v === null) warnings.push(`${PREFIX}${key}: '${raw}' is not a memory size; ignored`);
    else knobs[knob] = String(v);
  };
  const int = (key: string, knob: string): void => {
    const raw = get(key);
    if (raw === undefined) return;
    if (/^\s*-?\d+\s*$/.test(raw)) knobs[knob] = raw.trim();
    else warnings.push(`${PREFIX}${key}: '${raw}' is not an integer; ignored`);
  };
  const bool = (key: string, knob: string): void => {
    const raw = get(key)?.trim().toLowerCase();
    if (raw === undefined) return;
    if (raw === 'true' || raw === 'false') knobs[knob] = raw;
    else warnings.push(`${PREFIX}${key}: '${raw}' is not true or false; ignored`);
  };
  const extraOptions: string[] = [];
  const extraTable: string[] = [];

  // Flink applies its predefined options first (DEFAULT when unset), then the configured ones.
  const predefined = (get('predefined-options') ?? 'DEFAULT').trim().toUpperCase();
  const preset = PREDEFINED[predefined];
  if (preset) knobs.preset = preset;
  else {
    knobs.preset = 'flink-default';
    warnings.push(`${PREFIX}predefined-options: '${predefined}' is not one of ${Object.keys(PREDEFINED).join(', ')}; using DEFAULT`);
  }

  for (const k of FLINK_KNOBS) {
    const { key, value } = k.flink;
    if (value === 'size') size(key, k.name);
    else if (value === 'int') int(key, k.name);
    else if (value === 'bool') bool(key, k.name);
    else if (value === 'enum') {
      const raw = get(key);
      if (raw === undefined) continue;
      const v = raw.trim().toLowerCase();
      if (k.allowed?.includes(v)) knobs[k.name] = v;
      else warnings.push(`${PREFIX}${key}: '${raw}' is not ${upperChoices(k.allowed ?? [])}; ignored`);
    } else if (value === 'bloom') {
      if (get(k.flink.enabledBy as string)?.trim().toLowerCase() !== 'true') continue;
      const bits = get(key) ?? (k.flink.flinkDefault as string);
      if (Number.isFinite(Number(bits)) && Number(bits) > 0) knobs[k.name] = String(Number(bits));
      else warnings.push(`${PREFIX}${key}: '${bits}' is not a positive number; ignored`);
      if (get('bloom-filter.block-based-mode')?.trim().toLowerCase() === 'true') {
        warnings.push(`${PREFIX}bloom-filter.block-based-mode: RocksDB 7.8 builds full filters only (block-based filters are deprecated); a full filter is used`);
      }
    } else if (value === 'compression') {
      const perLevel = get(key);
      if (perLevel === undefined) continue;
      const levels = perLevel.split(/[;,]/).map((s) => s.trim().toUpperCase()).filter((s) => s !== '');
      const types = levels.map(compressionByFlinkName);
      const unknown = levels.filter((_, i) => types[i] === undefined);
      const single = types.length === 1 ? types[0]?.knob : null;
      if (unknown.length > 0) warnings.push(`${PREFIX}${key}: unknown ${unknown.join(', ')}; ignored`);
      else if (single) knobs[k.name] = single;
      else if (levels.length > 0) extraOptions.push(`compression_per_level=${types.map((t) => t?.rocksdb).join(':')}`);
    }
  }
  const metadata = get('block.metadata-blocksize');
  if (metadata !== undefined) {
    const v = flinkSize(metadata);
    if (v === null) warnings.push(`${PREFIX}block.metadata-blocksize: '${metadata}' is not a memory size; ignored`);
    else extraTable.push(`metadata_block_size=${v}`);
  }

  if (get('write-batch-size') !== undefined) warnings.push(`${PREFIX}write-batch-size: Flink's own write batching, not a RocksDB option; ignored`);

  // Memory bounds.
  const ratio = Number(get('memory.write-buffer-ratio') ?? '0.5');
  const highPrio = Number(get('memory.high-prio-pool-ratio') ?? '0.1');
  if (!(ratio > 0 && ratio < 1)) warnings.push(`${PREFIX}memory.write-buffer-ratio: must be between 0 and 1 (exclusive)`);
  if (!(highPrio > 0 && highPrio < 1)) warnings.push(`${PREFIX}memory.high-prio-pool-ratio: must be between 0 and 1 (exclusive)`);
  const fixedRaw = get('memory.fixed-per-slot');
  const managed = (get('memory.managed') ?? 'true').trim().toLowerCase() !== 'false';
  let budget: number | null = null;
  if (fixedRaw !== undefined) {
    budget = flinkSize(fixedRaw);
    if (budget === null) warnings.push(`${PREFIX}memory.fixed-per-slot: '${fixedRaw}' is not a memory size; ignored`);
  } else if (managed) {
    const managedSize = conf.get('taskmanager.memory.managed.size');
    const slots = Number(conf.get('taskmanager.numberOfTaskSlots') ?? '1');
    if (managedSize !== undefined && flinkSize(managedSize) !== null && slots >= 1) {
      budget = Math.floor((flinkSize(managedSize) as number) / slots);
    } else {
      warnings.push(
        'state.backend.rocksdb.memory.managed is on but the managed memory per slot is not in the file (give taskmanager.memory.managed.size, or state.backend.rocksdb.memory.fixed-per-slot); memory is not bounded, the write buffer and block cache knobs apply',
      );
    }
  }
  if (budget !== null && ratio > 0 && ratio < 1 && highPrio > 0 && highPrio < 1) {
    if (knobs.blockCacheSize !== undefined) warnings.push(`${PREFIX}block.cache-size: ignored, Flink's memory budget sizes the shared cache`);
    // Flink's RocksDBMemoryControllerUtils arithmetic (integer bytes, truncated as Java's long cast).
    const cache = Math.floor(((3 - ratio) * budget) / 3);
    const writeBuffers = Math.floor((2 * budget * ratio) / 3);
    knobs.blockCacheSize = String(cache);
    knobs.dbWriteBufferSize = String(writeBuffers);
    knobs.cacheIndexAndFilterBlocks = 'true';
    extraTable.push(`block_cache={capacity=${cache};high_pri_pool_ratio=${highPrio}}`, 'cache_index_and_filter_blocks_with_high_priority=true', 'pin_top_level_index_and_filter=true');
    warnings.push('the write buffer manager is not charged to the block cache as in Flink (RocksDB options cannot express it): memory may reach cache + write buffers');
  }

  if (extraTable.length > 0) extraOptions.push(`block_based_table_factory={${extraTable.join(';')}}`);
  if (extraOptions.length > 0) knobs.options = extraOptions.join(';');

  for (const key of conf.keys()) {
    if (key.startsWith(PREFIX) && !KNOWN.has(key.slice(PREFIX.length))) warnings.push(`${key}: not mapped by statebench; ignored`);
  }
  return { knobs, memoryBudgetBytes: budget, warnings };
}

// Flink keys read here that set no knob of their own.
const OTHER_KEYS = [
  'block.metadata-blocksize',
  'bloom-filter.block-based-mode',
  'write-batch-size',
  'predefined-options',
  'memory.managed',
  'memory.fixed-per-slot',
  'memory.write-buffer-ratio',
  'memory.high-prio-pool-ratio',
];
const KNOWN = new Set([...FLINK_KNOBS.flatMap((k) => [k.flink.key, ...(k.flink.enabledBy ? [k.flink.enabledBy] : [])]), ...OTHER_KEYS]);
