// Resolved knobs -> the settings the LMDB backend runs with, and the options lmdb-js opens with.
// Kept apart from the backend so the mapping (and what "unset" means) is testable on its own.
import type { RootDatabaseOptions } from 'lmdb';
import type { ResolvedKnobs } from '../types.js';

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
  const pageSize = typeof knobs.pageSize === 'string' ? Number(knobs.pageSize) : num(knobs.pageSize);
  const cache = bool(knobs.cache, false);
  const open: LmdbOpenOptions = {
    // Raw bytes in and out: no msgpack of values, keys compared as bytes (our big-endian codec).
    keyEncoding: 'binary',
    encoding: 'binary',
    noSync,
    noMetaSync: bool(knobs.noMetaSync, false),
    overlappingSync,
    useWritemap: bool(knobs.useWritemap, false),
    noReadAhead: bool(knobs.noReadAhead, false),
    cache,
    compression: bool(knobs.compression, false),
    commitDelay: num(knobs.commitDelay) ?? 0,
    eventTurnBatching: bool(knobs.eventTurnBatching, true),
    maxReaders: num(knobs.maxReaders) ?? 126,
  };
  if (mapSize !== null) open.mapSize = mapSize;
  if (pageSize !== null) open.pageSize = pageSize;
  return {
    writePath: knobs.writePath === 'sync' ? 'sync' : 'async',
    writeBatchOps: Math.max(1, Math.floor(num(knobs.writeBatchOps) ?? 1)),
    mapSizeLimit: mapSize,
    cache,
    overlappingSync,
    open,
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
