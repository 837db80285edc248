// Loads the RocksDB addon built by scripts/build-native.mjs. Loading never throws: when the
// addon is missing the reason is kept, and the backend describes itself as unavailable.

import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface NativeIterator {
  seek(key: Uint8Array): boolean;
  seekForPrev(key: Uint8Array): boolean;
  seekToFirst(): boolean;
  seekToLast(): boolean;
  next(): boolean;
  prev(): boolean;
  valid(): boolean;
  key(): Buffer | undefined;
  value(): Buffer | undefined;
  close(): void;
}

export interface NativeDatabase {
  setScratch(scratch: Uint8Array): void;
  get(key: Uint8Array): Buffer | undefined;
  /** The *S calls read the key from the scratch buffer given to setScratch. */
  getS(): Buffer | undefined;
  setValueSlab(slab: Uint8Array): void;
  /** User-key comparisons in RocksDB's perf context of this thread; reset = start again from zero. */
  perfComparisons(reset?: boolean): number;
  /** The hot calls, as plain functions bound to this database (keep the database referenced while using them). */
  hotPath(): {
    /** Key from the scratch buffer; -1 miss, n = value copied to slab[offset..offset+n), -2-n = does not fit. */
    getSlab(offset: number): number;
    /** Key from the scratch buffer. */
    putS(value: Uint8Array): void;
  };
  /**
   * statebench overhead's native baseline (native-loops.cc): the get or put loop in C++, keys
   * encoded as the key codec encodes them, values from the flat pool; returns the bytes read.
   */
  nativeLoop(op: 'get' | 'put', keyIds: Float64Array, nss: Uint32Array, values: Uint8Array, valueSize: number, keySize: number): number;
  put(key: Uint8Array, value: Uint8Array): void;
  del(key: Uint8Array): void;
  delS(): void;
  merge(key: Uint8Array, value: Uint8Array): void;
  mergeS(value: Uint8Array): void;
  multiGet(packedKeys: Uint8Array, keySize: number): (Buffer | undefined)[];
  batchPut(key: Uint8Array, value: Uint8Array): void;
  batchDelete(key: Uint8Array): void;
  batchMerge(key: Uint8Array, value: Uint8Array): void;
  batchClear(): void;
  batchWrite(): void;
  /** Keys in [lower, upper), ascending: [k0, v0, k1, v1, ...]. */
  scan(lower: Uint8Array, upper: Uint8Array, limit: number): Buffer[];
  iterator(lower?: Uint8Array | null, upper?: Uint8Array | null): NativeIterator;
  flush(): void;
  compactRange(start?: Uint8Array | null, end?: Uint8Array | null): void;
  checkpoint(dir: string, logSizeForFlush?: number): void;
  property(name: string): string | null;
  intProperty(name: string): number | null;
  statistics(): string | null;
  liveFiles(): { name: string; level: number; bytes: number; entries: number; deletions: number }[];
  /** The block cache and write buffer manager the open DB runs with, read back from RocksDB. */
  memory(): NativeMemory;
  close(): void;
  isClosed(): boolean;
}

/** The third argument of new Database(path, options, open). */
export interface NativeOpenOptions {
  disableWAL?: boolean;
  sync?: boolean;
  perfLevel?: number;
  /**
   * The block cache is the process's shared one under `key` (created on first use, destroyed when
   * its last instance closes), of `capacity` bytes, which must be the block cache the options
   * string resolves to (checked). Instances of every worker thread of the process share it.
   */
  sharedCache?: { key: string; capacity: number; highPriPoolRatio?: number; writeBufferBytes?: number };
  /**
   * RocksDB's memory bounded as Flink bounds it (lsm.boundedMemory): an LRU cache of
   * `cacheCapacity` bytes with a high-priority pool of `highPriPoolRatio` replaces the options
   * string's block cache, and a write buffer manager of `writeBufferBytes` (0: none) is charged to
   * it when `chargeToCache`. With a `key`, the process's shared ones under that key (as sharedCache).
   */
  memory?: { key?: string; cacheCapacity: number; highPriPoolRatio: number; writeBufferBytes: number; chargeToCache: boolean };
}

/** What RocksDB reports of an open DB's memory (Database.memory()). */
export interface NativeMemory {
  /** Cache::GetCapacity, GetUsage, GetPinnedUsage, the high_pri_pool_ratio of GetPrintableOptions; null: no block cache. */
  blockCache: { capacity: number; usage: number; pinnedUsage: number; highPriPoolRatio: number; shared: boolean } | null;
  /** WriteBufferManager::buffer_size (0: no limit), memory_usage, cost_to_cache; null: none. */
  writeBufferManager: { bufferSize: number; memoryUsage: number; costToCache: boolean; shared: boolean } | null;
}

/** One block cache shared in this process (NativeAddon.sharedCaches). */
export interface NativeSharedCache {
  key: string;
  capacity: number;
  usage: number;
  pinnedUsage: number;
  /** Open instances holding it. */
  references: number;
  /** The write buffer manager shared with it (0: none), and its memory_usage. */
  writeBufferManagerBytes: number;
  writeBufferManagerUsage: number;
}

export interface NativeAddon {
  Database: new (path: string, options: string, open?: NativeOpenOptions) => NativeDatabase;
  /** The block caches instances of this process share, whichever thread opened them. */
  sharedCaches(): NativeSharedCache[];
  rocksdbVersion: string;
  /** RocksDB's options-string parser alone (no database opened): null when it accepts the string, else its message. */
  parseOptions(options: string): string | null;
  /** RocksDB's OPTIONS-file parser on the newest OPTIONS-NNNNNN file in dir (no database opened): null or its message. */
  loadOptionsDir(dir: string): string | null;
}

export type NativeLoad = { ok: true; addon: NativeAddon } | { ok: false; reason: string };

const ADDON = join('build', 'Release', 'statebench_rocksdb.node');

/** The package's backends/lsm/native directory, from source (backends/lsm) or from dist/backends/lsm. */
export function nativeDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [join(here, 'native'), resolve(here, '..', '..', '..', 'backends', 'lsm', 'native')];
  return candidates.find((d) => existsSync(join(d, 'binding.gyp'))) ?? (candidates[0] as string);
}

let cached: NativeLoad | undefined;

export function loadNative(): NativeLoad {
  if (cached) return cached;
  const dir = nativeDir();
  const file = join(dir, ADDON);
  if (!existsSync(file)) {
    cached = { ok: false, reason: `the RocksDB addon is not built (${file} missing): ${buildStatusReason(dir)}` };
    return cached;
  }
  try {
    const addon = createRequire(import.meta.url)(file) as NativeAddon;
    cached = { ok: true, addon };
  } catch (e) {
    cached = { ok: false, reason: `the RocksDB addon failed to load: ${(e as Error).message.split('\n')[0]}` };
  }
  return cached;
}

// scripts/build-native.mjs leaves build-status.json saying why it could not build.
function buildStatusReason(dir: string): string {
  try {
    const status = JSON.parse(readFileSync(join(dir, 'build-status.json'), 'utf8')) as { reason?: string };
    if (status.reason) return status.reason;
  } catch {
    /* no status file: the build never ran */
  }
  return 'run `npm run build:native`';
}
