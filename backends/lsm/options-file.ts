// RocksDB OPTIONS files (the INI file RocksDB writes into every DB directory): read back as
// flat "section.key -> value" strings for the result, and turned into an options map so that
// a user's OPTIONS file can be applied through RocksDB's own options-string parser.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type OptionsMap, parseOptionsString } from './options-string.js';

export interface IniSection {
  readonly name: string;
  readonly entries: ReadonlyArray<readonly [string, string]>;
}

export function parseIni(text: string): IniSection[] {
  const sections: { name: string; entries: [string, string][] }[] = [];
  let current: { name: string; entries: [string, string][] } | undefined;
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (line === '' || line.startsWith('#')) continue;
    const header = /^\[(.+)\]$/.exec(line);
    if (header) {
      current = { name: (header[1] as string).trim(), entries: [] };
      sections.push(current);
      continue;
    }
    const eq = line.indexOf('=');
    if (eq < 0 || current === undefined) continue;
    current.entries.push([line.slice(0, eq).trim(), line.slice(eq + 1).trim()]);
  }
  return sections;
}

/** `[CFOptions "default"]` -> `CFOptions.default`; `[DBOptions]` -> `DBOptions`. */
function sectionKey(name: string): string {
  return name.replace(/\s+"([^"]*)"$/, '.$1');
}

/** Flat `section.key -> value` strings, e.g. `CFOptions.default.write_buffer_size -> 67108864`. */
export function flattenOptionsFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const s of parseIni(text)) for (const [k, v] of s.entries) out[`${sectionKey(s.name)}.${k}`] = v;
  return out;
}

/** The newest OPTIONS-NNNNNN file in a DB directory, or null when there is none. */
export function newestOptionsFile(dbDir: string): string | null {
  let best: { n: number; name: string } | null = null;
  for (const name of readdirSync(dbDir)) {
    const m = /^OPTIONS-(\d+)$/.exec(name);
    if (m && (best === null || Number(m[1]) > best.n)) best = { n: Number(m[1]), name };
  }
  return best ? join(dbDir, best.name) : null;
}

export function readUsedOptions(dbDir: string): Record<string, string> | null {
  const file = newestOptionsFile(dbDir);
  return file ? flattenOptionsFile(readFileSync(file, 'utf8')) : null;
}

// Keys an OPTIONS file records that cannot or should not be fed back as options: object
// identities RocksDB prints by class name, and settings tied to the DB it was written for.
const NOT_REAPPLIED = new Set(['table_factory', 'comparator', 'memtable_factory', 'flush_block_policy_factory', 'db_host_id', 'wal_dir', 'db_log_dir']);

/**
 * An OPTIONS file as an options map: DBOptions and the default column family's CFOptions at
 * the top level, its block-based table options under block_based_table_factory.
 */
export function optionsFileToMap(text: string): OptionsMap {
  const out: OptionsMap = {};
  const table: OptionsMap = {};
  for (const s of parseIni(text)) {
    const isDb = s.name === 'DBOptions';
    const isCf = s.name === 'CFOptions "default"';
    const isTable = s.name === 'TableOptions/BlockBasedTable "default"';
    if (!isDb && !isCf && !isTable) continue;
    for (const [k, v] of s.entries) {
      if (NOT_REAPPLIED.has(k) || v === 'nullptr') continue;
      const value = v.startsWith('{') ? parseOptionsString(v.slice(1, v.endsWith('}') ? -1 : undefined)) : v;
      if (isTable) table[k] = value;
      else out[k] = value;
    }
  }
  if (Object.keys(table).length > 0) out.block_based_table_factory = table;
  return out;
}
