// A Flink configuration (config.yaml nested YAML, or the legacy flat flink-conf.yaml of
// `key: value` lines) turned into lsm knobs, the way Flink's RocksDB state backend turns its
// state.backend.rocksdb.* options into RocksDB options (docs/references.md, "Flink's RocksDB state
// backend": its options, defaults, predefined options and memory arithmetic). The keys that set a
// knob are in the knob records (knobs.ts, field `flink`); the ones handled here are the rest.
//
// Memory: Flink picks the bound as RocksDBSharedResourcesFactory.from does: memory.fixed-per-slot,
// else managed memory (on by default: taskmanager.memory.managed.size divided among
// taskmanager.numberOfTaskSlots), else memory.fixed-per-tm, whose M is the whole TaskManager's,
// shared by all its slots. M becomes lsm.boundedMemory, with the ratios (writeBufferRatio,
// highPriPoolRatio) and partitionedIndexFilters as given; the backend then builds Flink's cache
// and write buffer manager charged to it (build-options.ts, MemoryBound). fixed-per-tm also sets
// sharedBlockCache=true, so that a --threads cell's slots share them. taskmanager.numberOfTaskSlots
// is returned as taskSlots (the run's default --threads).
//
// A value Flink cannot parse is refused, as Flink refuses it when it reads the option
// (docs/references.md, "Flink's RocksDB state backend": "Could not parse value ... for key ...";
// memory ratios outside (0, 1)): a KnobError naming the key, the value and what is accepted, so the
// run stops with exit 2 before any cell. Keys Flink would ignore stay warnings.

import { flattenFlinkConf } from '../../core/flink/flat-conf.js';
import { parseSize } from '../../core/units.js';
import { KnobError } from '../resolve-knobs.js';
import { compressionByFlinkName } from './compression.js';
import type { FlinkConfKnobs } from '../types.js';
import type { FlinkKey, LsmKnob } from './knob-record.js';
import { LSM_KNOB_RECORDS } from './knobs.js';
import { PRESET_OPTIONS } from './presets.js';

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

const MEMORY_SIZE = 'a memory size such as 64mb, 1gb or 268435456 (bytes)';

/** The key, the value and what Flink accepts there: Flink refuses the value, so does the run. */
function refused(key: string, raw: string, accepted: string): never {
  throw new KnobError(`${key}: '${raw}' is not valid; expected ${accepted}`);
}

// Flink's TimeUtils.parseDuration units, in milliseconds; a bare number is milliseconds.
const FLINK_DURATION_UNITS: Readonly<Record<string, number>> = Object.fromEntries(
  (
    [
      [['', 'ms', 'milli', 'millis', 'millisecond', 'milliseconds'], 1],
      [['s', 'sec', 'secs', 'second', 'seconds'], 1000],
      [['m', 'min', 'minute', 'minutes'], 60_000],
      [['h', 'hour', 'hours'], 3_600_000],
      [['d', 'day', 'days'], 86_400_000],
    ] as const
  ).flatMap(([labels, ms]) => labels.map((l) => [l, ms])),
);

/** A Flink duration ("30 d", "1h", "3600s", "86400000") in whole seconds, as Duration.getSeconds gives them. */
function flinkDurationSeconds(key: string, raw: string): number {
  const m = /^\s*(\d+)\s*([a-zA-Z]*)\s*$/.exec(raw);
  const factor = m ? FLINK_DURATION_UNITS[(m[2] as string).toLowerCase()] : undefined;
  if (!m || factor === undefined) return refused(key, raw, 'a duration such as 30 d, 12 h, 3600 s or 86400000 (milliseconds)');
  return Math.floor((Number(m[1]) * factor) / 1000);
}

function flinkBool(key: string, raw: string): boolean {
  const v = raw.trim().toLowerCase();
  return v === 'true' ? true : v === 'false' ? false : refused(key, raw, 'true or false');
}

/** A ratio strictly between 0 and 1 (Flink's RocksDBMemoryConfiguration checks the same). */
function ratio(key: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const v = raw.trim() === '' ? NaN : Number(raw);
  return v > 0 && v < 1 ? v : refused(key, raw, 'a number between 0 and 1 (exclusive)');
}

export function knobsFromFlinkConf(text: string): FlinkConfKnobs {
  const conf = flattenFlinkConf(text);
  const knobs: Record<string, string> = {};
  const warnings: string[] = [];
  const get = (key: string): string | undefined => conf.get(PREFIX + key);
  const size = (key: string, knob: string): void => {
    const raw = get(key);
    if (raw === undefined) return;
    knobs[knob] = String(flinkSize(raw) ?? refused(PREFIX + key, raw, MEMORY_SIZE));
  };
  const int = (key: string, knob: string): void => {
    const raw = get(key);
    if (raw === undefined) return;
    knobs[knob] = /^\s*-?\d+\s*$/.test(raw) ? raw.trim() : refused(PREFIX + key, raw, 'an integer');
  };
  const bool = (key: string, knob: string): void => {
    const raw = get(key);
    if (raw === undefined) return;
    knobs[knob] = String(flinkBool(PREFIX + key, raw));
  };
  const extraOptions: string[] = [];
  const extraTable: string[] = [];

  // Flink applies its predefined options first (DEFAULT when unset), then the configured ones.
  const predefinedRaw = get('predefined-options') ?? 'DEFAULT';
  knobs.preset = PREDEFINED[predefinedRaw.trim().toUpperCase()] ?? refused(`${PREFIX}predefined-options`, predefinedRaw, `one of ${Object.keys(PREDEFINED).join(', ')}`);

  for (const k of FLINK_KNOBS) {
    const { key, value } = k.flink;
    if (value === 'memory') continue; // the memory bound, read below as a whole
    if (value === 'size') size(key, k.name);
    else if (value === 'int') int(key, k.name);
    else if (value === 'bool') bool(key, k.name);
    else if (value === 'duration') {
      const raw = get(key);
      if (raw !== undefined) knobs[k.name] = String(flinkDurationSeconds(PREFIX + key, raw));
    } else if (value === 'enum') {
      const raw = get(key);
      if (raw === undefined) continue;
      const v = raw.trim().toLowerCase();
      knobs[k.name] = k.allowed?.includes(v) ? v : refused(PREFIX + key, raw, upperChoices(k.allowed ?? []));
    } else if (value === 'bloom') {
      const enabledBy = k.flink.enabledBy as string;
      const enabled = get(enabledBy);
      if (enabled === undefined || !flinkBool(PREFIX + enabledBy, enabled)) continue;
      const bits = get(key) ?? (k.flink.flinkDefault as string);
      knobs[k.name] = bits.trim() !== '' && Number(bits) > 0 ? String(Number(bits)) : refused(PREFIX + key, bits, 'a positive number of bits per key, such as 10');
      const blockBased = get('bloom-filter.block-based-mode');
      if (blockBased !== undefined && flinkBool(`${PREFIX}bloom-filter.block-based-mode`, blockBased)) {
        warnings.push(`${PREFIX}bloom-filter.block-based-mode: RocksDB 7.8 builds full filters only (block-based filters are deprecated); a full filter is used`);
      }
    } else if (value === 'compression') {
      const perLevel = get(key);
      if (perLevel === undefined) continue;
      const levels = perLevel.split(/[;,]/).map((s) => s.trim().toUpperCase()).filter((s) => s !== '');
      const types = levels.map(compressionByFlinkName);
      const unknown = levels.filter((_, i) => types[i] === undefined);
      const single = types.length === 1 ? types[0]?.knob : null;
      if (unknown.length > 0) refused(PREFIX + key, perLevel, `compression types of Flink's CompressionType (e.g. NO_COMPRESSION, SNAPPY_COMPRESSION, LZ4_COMPRESSION, ZSTD_COMPRESSION), one or one per level separated by ';'`);
      if (single) knobs[k.name] = single;
      else if (levels.length > 0) extraOptions.push(`compression_per_level=${types.map((t) => t?.rocksdb).join(':')}`);
    }
  }
  const metadata = get('block.metadata-blocksize');
  if (metadata !== undefined) {
    extraTable.push(`metadata_block_size=${flinkSize(metadata) ?? refused(`${PREFIX}block.metadata-blocksize`, metadata, MEMORY_SIZE)}`);
  }

  if (get('write-batch-size') !== undefined) warnings.push(`${PREFIX}write-batch-size: Flink's own write batching, not a RocksDB option; ignored`);

  // Memory bounds.
  const writeRatio = ratio(`${PREFIX}memory.write-buffer-ratio`, get('memory.write-buffer-ratio'), 0.5);
  const highPrio = ratio(`${PREFIX}memory.high-prio-pool-ratio`, get('memory.high-prio-pool-ratio'), 0.1);
  if (writeRatio + highPrio > 1) {
    refused(`${PREFIX}memory.write-buffer-ratio`, String(writeRatio), `a ratio whose sum with memory.high-prio-pool-ratio (${highPrio}) is at most 1`);
  }
  const slotsRaw = conf.get('taskmanager.numberOfTaskSlots');
  const taskSlots = slotsRaw === undefined ? null : /^\s*\d+\s*$/.test(slotsRaw) && Number(slotsRaw) >= 1 ? Number(slotsRaw) : refused('taskmanager.numberOfTaskSlots', slotsRaw, 'a whole number >= 1');
  const fixedSize = (key: string): number | null => {
    const raw = get(key);
    if (raw === undefined) return null;
    const bytes = flinkSize(raw) ?? refused(PREFIX + key, raw, MEMORY_SIZE);
    return bytes > 0 ? bytes : refused(PREFIX + key, raw, `${MEMORY_SIZE}, above 0`);
  };
  const fixedPerSlot = fixedSize('memory.fixed-per-slot');
  const fixedPerTm = fixedSize('memory.fixed-per-tm');
  const managedRaw = get('memory.managed');
  const managed = managedRaw === undefined || flinkBool(`${PREFIX}memory.managed`, managedRaw);
  let budget: number | null = null;
  let scope: FlinkConfKnobs['memoryBudgetScope'] = null;
  if (fixedPerSlot !== null) {
    budget = fixedPerSlot;
    scope = 'slot';
  } else if (managed) {
    const managedRaw = conf.get('taskmanager.memory.managed.size');
    const managedSize = managedRaw === undefined ? null : (flinkSize(managedRaw) ?? refused('taskmanager.memory.managed.size', managedRaw, MEMORY_SIZE));
    if (managedSize !== null) {
      budget = Math.floor(managedSize / (taskSlots ?? 1));
      scope = 'slot';
    } else {
      warnings.push(
        'state.backend.rocksdb.memory.managed is on but the managed memory per slot is not in the file (give taskmanager.memory.managed.size, or state.backend.rocksdb.memory.fixed-per-slot); memory is not bounded, the write buffer and block cache knobs apply',
      );
    }
  } else if (fixedPerTm !== null) {
    budget = fixedPerTm;
    scope = 'taskmanager';
  }
  if (fixedPerTm !== null && scope !== 'taskmanager') {
    warnings.push(
      `${PREFIX}memory.fixed-per-tm: ignored, as Flink ignores it when ${fixedPerSlot !== null ? 'memory.fixed-per-slot is set' : 'memory.managed is on (its default)'}; set memory.managed: false and leave fixed-per-slot out to share one budget among the TaskManager's slots`,
    );
  }
  if (scope === 'taskmanager') {
    // One cache and one write buffer manager for all the TaskManager's slots (the --threads of a cell).
    knobs.sharedBlockCache = 'true';
  }
  if (budget !== null) {
    if (knobs.blockCacheSize !== undefined) {
      warnings.push(`${PREFIX}block.cache-size: ignored, Flink's memory budget sizes the shared cache`);
      delete knobs.blockCacheSize;
    }
    knobs.boundedMemory = String(budget);
  }
  // The bound's settings, as given (they change nothing while memory is not bounded).
  if (get('memory.write-buffer-ratio') !== undefined) knobs.writeBufferRatio = String(writeRatio);
  if (get('memory.high-prio-pool-ratio') !== undefined) knobs.highPriPoolRatio = String(highPrio);
  const partitioned = get('memory.partitioned-index-filters');
  if (partitioned !== undefined) knobs.partitionedIndexFilters = String(flinkBool(`${PREFIX}memory.partitioned-index-filters`, partitioned));

  if (extraTable.length > 0) extraOptions.push(`block_based_table_factory={${extraTable.join(';')}}`);
  if (extraOptions.length > 0) knobs.options = extraOptions.join(';');

  for (const key of conf.keys()) {
    if (key.startsWith(PREFIX) && !KNOWN.has(key.slice(PREFIX.length))) warnings.push(`${key}: not mapped by statebench; ignored`);
  }
  return { knobs, memoryBudgetBytes: budget, memoryBudgetScope: scope, taskSlots, warnings };
}

// Flink keys read here that set no knob of their own.
const OTHER_KEYS = [
  'block.metadata-blocksize',
  'bloom-filter.block-based-mode',
  'write-batch-size',
  'predefined-options',
  'memory.managed',
  'memory.fixed-per-tm',
];
const KNOWN = new Set([...FLINK_KNOBS.flatMap((k) => [k.flink.key, ...(k.flink.enabledBy ? [k.flink.enabledBy] : [])]), ...OTHER_KEYS]);
