// The LSM backend's knobs, each with where it goes in RocksDB, the Flink key that sets it, the
// tuner's range and what the memory budget counts it as (knob-record.ts says what each field
// means). Defaults are RocksDB 7.8's own (checked against the OPTIONS file a DB opened with empty
// options writes), so a knob left at its default changes nothing. knob-coverage.test.ts opens
// RocksDB with every knob set away from its default and finds the value in what RocksDB reports.
import { knobDefault, knobSpecs } from '../resolve-knobs.js';
import type { KnobSpec } from '../types.js';
import { COMPRESSIONS, compressionByKnob } from './compression.js';
import { cfGroupOption, cfOption, dbOption, enumText, type LsmKnob, type RocksDbOption, TABLE_GROUP, tableOption } from './knob-record.js';
import { PRESET_OPTIONS } from './presets.js';

const MiB = 1024 * 1024;

export const PRESETS: readonly string[] = Object.keys(PRESET_OPTIONS);

/** lsm.perfLevel's values and RocksDB's PerfLevel enum (kDisable = 1 ... kEnableTime = 5). */
export const PERF_LEVELS: Readonly<Record<string, number>> = { disable: 1, count: 2, 'time-except-mutex': 3, time: 5 };

const COMPACTION_STYLES = { level: 'kCompactionStyleLevel', universal: 'kCompactionStyleUniversal', fifo: 'kCompactionStyleFIFO' };
const STOP_STYLES = { 'total-size': 'kCompactionStopStyleTotalSize', 'similar-size': 'kCompactionStopStyleSimilarSize' };
const compressionText = enumText(Object.fromEntries(COMPRESSIONS.map((c) => [c, compressionByKnob(c)?.rocksdb ?? c])));
const universal = (name: string, format?: RocksDbOption['format']) => cfGroupOption('compaction_options_universal', name, format);
const fifo = (name: string) => cfGroupOption('compaction_options_fifo', name);

export const LSM_KNOB_RECORDS: readonly LsmKnob[] = [
  // Memtables (write buffers)
  {
    name: 'writeBufferSize', type: 'size', unit: 'bytes', default: 64 * MiB, min: 64 * 1024, help: 'size of one memtable; a full memtable becomes immutable and is flushed to an L0 file (write_buffer_size)',
    rocksdb: cfOption('write_buffer_size'), flink: { key: 'writebuffer.size', value: 'size' }, memory: 'write-buffer',
    tune: { draw: 0, values: [8 * MiB, 16 * MiB, 32 * MiB, 64 * MiB, 128 * MiB] },
  },
  {
    name: 'maxWriteBufferNumber', type: 'int', unit: 'count', default: 2, min: 1, help: 'memtables kept in memory, active plus immutable; writes stall when all are full (max_write_buffer_number)',
    rocksdb: cfOption('max_write_buffer_number'), flink: { key: 'writebuffer.count', value: 'int' }, memory: 'write-buffer-count',
    tune: { draw: 1, values: [2, 3, 4] },
  },
  {
    name: 'minWriteBufferNumberToMerge', type: 'int', unit: 'count', default: 1, min: 1, help: 'immutable memtables merged into one L0 file per flush (min_write_buffer_number_to_merge)',
    rocksdb: cfOption('min_write_buffer_number_to_merge'), flink: { key: 'writebuffer.number-to-merge', value: 'int' },
    tune: { draw: 2, values: [1, 2] },
  },
  {
    name: 'dbWriteBufferSize', type: 'size', unit: 'bytes', default: 0, min: 0, help: 'memtable memory limit across the whole DB, 0 = no limit (db_write_buffer_size)',
    rocksdb: dbOption('db_write_buffer_size'), memory: 'write-buffer-limit',
  },
  // Block-based table and block cache
  {
    name: 'blockCacheSize', type: 'size', unit: 'bytes', default: 8 * MiB, min: 0, help: 'LRU block cache capacity for uncompressed blocks; 0 disables the cache (RocksDB creates 8MiB when unset)',
    // A nested group, so that a cache configured in a layer below (its high-priority pool
    // ratio) keeps its other settings and only the capacity changes.
    rocksdb: { section: 'table', path: [TABLE_GROUP, 'block_cache', 'capacity'], zeroPath: [TABLE_GROUP, 'no_block_cache'], property: 'rocksdb.block-cache-capacity' },
    flink: { key: 'block.cache-size', value: 'size' }, memory: 'block-cache',
    tune: { draw: 3, values: [8 * MiB, 32 * MiB, 64 * MiB, 128 * MiB, 192 * MiB, 256 * MiB], bounded: [] },
  },
  // --threads N: the slots' instances share one cache of blockCacheSize (Flink's
  // memory.fixed-per-tm) instead of one each (per-slot memory); build-options.ts, docs/lsm.md.
  {
    name: 'sharedBlockCache', type: 'bool', default: false, help: 'with --threads N > 1: every slot\'s instance uses one LRU block cache (as Flink\'s memory.fixed-per-tm), with boundedMemory one cache and one write buffer manager of the bound; without it dbWriteBufferSize is divided among the slots; false: each slot has its own (per-slot memory)',
    applied: 'slot-sharing',
    flinkNote: 'shared block cache: Flink shares one cache among a TaskManager\'s slots with state.backend.rocksdb.memory.fixed-per-tm (and memory.managed: false)',
  },
  // RocksDB's memory bounded as Flink bounds it (managed memory, memory.fixed-per-slot,
  // memory.fixed-per-tm): build-options.ts (MemoryBound), docs/lsm.md "Bounded memory". The
  // ratios' defaults are Flink's; they change nothing while boundedMemory is 0.
  {
    name: 'boundedMemory', type: 'size', unit: 'bytes', default: 0, min: 0,
    help: 'bound RocksDB\'s memory to M bytes per slot as Flink does (managed memory, memory.fixed-per-slot): one LRU cache of (3 - r) x M / 3 bytes with a high-priority pool for index and filter blocks, and a write buffer manager of 2 x M x r / 3 bytes charged to it (r = writeBufferRatio); with sharedBlockCache and --threads N, M for all the slots (memory.fixed-per-tm); 0 = not bounded (blockCacheSize and dbWriteBufferSize apply)',
    applied: 'memory-bound', flink: { key: 'memory.fixed-per-slot', value: 'memory' },
  },
  {
    name: 'writeBufferRatio', type: 'float', unit: 'ratio', default: 0.5, min: 0, max: 1,
    help: 'with boundedMemory: the share of M for write buffers (Flink\'s memory.write-buffer-ratio), between 0 and 1 exclusive',
    applied: 'memory-bound', flink: { key: 'memory.write-buffer-ratio', value: 'memory' },
    // Searched only under a bound (it changes nothing without one); with high-prio-pool-ratio at most 1.
    tune: { draw: 13, values: [], bounded: [0.25, 0.5, 0.75] },
  },
  {
    name: 'highPriPoolRatio', type: 'float', unit: 'ratio', default: 0.1, min: 0, max: 1,
    help: 'with boundedMemory: the cache\'s high-priority pool, where index and filter blocks live (Flink\'s memory.high-prio-pool-ratio), between 0 and 1 exclusive',
    applied: 'memory-bound', flink: { key: 'memory.high-prio-pool-ratio', value: 'memory' },
    tune: { draw: 14, values: [], bounded: [0.05, 0.1, 0.2, 0.25] },
  },
  {
    name: 'partitionedIndexFilters', type: 'bool', default: false,
    help: 'with boundedMemory: partitioned index and filters (two-level index search, partitioned full filters, the top level pinned), as Flink\'s memory.partitioned-index-filters sets them',
    applied: 'memory-bound', flink: { key: 'memory.partitioned-index-filters', value: 'memory' },
    tune: { draw: 15, values: [], bounded: [false, true] },
  },
  {
    name: 'blockSize', type: 'size', unit: 'bytes', default: 4096, min: 256, help: 'uncompressed size of a data block in SST files (block_size)',
    rocksdb: tableOption('block_size'), flink: { key: 'block.blocksize', value: 'size' },
    tune: { draw: 4, values: [4096, 8192, 16384, 32768] },
  },
  {
    name: 'cacheIndexAndFilterBlocks', type: 'bool', default: false, help: 'keep index and filter blocks in the block cache (charged to it) instead of table-reader memory',
    rocksdb: tableOption('cache_index_and_filter_blocks'),
    // Under Flink's bound they are always cached, with high priority.
    tune: { draw: 11, values: [false, true], bounded: [] },
  },
  {
    name: 'pinL0FilterAndIndexBlocksInCache', type: 'bool', default: false, help: 'pin L0 files\' index and filter blocks in the cache (with cacheIndexAndFilterBlocks)',
    rocksdb: tableOption('pin_l0_filter_and_index_blocks_in_cache'),
  },
  {
    name: 'bloomBitsPerKey', type: 'float', unit: 'bits', default: 0, min: 0, max: 100, help: 'bloom filter bits per key, 0 = no filter; 10 gives about 1% false positives',
    rocksdb: tableOption('filter_policy', (v) => (Number(v) > 0 ? `bloomfilter:${Number(v)}:false` : 'nullptr')),
    flink: { key: 'bloom-filter.bits-per-key', value: 'bloom', enabledBy: 'use-bloom-filter', flinkDefault: '10' },
    tune: { draw: 5, values: [0, 10] },
  },
  // Compaction
  {
    name: 'compactionStyle', type: 'enum', allowed: Object.keys(COMPACTION_STYLES), default: 'level', help: 'level: leveled compaction (read and space friendly); universal: tiered (write friendly); fifo: drop oldest files',
    rocksdb: cfOption('compaction_style', enumText(COMPACTION_STYLES)), flink: { key: 'compaction.style', value: 'enum' },
    tune: { draw: 7, values: ['level', 'universal'] },
  },
  {
    name: 'level0FileNumCompactionTrigger', type: 'int', unit: 'count', default: 4, min: 1, help: 'L0 files that trigger an L0 compaction',
    rocksdb: cfOption('level0_file_num_compaction_trigger'),
    tune: { draw: 8, values: [2, 4, 8] },
  },
  {
    name: 'level0SlowdownWritesTrigger', type: 'int', unit: 'count', default: 20, min: 1, help: 'L0 files at which writes are slowed down',
    rocksdb: cfOption('level0_slowdown_writes_trigger'),
    tune: { draw: 9, values: [20, 40] },
  },
  {
    name: 'level0StopWritesTrigger', type: 'int', unit: 'count', default: 36, min: 1, help: 'L0 files at which writes stop until compaction catches up',
    rocksdb: cfOption('level0_stop_writes_trigger'),
  },
  {
    name: 'targetFileSizeBase', type: 'size', unit: 'bytes', default: 64 * MiB, min: 64 * 1024, help: 'target SST file size at L1 (target_file_size_base)',
    rocksdb: cfOption('target_file_size_base'), flink: { key: 'compaction.level.target-file-size-base', value: 'size' },
  },
  {
    name: 'maxBytesForLevelBase', type: 'size', unit: 'bytes', default: 256 * MiB, min: 1024 * 1024, help: 'target total size of L1; level n+1 is multiplier times level n (max_bytes_for_level_base)',
    rocksdb: cfOption('max_bytes_for_level_base'), flink: { key: 'compaction.level.max-size-level-base', value: 'size' },
  },
  {
    name: 'maxBytesForLevelMultiplier', type: 'float', unit: 'ratio', default: 10, min: 1, help: 'size ratio between adjacent levels',
    rocksdb: cfOption('max_bytes_for_level_multiplier'),
  },
  {
    name: 'levelCompactionDynamicLevelBytes', type: 'bool', default: false, help: 'size levels from the last level up, which bounds space amplification (level_compaction_dynamic_level_bytes)',
    rocksdb: cfOption('level_compaction_dynamic_level_bytes'), flink: { key: 'compaction.level.use-dynamic-size', value: 'bool' },
  },
  {
    name: 'maxBackgroundJobs', type: 'int', unit: 'count', default: 2, min: 1, help: 'background threads for flushes and compactions together',
    rocksdb: dbOption('max_background_jobs'), flink: { key: 'thread.num', value: 'int' },
    tune: { draw: 10, values: [2, 4] },
  },
  {
    name: 'maxSubcompactions', type: 'int', unit: 'count', default: 1, min: 1, help: 'threads one compaction job may split into',
    rocksdb: dbOption('max_subcompactions'),
  },
  {
    name: 'compression', type: 'enum', allowed: [...COMPRESSIONS], default: 'snappy', help: 'block compression for all levels (bottommost may differ)',
    rocksdb: cfOption('compression', compressionText), flink: { key: 'compression.per.level', value: 'compression' },
    tune: { draw: 6, values: ['snappy', 'lz4', 'none'] },
  },
  {
    name: 'bottommostCompression', type: 'enum', allowed: [...COMPRESSIONS], default: null, help: 'compression of the last level; unset = same as compression',
    rocksdb: cfOption('bottommost_compression', compressionText),
  },
  // Unset, RocksDB 7.8 decides (its default UINT64_MAX - 1, sanitized when a family opens): 30 days
  // under universal or FIFO compaction or on a family with a compaction filter (a TTL state's,
  // which is Flink's default of 30 days for them), else 0; the OPTIONS file shows the result.
  {
    name: 'periodicCompactionSeconds', type: 'int', unit: 'seconds', default: null, min: 0,
    help: 'files older than this are compacted again into their own level, so that a compaction filter (Flink\'s TTL cleanup) sees entries no other compaction reaches; 0 = off; unset = RocksDB\'s choice: 30 days on a family with a TTL filter and under universal or fifo compaction, else off (periodic_compaction_seconds, every column family)',
    rocksdb: cfOption('periodic_compaction_seconds'), flink: { key: 'compaction.filter.periodic-compaction-time', value: 'duration' },
  },
  // Universal compaction sub-options (compaction_options_universal)
  {
    name: 'universalSizeRatio', type: 'int', unit: 'percent', default: 1, min: 0, help: 'universal: a run joins a merge when the next is at most this % larger than the sum so far',
    rocksdb: universal('size_ratio'),
  },
  {
    name: 'universalMinMergeWidth', type: 'int', unit: 'count', default: 2, min: 2, help: 'universal: fewest sorted runs merged in one compaction',
    rocksdb: universal('min_merge_width'),
  },
  {
    name: 'universalMaxMergeWidth', type: 'int', unit: 'count', default: 4294967295, min: 2, help: 'universal: most sorted runs merged in one compaction',
    rocksdb: universal('max_merge_width'),
  },
  {
    name: 'universalMaxSizeAmplificationPercent', type: 'int', unit: 'percent', default: 200, min: 0, help: 'universal: space amplification that forces a full compaction',
    rocksdb: universal('max_size_amplification_percent'),
  },
  {
    name: 'universalCompressionSizePercent', type: 'int', unit: 'percent', default: -1, min: -1, max: 100, help: 'universal: compress only the oldest data making up this % of the DB; -1 = compress all',
    rocksdb: universal('compression_size_percent'),
  },
  {
    name: 'universalStopStyle', type: 'enum', allowed: Object.keys(STOP_STYLES), default: 'total-size', help: 'universal: how runs are picked for a merge (kCompactionStopStyleTotalSize or SimilarSize)',
    rocksdb: universal('stop_style', enumText(STOP_STYLES)),
  },
  {
    name: 'universalAllowTrivialMove', type: 'bool', default: false, help: 'universal: move non-overlapping files instead of rewriting them',
    rocksdb: universal('allow_trivial_move'),
  },
  // FIFO compaction sub-options (compaction_options_fifo)
  {
    name: 'fifoMaxTableFilesSize', type: 'size', unit: 'bytes', default: 1024 * MiB, min: 0, help: 'fifo: total SST size beyond which the oldest files are deleted',
    rocksdb: fifo('max_table_files_size'),
  },
  {
    name: 'fifoAllowCompaction', type: 'bool', default: false, help: 'fifo: merge small L0 files into larger ones',
    rocksdb: fifo('allow_compaction'),
  },
  // Write path and I/O
  {
    name: 'walEnabled', type: 'bool', default: true, help: 'write-ahead log on; Flink turns it off (it recovers from checkpoints)',
    applied: 'write-option', tradesDurability: true, flinkNote: 'WAL: Flink never writes one (its RocksDB backend disables it)',
    tune: { draw: 12, values: [true, false] },
  },
  { name: 'syncWrites', type: 'bool', default: false, help: 'fsync the WAL on every write', applied: 'write-option', tradesDurability: true },
  // RocksDB's perf context (thread-local counters and timers on every operation of the calling
  // thread) is on at 'count' by default; db_bench turns it off (--perf_level). It costs ~20 % of
  // an in-memory get (bench/lsm-vs-dbbench.mjs, docs/lsm.md).
  {
    name: 'perfLevel', type: 'enum', allowed: Object.keys(PERF_LEVELS), default: 'count', help: "RocksDB's perf context on the benchmark thread: disable (db_bench's default), count (RocksDB's default), time-except-mutex, time",
    applied: 'perf-level',
  },
  {
    name: 'useDirectReads', type: 'bool', default: false, help: 'O_DIRECT for user reads (bypasses the OS page cache)',
    rocksdb: dbOption('use_direct_reads'),
  },
  {
    name: 'useDirectIoForFlushAndCompaction', type: 'bool', default: false, help: 'O_DIRECT for flush and compaction I/O',
    rocksdb: dbOption('use_direct_io_for_flush_and_compaction'),
  },
  {
    name: 'maxOpenFiles', type: 'int', unit: 'count', default: -1, min: -1, help: 'table files kept open, -1 = all (no table-cache misses)',
    rocksdb: dbOption('max_open_files'), flink: { key: 'files.open', value: 'int' },
  },
  // RocksDB's own query trace of the cell (DB::StartTrace after open, EndTrace before close), which
  // db_bench --benchmarks=replay replays and statebench reads back (docs/traces.md).
  { name: 'traceFile', type: 'string', default: null, help: "write RocksDB's query trace of the cell to this file (DB::StartTrace / EndTrace; with --threads N, one file per slot, .slotI appended); db_bench --benchmarks=replay --trace_file replays it", applied: 'trace' },
  // Remote SST storage, emulated (docs/remote-state.md): the addon's FileSystem wrapper
  // (native/src/remote-fs.h) and its file cache; and reads kept in flight to hide its latency.
  {
    name: 'remote', type: 'bool', default: false,
    help: 'SST files on an emulated remote store, as Flink 2.x\'s ForSt keeps them on a DFS: each read or write request of a file the file cache does not hold waits remoteLatency plus its bytes over remoteBandwidth; WAL, MANIFEST and OPTIONS stay local',
    applied: 'remote-storage', flinkNote: 'remote SST files: Flink 2.x keeps them with the ForSt backend (state.backend.type: forst), which has its own state.backend.forst.* keys',
  },
  { name: 'remoteLatency', type: 'duration', unit: 'ms', default: 2, min: 0, max: 10_000, help: 'with remote: the wait of one request to the store (2ms, 0.5ms)', applied: 'remote-storage' },
  {
    name: 'remoteBandwidth', type: 'size', unit: 'bytes/s', default: 200 * MiB, min: 0,
    help: 'with remote: the store link\'s bandwidth (200MiB/s), shared by every request of the DB, first come first served; 0 = no limit', applied: 'remote-storage',
  },
  {
    name: 'fileCacheSize', type: 'size', unit: 'bytes', default: 0, min: 0,
    help: 'with remote: a local cache of whole SST files, LRU by bytes (as ForSt\'s file cache), filled as flushes and compactions write them; a read of a file it holds waits for nothing; 0 = no cache', applied: 'remote-storage',
  },
  {
    name: 'asyncReads', type: 'int', unit: 'count', default: 0, min: 0, max: 1024,
    help: 'reads in flight: gets run on the addon\'s threads and the runner keeps up to this many outstanding (--max-in-flight overrides the bound), as Flink 2.x\'s async state API does; 0 = each get synchronous on the JS thread',
    applied: 'async-reads',
  },
  // Whole option sets
  { name: 'preset', type: 'enum', allowed: [...PRESETS], default: 'none', help: 'a Flink predefined option set (PredefinedOptions), applied before options and the typed knobs', applied: 'option-layer' },
  { name: 'optionsFile', type: 'string', default: null, help: 'a RocksDB OPTIONS file (as RocksDB writes into every DB dir) to start from; everything else overrides it', applied: 'option-layer' },
  { name: 'options', type: 'string', default: '', help: 'a raw RocksDB options string (key=value;...), parsed by RocksDB; typed knobs set away from their default override it', applied: 'option-layer' },
];

/** The schema the backend publishes (describe(), `statebench backends`). */
export const LSM_KNOBS: readonly KnobSpec[] = knobSpecs(LSM_KNOB_RECORDS);

export function lsmKnob(name: string): LsmKnob {
  const k = LSM_KNOB_RECORDS.find((r) => r.name === name);
  if (!k) throw new Error(`no lsm knob '${name}'`);
  return k;
}

/** RocksDB's default of a numeric lsm knob, from its record. */
export function lsmDefault(name: string): number {
  const v = knobDefault(LSM_KNOB_RECORDS, name);
  if (typeof v !== 'number') throw new Error(`lsm.${name} has no numeric default`);
  return v;
}
