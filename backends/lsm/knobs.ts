// The LSM backend's knobs. Defaults are RocksDB 7.8's own (checked against the OPTIONS file a
// DB opened with empty options writes), so a knob left at its default changes nothing.
import type { KnobSpec } from '../types.js';

const MiB = 1024 * 1024;

export const COMPRESSIONS = ['none', 'snappy', 'lz4', 'zstd'] as const;
export const PRESETS = ['none', 'flink-default', 'spinning-disk', 'spinning-disk-high-mem', 'flash-ssd'] as const;

/** lsm.perfLevel's values and RocksDB's PerfLevel enum (kDisable = 1 ... kEnableTime = 5). */
export const PERF_LEVELS: Readonly<Record<string, number>> = { disable: 1, count: 2, 'time-except-mutex': 3, time: 5 };

export const LSM_KNOBS: readonly KnobSpec[] = [
  // Memtables (write buffers)
  { name: 'writeBufferSize', type: 'size', unit: 'bytes', default: 64 * MiB, min: 64 * 1024, help: 'size of one memtable; a full memtable becomes immutable and is flushed to an L0 file (write_buffer_size)' },
  { name: 'maxWriteBufferNumber', type: 'int', unit: 'count', default: 2, min: 1, help: 'memtables kept in memory, active plus immutable; writes stall when all are full (max_write_buffer_number)' },
  { name: 'minWriteBufferNumberToMerge', type: 'int', unit: 'count', default: 1, min: 1, help: 'immutable memtables merged into one L0 file per flush (min_write_buffer_number_to_merge)' },
  { name: 'dbWriteBufferSize', type: 'size', unit: 'bytes', default: 0, min: 0, help: 'memtable memory limit across the whole DB, 0 = no limit (db_write_buffer_size)' },
  // Block-based table and block cache
  { name: 'blockCacheSize', type: 'size', unit: 'bytes', default: 8 * MiB, min: 0, help: 'LRU block cache capacity for uncompressed blocks; 0 disables the cache (RocksDB creates 8MiB when unset)' },
  { name: 'blockSize', type: 'size', unit: 'bytes', default: 4096, min: 256, help: 'uncompressed size of a data block in SST files (block_size)' },
  { name: 'cacheIndexAndFilterBlocks', type: 'bool', default: false, help: 'keep index and filter blocks in the block cache (charged to it) instead of table-reader memory' },
  { name: 'pinL0FilterAndIndexBlocksInCache', type: 'bool', default: false, help: 'pin L0 files\' index and filter blocks in the cache (with cacheIndexAndFilterBlocks)' },
  { name: 'bloomBitsPerKey', type: 'float', unit: 'bits', default: 0, min: 0, max: 100, help: 'bloom filter bits per key, 0 = no filter; 10 gives about 1% false positives' },
  // Compaction
  { name: 'compactionStyle', type: 'enum', allowed: ['level', 'universal', 'fifo'], default: 'level', help: 'level: leveled compaction (read and space friendly); universal: tiered (write friendly); fifo: drop oldest files' },
  { name: 'level0FileNumCompactionTrigger', type: 'int', unit: 'count', default: 4, min: 1, help: 'L0 files that trigger an L0 compaction' },
  { name: 'level0SlowdownWritesTrigger', type: 'int', unit: 'count', default: 20, min: 1, help: 'L0 files at which writes are slowed down' },
  { name: 'level0StopWritesTrigger', type: 'int', unit: 'count', default: 36, min: 1, help: 'L0 files at which writes stop until compaction catches up' },
  { name: 'targetFileSizeBase', type: 'size', unit: 'bytes', default: 64 * MiB, min: 64 * 1024, help: 'target SST file size at L1 (target_file_size_base)' },
  { name: 'maxBytesForLevelBase', type: 'size', unit: 'bytes', default: 256 * MiB, min: 1024 * 1024, help: 'target total size of L1; level n+1 is multiplier times level n (max_bytes_for_level_base)' },
  { name: 'maxBytesForLevelMultiplier', type: 'float', unit: 'ratio', default: 10, min: 1, help: 'size ratio between adjacent levels' },
  { name: 'levelCompactionDynamicLevelBytes', type: 'bool', default: false, help: 'size levels from the last level up, which bounds space amplification (level_compaction_dynamic_level_bytes)' },
  { name: 'maxBackgroundJobs', type: 'int', unit: 'count', default: 2, min: 1, help: 'background threads for flushes and compactions together' },
  { name: 'maxSubcompactions', type: 'int', unit: 'count', default: 1, min: 1, help: 'threads one compaction job may split into' },
  { name: 'compression', type: 'enum', allowed: [...COMPRESSIONS], default: 'snappy', help: 'block compression for all levels (bottommost may differ)' },
  { name: 'bottommostCompression', type: 'enum', allowed: [...COMPRESSIONS], default: null, help: 'compression of the last level; unset = same as compression' },
  // Universal compaction sub-options (compaction_options_universal)
  { name: 'universalSizeRatio', type: 'int', unit: 'percent', default: 1, min: 0, help: 'universal: a run joins a merge when the next is at most this % larger than the sum so far' },
  { name: 'universalMinMergeWidth', type: 'int', unit: 'count', default: 2, min: 2, help: 'universal: fewest sorted runs merged in one compaction' },
  { name: 'universalMaxMergeWidth', type: 'int', unit: 'count', default: 4294967295, min: 2, help: 'universal: most sorted runs merged in one compaction' },
  { name: 'universalMaxSizeAmplificationPercent', type: 'int', unit: 'percent', default: 200, min: 0, help: 'universal: space amplification that forces a full compaction' },
  { name: 'universalCompressionSizePercent', type: 'int', unit: 'percent', default: -1, min: -1, max: 100, help: 'universal: compress only the oldest data making up this % of the DB; -1 = compress all' },
  { name: 'universalStopStyle', type: 'enum', allowed: ['total-size', 'similar-size'], default: 'total-size', help: 'universal: how runs are picked for a merge (kCompactionStopStyleTotalSize or SimilarSize)' },
  { name: 'universalAllowTrivialMove', type: 'bool', default: false, help: 'universal: move non-overlapping files instead of rewriting them' },
  // FIFO compaction sub-options (compaction_options_fifo)
  { name: 'fifoMaxTableFilesSize', type: 'size', unit: 'bytes', default: 1024 * MiB, min: 0, help: 'fifo: total SST size beyond which the oldest files are deleted' },
  { name: 'fifoAllowCompaction', type: 'bool', default: false, help: 'fifo: merge small L0 files into larger ones' },
  // Write path and I/O
  { name: 'walEnabled', type: 'bool', default: true, help: 'write-ahead log on; Flink turns it off (it recovers from checkpoints)' },
  { name: 'syncWrites', type: 'bool', default: false, help: 'fsync the WAL on every write' },
  // RocksDB's perf context (thread-local counters and timers on every operation of the calling
  // thread) is on at 'count' by default; db_bench turns it off (--perf_level). It costs ~20 % of
  // an in-memory get (bench/lsm-vs-dbbench.mjs, docs/lsm.md).
  { name: 'perfLevel', type: 'enum', allowed: Object.keys(PERF_LEVELS), default: 'count', help: "RocksDB's perf context on the benchmark thread: disable (db_bench's default), count (RocksDB's default), time-except-mutex, time" },
  { name: 'useDirectReads', type: 'bool', default: false, help: 'O_DIRECT for user reads (bypasses the OS page cache)' },
  { name: 'useDirectIoForFlushAndCompaction', type: 'bool', default: false, help: 'O_DIRECT for flush and compaction I/O' },
  { name: 'maxOpenFiles', type: 'int', unit: 'count', default: -1, min: -1, help: 'table files kept open, -1 = all (no table-cache misses)' },
  // Whole option sets
  { name: 'preset', type: 'enum', allowed: [...PRESETS], default: 'none', help: 'a Flink predefined option set (PredefinedOptions), applied before options and the typed knobs' },
  { name: 'optionsFile', type: 'string', default: null, help: 'a RocksDB OPTIONS file (as RocksDB writes into every DB dir) to start from; everything else overrides it' },
  { name: 'options', type: 'string', default: '', help: 'a raw RocksDB options string (key=value;...), parsed by RocksDB; typed knobs set away from their default override it' },
];

/** Knobs that are not RocksDB options themselves. */
export const META_KNOBS = new Set(['preset', 'optionsFile', 'options', 'walEnabled', 'syncWrites', 'perfLevel']);
