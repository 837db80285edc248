// A tuned lsm configuration in the forms a user pastes: a RocksDB options string (for
// GetOptionsFromString / the `options` knob), an OPTIONS-file fragment, Flink
// state.backend.rocksdb.* keys (tune's winner, BackendTuning.pasteForms).

import type { KnobValue } from '../types.js';
import { typedKnobsLayer } from './build-options.js';
import { compressionByKnob } from './compression.js';
import { TABLE_GROUP } from './knob-record.js';
import { LSM_KNOB_RECORDS } from './knobs.js';
import { mergeOptions, serializeOptions, type OptionsMap } from './options-string.js';
import { PRESET_OPTIONS } from './presets.js';

type Knobs = Readonly<Record<string, KnobValue>>;

function resolvedLsm(changes: Knobs): Record<string, KnobValue | null> {
  const out: Record<string, KnobValue | null> = {};
  for (const k of LSM_KNOB_RECORDS) out[k.name] = k.default;
  return { ...out, ...changes };
}

/** What the changes set in RocksDB: a Flink preset's options, then the typed knobs over them. */
function changedOptions(changes: Knobs): OptionsMap {
  const preset = PRESET_OPTIONS[String(changes.preset ?? 'none')]?.options ?? {};
  return mergeOptions(preset, typedKnobsLayer(resolvedLsm(changes)));
}

export function rocksdbOptionsString(changes: Knobs): string {
  return serializeOptions(changedOptions(changes));
}

const DB_OPTIONS = new Set(LSM_KNOB_RECORDS.flatMap((k) => (k.rocksdb?.section === 'db' ? [k.rocksdb.path[0] as string] : [])));
/** Table options OPTIONS files do not carry (the block cache: a DB property reports its capacity). */
const NOT_IN_OPTIONS_FILES = new Set(LSM_KNOB_RECORDS.flatMap((k) => (k.rocksdb?.property ? [k.rocksdb.path[1] as string] : [])));

export function rocksdbOptionsFile(changes: Knobs): string {
  const map = changedOptions(changes);
  const db: string[] = [];
  const cf: string[] = [];
  const table: string[] = [];
  const notes: string[] = [];
  for (const [k, v] of Object.entries(map)) {
    if (k === TABLE_GROUP && typeof v !== 'string') {
      for (const [tk, tv] of Object.entries(v)) {
        if (NOT_IN_OPTIONS_FILES.has(tk) && typeof tv !== 'string') notes.push(`# block cache capacity ${(tv as OptionsMap).capacity}: OPTIONS files do not carry it; create the cache in code (NewLRUCache) or pass block_based_table_factory={block_cache=...} as an options string`);
        else table.push(`  ${tk}=${typeof tv === 'string' ? tv : `{${serializeOptions(tv)}}`}`);
      }
    } else if (typeof v !== 'string') {
      cf.push(`  ${k}={${serializeOptions(v)}}`);
    } else (DB_OPTIONS.has(k) ? db : cf).push(`  ${k}=${v}`);
  }
  const wal = changes.walEnabled === false ? ['# WAL off: WriteOptions.disableWAL = true (a write option, not in OPTIONS files)'] : [];
  return [
    ...notes,
    ...wal,
    '[DBOptions]',
    ...db,
    '',
    '[CFOptions "default"]',
    ...cf,
    '',
    '[TableOptions/BlockBasedTable "default"]',
    ...table,
  ].join('\n');
}

const FLINK = 'state.backend.rocksdb.';

function flinkSize(bytes: number): string {
  if (bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)}mb`;
  if (bytes % 1024 === 0) return `${bytes / 1024}kb`;
  return `${bytes}b`;
}

/**
 * Flink configuration keys (docs/references.md, "Flink's RocksDB state backend"), from the knob
 * records; knobs Flink has no key for are listed for a RocksDBOptionsFactory. `bounded`: the
 * changes were measured under Flink's managed memory, which stays on; else sizes that Flink's
 * managed memory would override need it off, and the lines say what that risks.
 */
export function flinkKeys(changes: Knobs, bounded: boolean): string {
  const lines: string[] = [];
  const factory: string[] = [];
  for (const [knob, value] of Object.entries(changes)) {
    const record = LSM_KNOB_RECORDS.find((k) => k.name === knob);
    const flink = record?.flink;
    const predefined = knob === 'preset' ? PRESET_OPTIONS[String(value)]?.flink : undefined;
    if (predefined) {
      lines.push(`${FLINK}predefined-options: ${predefined}`);
    } else if (flink) {
      if (flink.value === 'size' || (flink.value === 'memory' && record?.type === 'size')) lines.push(`${FLINK}${flink.key}: ${flinkSize(Number(value))}`);
      else if (flink.value === 'enum') lines.push(`${FLINK}${flink.key}: ${String(value).toUpperCase()}`);
      else if (flink.value === 'duration') lines.push(`${FLINK}${flink.key}: ${String(value)} s`);
      else if (flink.value === 'compression') lines.push(`${FLINK}${flink.key}: ${compressionByKnob(String(value))?.flink ?? value}`);
      else if (flink.value === 'bloom') {
        if (Number(value) > 0) lines.push(`${FLINK}${flink.enabledBy}: true`, `${FLINK}${flink.key}: ${value}`);
      } else lines.push(`${FLINK}${flink.key}: ${String(value)}`);
    } else if (record?.flinkNote) factory.push(`# ${record.flinkNote}`);
    else factory.push(`#   ${knob}=${value}`);
  }
  if (bounded) {
    lines.push(`${FLINK}memory.managed: true   # Flink's default: the slot's managed memory sizes the block cache and the write buffer manager`);
  } else {
    lines.push(
      `${FLINK}memory.managed: false   # measured without Flink's bound: else the slot's managed memory sizes the cache and write buffers, not the keys above`,
      "# risk: with managed memory off nothing bounds RocksDB's memory across the TaskManager's slots and states (each column family's write buffers, table readers); it can grow past the container's limit until the process is killed. Budget it in taskmanager.memory.task.off-heap.size, or keep managed memory on (statebench tune without --unbounded-memory).",
    );
  }
  if (factory.some((l) => l.startsWith('#   '))) factory.unshift('# no Flink key; set through a RocksDBOptionsFactory (ColumnFamilyOptions / DBOptions):');
  return [...lines, ...factory].join('\n');
}
