// What only RocksDB can say about an lsm knob set, said before any cell starts
// (Backend.validateKnobs): the OPTIONS file through RocksDB's OPTIONS-file parser, the raw
// options string through RocksDB's options-string parser, then the whole string a cell would
// open with (every layer together). No database is opened: the addon runs RocksDB's parsers alone.
// Each refusal is a KnobError naming the knob, the value and what is accepted (exit 2). Without
// the addon the lsm cells are skipped anyway; only the checks that need no RocksDB run then.

import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KnobError } from '../resolve-knobs.js';
import type { ResolvedKnobs } from '../types.js';
import { buildOpenPlan } from './build-options.js';
import { loadNative, type NativeAddon } from './native.js';
import { parseIni } from './options-file.js';
import { parseOptionsString } from './options-string.js';

const OPTIONS_ACCEPTED =
  "a RocksDB options string: option=value pairs separated by ';', nested groups in {} (e.g. write_buffer_size=64M;block_based_table_factory={block_size=16K}), with RocksDB's option names and values";
const FILE_ACCEPTED = 'a RocksDB OPTIONS file (the OPTIONS-NNNNNN file RocksDB writes into every database directory)';

const firstLine = (text: string): string => (text.split('\n')[0] as string).trim();

function checkOptionsFile(path: string, addon: NativeAddon | null): void {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new KnobError(`lsm.optionsFile: cannot read ${path} (${(err as NodeJS.ErrnoException).code ?? 'error'}); expected ${FILE_ACCEPTED}`);
  }
  if (addon === null) {
    // No RocksDB to ask: at least the sections statebench reads from the file must be there.
    const sections = parseIni(text).map((s) => s.name);
    if (!sections.includes('DBOptions') && !sections.includes('CFOptions "default"')) {
      throw new KnobError(`lsm.optionsFile: ${path} is not a RocksDB OPTIONS file (no [DBOptions] or [CFOptions "default"] section); expected ${FILE_ACCEPTED}`);
    }
    return;
  }
  // RocksDB's loader reads the newest OPTIONS file of a directory: give it a copy, alone.
  const dir = mkdtempSync(join(tmpdir(), 'statebench-options-'));
  try {
    copyFileSync(path, join(dir, 'OPTIONS-000001'));
    const err = addon.loadOptionsDir(dir);
    if (err !== null) throw new KnobError(`lsm.optionsFile: ${path} is not a RocksDB OPTIONS file (RocksDB: ${firstLine(err)}); expected ${FILE_ACCEPTED}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function checkOptionsString(raw: string, addon: NativeAddon | null): void {
  try {
    parseOptionsString(raw);
  } catch (err) {
    throw new KnobError(`lsm.options: '${raw}' is not valid (${firstLine((err as Error).message)}); expected ${OPTIONS_ACCEPTED}`);
  }
  const err = addon?.parseOptions(raw) ?? null;
  if (err !== null) throw new KnobError(`lsm.options: '${raw}' is not valid (RocksDB: ${firstLine(err)}); expected ${OPTIONS_ACCEPTED}`);
}

/** The bound's ratios as Flink's RocksDBMemoryConfiguration checks them: each in (0, 1), together at most 1. */
function checkMemoryRatios(knobs: ResolvedKnobs): void {
  const ratios = ['writeBufferRatio', 'highPriPoolRatio'] as const;
  for (const name of ratios) {
    const v = knobs[name];
    if (typeof v === 'number' && !(v > 0 && v < 1)) throw new KnobError(`lsm.${name}: ${v} is not valid; expected a ratio between 0 and 1 (exclusive), as Flink accepts it`);
  }
  const [w, h] = ratios.map((n) => knobs[n]);
  if (typeof w === 'number' && typeof h === 'number' && w + h > 1) {
    throw new KnobError(`lsm.writeBufferRatio: ${w} is not valid with lsm.highPriPoolRatio ${h}; expected ratios whose sum is at most 1, as Flink accepts them`);
  }
}

/** A store slower than this is not one to emulate: one 4 KiB block would take over 60 ms to pass. */
const SLOWEST_REMOTE_BYTES_PER_SEC = 64 * 1024;

function checkRemoteBandwidth(knobs: ResolvedKnobs): void {
  const v = knobs.remoteBandwidth;
  if (typeof v === 'number' && v > 0 && v < SLOWEST_REMOTE_BYTES_PER_SEC) {
    throw new KnobError(`lsm.remoteBandwidth: ${v} bytes/s is not valid; expected 0 (no limit) or a rate of at least 64KiB/s, such as 200MiB/s`);
  }
}

export function validateLsmKnobs(knobs: ResolvedKnobs): void {
  checkMemoryRatios(knobs);
  checkRemoteBandwidth(knobs);
  const native = loadNative();
  const addon = native.ok ? native.addon : null;
  if (typeof knobs.optionsFile === 'string' && knobs.optionsFile !== '') checkOptionsFile(knobs.optionsFile, addon);
  if (typeof knobs.options === 'string' && knobs.options.trim() !== '') checkOptionsString(knobs.options, addon);
  if (addon === null) return;
  // Each layer passed alone; together (file, preset, raw string, typed knobs) RocksDB must take them too.
  let optionsString: string;
  try {
    optionsString = buildOpenPlan(knobs).optionsString;
  } catch (err) {
    throw new KnobError(`lsm: the knobs do not make a RocksDB options string (${firstLine((err as Error).message)})`);
  }
  const err = addon.parseOptions(optionsString);
  if (err !== null) throw new KnobError(`lsm: RocksDB refuses the options these knobs make together (RocksDB: ${firstLine(err)}): ${optionsString}`);
}
