// lsm.remote: SST files on an emulated remote store (the addon's remote-fs.cc), with a local file
// cache of whole files. The knobs as the addon takes them, and the store's counters as the cell's
// engine metrics.

import type { EngineSample, ResolvedKnobs } from '../types.js';
import type { NativeDatabase, NativeOpenOptions, NativeRemoteStats } from './native.js';

/** The knobs that configure the store; set away from their default without lsm.remote they change nothing. */
const REMOTE_SETTINGS = ['remoteLatency', 'remoteBandwidth', 'fileCacheSize'] as const;

/** The addon's `remote` open option, or nothing when every file is local. */
export function remoteOpenOptions(knobs: ResolvedKnobs): Pick<NativeOpenOptions, 'remote'> {
  if (knobs.remote !== true) return {};
  const num = (name: (typeof REMOTE_SETTINGS)[number]): number => (typeof knobs[name] === 'number' ? (knobs[name] as number) : 0);
  return { remote: { latencyMicros: num('remoteLatency') * 1000, bytesPerSecond: num('remoteBandwidth'), fileCacheBytes: num('fileCacheSize') } };
}

const ratio = (num: number, den: number): number | null => (den > 0 ? num / den : null);

/**
 * The store's counters since the database opened (load, warm-up and run together; compactions'
 * reads of their input files included), as engine metrics; {} when every file is local.
 */
export function remoteMetrics(db: NativeDatabase): Record<string, number | null> {
  const s: NativeRemoteStats | null = db.remoteStats();
  if (s === null) return {};
  return {
    remoteReadRequests: s.readRequests,
    remoteReadBytes: s.readBytes,
    remoteWriteRequests: s.writeRequests,
    remoteWriteBytes: s.writeBytes,
    remoteReadWaitMs: s.readWaitMicros / 1000,
    remoteWriteWaitMs: s.writeWaitMicros / 1000,
    fileCacheHits: s.fileCacheHits,
    fileCacheMisses: s.fileCacheMisses,
    fileCacheHitRatio: ratio(s.fileCacheHits, s.fileCacheHits + s.fileCacheMisses),
    fileCacheUsedBytes: s.fileCacheUsedBytes,
    fileCacheFiles: s.fileCacheFiles,
    fileCacheEvictions: s.fileCacheEvictions,
  };
}

/** The counters an interval sample carries, cumulative since open: where the store's waits fall in time. */
export function remoteSample(db: NativeDatabase): EngineSample {
  const s = db.remoteStats();
  if (s === null) return {};
  return { remoteReadRequests: s.readRequests, remoteReadWaitMs: s.readWaitMicros / 1000, fileCacheHits: s.fileCacheHits, fileCacheMisses: s.fileCacheMisses };
}
