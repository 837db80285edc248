// Resolved knobs -> the settings the LMDB backend runs with, and the options lmdb-js opens with.
// Kept apart from the backend so the mapping (and what "unset" means) is testable on its own.
import type { RootDatabaseOptions } from 'lmdb';
import type { ResolvedKnobs } from '../types.js';
import { LMDB_KNOB_RECORDS } from './knobs.js';

export interface LmdbSettings {
  readonly writePath: 'sync' | 'async';
  readonly writeBatchOps: number;
  /** Hard size limit the backend enforces (lmdb-js grows its map without one); null = none. */
  readonly mapSizeLimit: number | null;
  readonly cache: boolean;
  /** Whether commits overlap with the previous commit's flush (lmdb-js's rule when unset). */
  readonly overlappingSync: boolean;
  readonly open: LmdbOpenOptions;
}

/** lmdb-js reads noReadAhead at open (open.js flag 0x800000) though its typings omit it. */
export type LmdbOpenOptions = RootDatabaseOptions & { noReadAhead?: boolean };

const bool = (v: unknown, fallback: boolean): boolean => (typeof v === 'boolean' ? v : fallback);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

export function lmdbSettings(knobs: ResolvedKnobs): LmdbSettings {
  const noSync = bool(knobs.noSync, false);
  const overlappingSync = bool(knobs.overlappingSync, !noSync);
  if (noSync && overlappingSync) {
    // lmdb-js refuses the pair at open with a less helpful message.
    throw new Error('lmdb: overlappingSync=true cannot be combined with noSync=true; set lmdb.overlappingSync=false or lmdb.noSync=false');
  }
  const mapSize = num(knobs.mapSize);
  const cache = bool(knobs.cache, false);
  // Raw bytes in and out: no msgpack of values, keys compared as bytes (our big-endian codec).
  const open: Record<string, unknown> = { keyEncoding: 'binary', encoding: 'binary' };
  // Every knob lmdb-js takes at open, at its value or its default; a knob whose default is
  // null (lmdb-js decides: map and page size) is passed only when set. overlappingSync's
  // default is lmdb-js's own rule, made explicit because the commit flags depend on it.
  for (const k of LMDB_KNOB_RECORDS) {
    if (k.lmdbJs.open === undefined) continue;
    const v = k.name === 'overlappingSync' ? overlappingSync : (knobs[k.name] ?? k.default);
    if (v !== null && v !== undefined) open[k.lmdbJs.open] = k.lmdbJs.value ? k.lmdbJs.value(v) : v;
  }
  return {
    writePath: knobs.writePath === 'sync' ? 'sync' : 'async',
    writeBatchOps: Math.max(1, Math.floor(num(knobs.writeBatchOps) ?? 1)),
    mapSizeLimit: mapSize,
    cache,
    overlappingSync,
    open: open as LmdbOpenOptions,
  };
}

/** Flags lmdb-js's own putSync commits with: non-abortable, and no wait for the flush when
 *  overlappingSync is on (the flush then completes in the background, as lmdb-js does it). */
export function syncCommitFlags(overlappingSync: boolean): number {
  return overlappingSync ? 0x10002 : 2;
}

/** A write batch must be all or nothing: abortable (1) on top of the commit flags. */
export function batchCommitFlags(overlappingSync: boolean): number {
  return syncCommitFlags(overlappingSync) | 1;
}
