// From resolved knobs to what the addon opens RocksDB with: one options string for RocksDB's
// own parser, and the write options (WAL, sync) and perf level that are not part of it.
//
// Layers, later ones winning: statebench's base (Flink's string-append merge operator), the
// optionsFile, the preset, the raw `options` string, then every typed knob whose value differs
// from RocksDB's default (a typed knob at its default leaves the layers below alone).

import { readFileSync } from 'node:fs';
import type { KnobValue, ResolvedKnobs } from '../types.js';
import { type RocksDbOption, rocksdbText } from './knob-record.js';
import { LSM_KNOB_RECORDS, PERF_LEVELS } from './knobs.js';
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

export function buildOpenPlan(knobs: ResolvedKnobs): OpenPlan {
  const preset = PRESET_OPTIONS[String(knobs.preset ?? 'none')] ?? PRESET_OPTIONS.none;
  const fileLayer = typeof knobs.optionsFile === 'string' && knobs.optionsFile !== '' ? optionsFileToMap(readFileSync(knobs.optionsFile, 'utf8')) : {};
  const rawLayer = typeof knobs.options === 'string' && knobs.options.trim() !== '' ? parseOptionsString(knobs.options) : {};
  const options = mergeOptions(BASE, fileLayer, preset?.options ?? {}, rawLayer, typedKnobsLayer(knobs));
  const walEnabled = isSet(knobs, 'walEnabled') ? knobs.walEnabled === true : (preset?.walEnabled ?? knobs.walEnabled !== false);
  const perfLevel = PERF_LEVELS[String(knobs.perfLevel)] ?? (PERF_LEVELS[String(DEFAULTS.get('perfLevel'))] as number);
  return { optionsString: serializeOptions(options), options, walEnabled, syncWrites: knobs.syncWrites === true, perfLevel };
}
