// The memory RocksDB's options bound, read from the options map an instance is opened with (every
// layer merged: OPTIONS file, preset, options string, typed knobs): one memtable's size, the
// memtables kept, the DB-wide write buffer limit and the block cache. The knob records say which
// option plays which role (knobs.ts, field `memory`); an option left unset counts as RocksDB's
// default (the knob's). The budget estimate (harness/budget/estimate.ts) and the slots' shared
// block cache (build-options.ts) read them here.

import type { LsmMemoryRole } from './knob-record.js';
import { LSM_KNOB_RECORDS } from './knobs.js';
import type { OptionsMap } from './options-string.js';

/** The lsm knob the budget counts in a role. */
function lsmMemoryKnob(role: LsmMemoryRole) {
  const k = LSM_KNOB_RECORDS.find((r) => r.memory === role);
  if (!k?.rocksdb || typeof k.default !== 'number') throw new Error(`no lsm knob with a numeric default counts as ${role}`);
  return { option: k.rocksdb, default: k.default };
}

/** The option at a path of an options map, when it is a value (not a group). */
export function valueAt(map: OptionsMap, path: readonly string[]): string | undefined {
  let node: OptionsMap | string | undefined = map;
  for (const part of path) node = typeof node === 'object' ? node[part] : undefined;
  return typeof node === 'string' ? node : undefined;
}

/** RocksDB's reading of a size option (ParseUint64): digits, then an optional k, m, g or t (binary). */
export function rocksdbSize(text: string | undefined): number | null {
  const m = /^\s*(\d+)\s*([kKmMgGtT])?/.exec(text ?? '');
  if (!m) return null;
  const shift = { k: 10, m: 20, g: 30, t: 40 }[(m[2] ?? '').toLowerCase()] ?? 0;
  return Number(m[1]) * 2 ** shift;
}

/** The value of a role's option RocksDB will use: as configured, else the knob's (RocksDB's) default. */
function lsmMemoryOption(options: OptionsMap, role: LsmMemoryRole): number {
  const { option, default: dflt } = lsmMemoryKnob(role);
  return rocksdbSize(valueAt(options, option.path)) ?? dflt;
}

/** Block cache capacity RocksDB will use: 0 with no_block_cache, 8 MiB (the knob's default) when none is configured. */
export function lsmBlockCacheBytes(options: OptionsMap): number {
  const { option, default: dflt } = lsmMemoryKnob('block-cache');
  if (option.zeroPath && valueAt(options, option.zeroPath) === 'true') return 0;
  // RocksDB also reads a bare size as the cache (block_cache=8388608).
  return rocksdbSize(valueAt(options, option.path.slice(0, -1))) ?? rocksdbSize(valueAt(options, option.path)) ?? dflt;
}

/** db_write_buffer_size: the memtable limit across the whole DB, 0 = none. */
export function lsmWriteBufferLimit(options: OptionsMap): number {
  return lsmMemoryOption(options, 'write-buffer-limit');
}

/** The path of db_write_buffer_size in an options map. */
export function lsmWriteBufferLimitPath(): readonly string[] {
  return lsmMemoryKnob('write-buffer-limit').option.path;
}

/** Memtables one instance may hold: write_buffer_size x max_write_buffer_number, capped by db_write_buffer_size when set. */
export function lsmMemtableBytes(options: OptionsMap): number {
  const size = lsmMemoryOption(options, 'write-buffer');
  const count = lsmMemoryOption(options, 'write-buffer-count');
  const dbLimit = lsmWriteBufferLimit(options);
  const perCf = size * count;
  return dbLimit > 0 ? Math.min(perCf, dbLimit) : perCf;
}
