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

/** The data methods a Database (on its default column family) and a NativeColumnFamily (on its own) share. */
interface NativeDataMethods {
  setScratch(scratch: Uint8Array): void;
  get(key: Uint8Array): Buffer | undefined;
  /** The *S calls read the key from the scratch buffer given to setScratch (each Database or family has its own). */
  getS(): Buffer | undefined;
  /** A get of the key in the scratch buffer on the Database's get threads; the result goes to startReads' callback with `id`. */
  getAsyncS(id: number): void;
  /** As getAsyncS, with a key of its own (copied). */
  getAsync(key: Uint8Array, id: number): void;
  /**
   * The slab getSlab copies values into. After a getSlab that returned -2 - n (no room), the new
   * slab gets that value at its start and the call returns n (no second get); else -1.
   */
  setValueSlab(slab: Uint8Array): number;
  /** The hot calls, as plain functions bound to this database or family (keep it referenced while using them). */
  hotPath(): {
    /** Key from the scratch buffer; -1 miss, n = value copied to slab[offset..offset+n), -2-n = does not fit. */
    getSlab(offset: number): number;
    /** Key from the scratch buffer. */
    putS(value: Uint8Array): void;
  };
  put(key: Uint8Array, value: Uint8Array): void;
  del(key: Uint8Array): void;
  delS(): void;
  merge(key: Uint8Array, value: Uint8Array): void;
  mergeS(value: Uint8Array): void;
  multiGet(packedKeys: Uint8Array, keySize: number): (Buffer | undefined)[];
  /** Into the Database's one write batch (a batch spans column families); Database.batchWrite writes it. */
  batchPut(key: Uint8Array, value: Uint8Array): void;
  batchDelete(key: Uint8Array): void;
  batchMerge(key: Uint8Array, value: Uint8Array): void;
  /** Keys in [lower, upper), ascending: [k0, v0, k1, v1, ...]. */
  scan(lower: Uint8Array, upper: Uint8Array, limit: number): Buffer[];
  iterator(lower?: Uint8Array | null, upper?: Uint8Array | null): NativeIterator;
  /** A column family's property (RocksDB's GetProperty on this family; DB-wide ones read the same from any). */
  property(name: string): string | null;
  intProperty(name: string): number | null;
  isClosed(): boolean;
}

/**
 * Flink's TTL compaction filter on a column family (StateTtlConfig.cleanupInRocksdbCompactFilter):
 * an entry whose 8-byte big-endian last-access timestamp plus `ms` is not after the database's
 * TTL time (setTtlTime) is dropped in compaction. `state` says where the timestamp is, as Flink's
 * FlinkCompactionFilter reads it: 'value' (ValueState, Reducing/AggregatingState) the value's first
 * 8 bytes; 'map' (MapState, one entry per map entry) bytes 1..8, after Flink's null flag;
 * 'list' (ListState of fixed-length elements) each element's first 8 bytes, elements
 * `listElementBytes` apart (the element with its one-byte delimiter): expired leading elements are
 * cut, the entry dropped when all are.
 */
export interface NativeTtl {
  ms: number;
  state: 'value' | 'map' | 'list';
  /** 'list' only, and required there: one element's bytes plus its delimiter (>= 9). */
  listElementBytes?: number;
}

/** How a column family is opened: the Database's column family options, with a TTL filter when `ttl`. */
export interface NativeFamilyOptions {
  ttl?: NativeTtl;
}

/** One column family of an open Database (Database.columnFamily): a Flink state's own family. */
export interface NativeColumnFamily extends NativeDataMethods {
  name(): string;
  /** This family alone. */
  flush(): void;
  compactRange(start?: Uint8Array | null, end?: Uint8Array | null): void;
  /** Entries this family's TTL filter dropped and list values it trimmed, in compactions ended since it opened; null: no TTL filter. */
  ttlFilterStats(): { removed: number; trimmed: number } | null;
}

/** A RocksDB instance; its own data methods work on the default column family. */
export interface NativeDatabase extends NativeDataMethods {
  /** User-key comparisons in RocksDB's perf context of this thread; reset = start again from zero. */
  perfComparisons(reset?: boolean): number;
  /**
   * statebench overhead's native baseline (native-loops.cc): the get or put loop in C++, keys
   * encoded as the key codec encodes them, values from the flat pool; returns the bytes read.
   */
  nativeLoop(op: 'get' | 'put', keyIds: Float64Array, nss: Uint32Array, values: Uint8Array, valueSize: number, keySize: number): number;
  batchClear(): void;
  /** Writes the batch every family's batch calls filled, atomically, and clears it. */
  batchWrite(): void;
  /** Every column family. */
  flush(): void;
  /** Every column family, over [start, end] (null: open-ended). */
  compactRange(start?: Uint8Array | null, end?: Uint8Array | null): void;
  /** Hard links of every column family's live files and a MANIFEST: the copy opens with all of them. */
  checkpoint(dir: string, logSizeForFlush?: number): void;
  /** RocksDB's GetAggregatedIntProperty: the property summed over every column family; null when it cannot. RocksDB 7.8 sums DB-wide properties too (the block cache's, running jobs: N families, N times the figure): read those with intProperty. */
  aggregatedIntProperty(name: string): number | null;
  statistics(): string | null;
  liveFiles(): { name: string; columnFamily: string; level: number; bytes: number; entries: number; deletions: number }[];
  /** The block cache and write buffer manager the open DB runs with, read back from RocksDB. */
  memory(): NativeMemory;
  /** The emulated remote store's counters since open (open option `remote`); null: every file local. */
  remoteStats(): NativeRemoteStats | null;
  /** Starts the get threads (once): every getAsyncS of this Database and its families reports to onDone, on the JS thread. */
  startReads(onDone: (id: number, value: Buffer | undefined, error: string | undefined) => void): void;
  /**
   * The column family `name`, created with this Database's column family options (Flink gives
   * every state the same) when the DB lacks it; the same object while it is referenced. A family
   * the DB already holds (reopened, or created before) keeps the TTL filter it was opened with:
   * options asking for another throw; reopen a TTL family by naming it in the open options'
   * `families`. 'default' is the Database's own family (no TTL).
   */
  columnFamily(name: string, options?: NativeFamilyOptions): NativeColumnFamily;
  /** Every column family of the open DB, 'default' first. */
  columnFamilies(): string[];
  /** DB::StartTrace with RocksDB's file trace writer (lsm.traceFile): every query traced to `path` until endTrace. */
  startTrace(path: string): void;
  endTrace(): void;
  /** The time (ms) every TTL filter of this DB compares against; null: the wall clock (the default). */
  setTtlTime(ms: number | null): void;
  close(): void;
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
  /**
   * Column families opened (created when missing) with these options. Every family the directory
   * holds opens anyway (a checkpoint restores them all), without a TTL filter unless named here.
   */
  families?: Record<string, NativeFamilyOptions>;
  /**
   * SST files on an emulated remote store (lsm.remote, remote-fs.h): each read or write request of
   * a file the file cache does not hold waits `latencyMicros` plus its bytes over `bytesPerSecond`
   * (0: no limit) on a link shared by the DB's threads; `fileCacheBytes` of whole files, LRU.
   */
  remote?: { latencyMicros: number; bytesPerSecond: number; fileCacheBytes: number };
}

/** The remote store's counters (Database.remoteStats); wait times summed over the threads that waited. */
export interface NativeRemoteStats {
  readRequests: number;
  readBytes: number;
  writeRequests: number;
  writeBytes: number;
  /** SST read requests the file cache served, and those that went to the store. */
  fileCacheHits: number;
  fileCacheMisses: number;
  readWaitMicros: number;
  writeWaitMicros: number;
  fileCacheUsedBytes: number;
  fileCacheFiles: number;
  fileCacheEvictions: number;
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
  /** A RocksDB query trace read with RocksDB's trace reader into statebench's CSV trace (an empty DB opened in scratchDir for the replayer). */
  convertTrace(scratchDir: string, tracePath: string, csvPath: string): NativeTraceConversion;
}

/** What convertTrace wrote, and what of the trace it could not. */
export interface NativeTraceConversion {
  ops: number;
  /** Range deletes and wide-column puts of write batches: no trace op says what they did. */
  skippedRangeDeletes: number;
  skippedEmptyKeys: number;
  /** Records of a type RocksDB's replayer does not decode. */
  unsupportedRecords: number;
  /** Records whose time was before the previous one's (traced out of order), given the previous time. */
  reordered: number;
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
