// The LMDB backend's knobs. Defaults are lmdb-js's own (null: lmdb-js decides at open), so a
// cell with no --set measures lmdb-js as its users get it. LMDB has no write buffer and no block
// cache: the LSM world's write buffer maps to commit batching (writeBatchOps, commitDelay,
// eventTurnBatching) and its block cache to lmdb-js's object cache and the OS page cache.
import type { KnobSpec } from '../types.js';

export const LMDB_PAGE_SIZES = ['512', '1024', '2048', '4096', '8192', '16384', '32768', '65536'] as const;

export const LMDB_KNOBS: readonly KnobSpec[] = [
  {
    name: 'writePath',
    type: 'enum',
    allowed: ['sync', 'async'],
    default: 'async',
    help: 'async: put() promises committed in lmdb-js batches (its default), run by the async loop; sync: putSync inside transactionSync, writeBatchOps per transaction',
  },
  {
    name: 'writeBatchOps',
    type: 'int',
    unit: 'count',
    default: 1,
    min: 1,
    max: 1_000_000,
    help: 'sync path: writes per transaction (1 = one commit per write, as putSync alone); the LSM write buffer maps here: larger batches = fewer commits and fsyncs',
  },
  {
    name: 'maxInFlightWrites',
    type: 'int',
    unit: 'count',
    default: null,
    min: 1,
    max: 1_000_000,
    help: 'async path: writes issued and not yet committed (lmdb-js has no bound; unset = the runner default of 64)',
  },
  {
    name: 'commitDelay',
    type: 'duration',
    unit: 'ms',
    default: 0,
    min: 0,
    help: 'async path: wait this long before committing so more writes share a transaction (write-buffer analogue: latency for fewer commits)',
  },
  {
    name: 'eventTurnBatching',
    type: 'bool',
    default: true,
    help: 'async path: batch all writes of one event turn into one transaction; false lets lmdb-js start a commit sooner',
  },
  {
    name: 'noSync',
    type: 'bool',
    default: false,
    help: 'skip fsync at commit: much faster writes; a machine crash can lose or corrupt recent commits',
  },
  {
    name: 'noMetaSync',
    type: 'bool',
    default: false,
    help: 'skip only the meta-page fsync: a crash can lose the last commit but not corrupt the file',
  },
  {
    name: 'overlappingSync',
    type: 'bool',
    default: null,
    help: 'let the next transaction start while the previous one is flushed to disk (lmdb-js: on unless noSync)',
  },
  {
    name: 'useWritemap',
    type: 'bool',
    default: false,
    help: 'write through the writable memory map instead of write(): fast with noSync, slow with sync on Linux',
  },
  {
    name: 'noReadAhead',
    type: 'bool',
    default: false,
    help: 'disable OS read-ahead on the map (helps random reads when the data set exceeds RAM)',
  },
  {
    name: 'cache',
    type: 'bool',
    default: false,
    help: 'lmdb-js object cache of recently read and written values in the JS heap; the block-cache analogue, above the OS page cache that LMDB reads through',
  },
  {
    name: 'compression',
    type: 'bool',
    default: false,
    help: 'LZ4-compress values of 1000 bytes or more (lmdb-js default threshold)',
  },
  {
    name: 'mapSize',
    type: 'size',
    unit: 'bytes',
    default: null,
    min: 65_536,
    help: 'maximum size of the environment; writes fail with "map full" beyond it (unset: lmdb-js starts at 128KiB and grows the map as needed)',
  },
  {
    name: 'pageSize',
    type: 'enum',
    unit: 'bytes',
    allowed: LMDB_PAGE_SIZES,
    default: null,
    help: 'B+tree page size in bytes, for a new environment only (unset: the OS page size, 4096 here)',
  },
  {
    name: 'maxReaders',
    type: 'int',
    unit: 'count',
    default: 126,
    min: 1,
    max: 100_000,
    help: 'slots in the reader lock table (concurrent read transactions)',
  },
];
