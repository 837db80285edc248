// The LMDB backend's knobs. Defaults are lmdb-js's own (null: lmdb-js decides at open), so a
// cell with no --set measures lmdb-js as its users get it. LMDB has no write buffer and no block
// cache: the LSM world's write buffer maps to commit batching (writeBatchOps, commitDelay,
// eventTurnBatching) and its block cache to lmdb-js's object cache and the OS page cache.
// Each record says how lmdb-js gets the knob (an open() option, or what the backend does with it),
// the tuner's range and what the memory budget counts; knob-coverage.test.ts observes each one.
import { knobSpecs } from '../resolve-knobs.js';
import type { KnobRecord, KnobSpec, KnobValue } from '../types.js';

export interface LmdbKnob extends KnobRecord {
  /**
   * How lmdb-js gets it: `open`, the lmdb-js open() option it is passed as (`value` converts it
   * when lmdb-js wants another type); or `usage`, what the backend does with it instead, in
   * words a lmdb-js user can copy (tune prints it as a comment).
   */
  readonly lmdbJs: { readonly open: string; readonly value?: (v: KnobValue) => unknown; readonly usage?: undefined } | { readonly usage: (v: KnobValue) => string; readonly open?: undefined; readonly value?: undefined };
  /** The object cache: the only memory of the process the budget counts for lmdb (the map is the OS page cache's). */
  readonly memory?: 'object-cache';
}

export const LMDB_PAGE_SIZES = ['512', '1024', '2048', '4096', '8192', '16384', '32768', '65536'] as const;

export const LMDB_KNOB_RECORDS: readonly LmdbKnob[] = [
  {
    name: 'writePath',
    type: 'enum',
    allowed: ['sync', 'async'],
    default: 'async',
    help: 'async: put() promises committed in lmdb-js batches (its default), run by the async loop; sync: putSync inside transactionSync, writeBatchOps per transaction',
    lmdbJs: { usage: (v) => (v === 'sync' ? 'writes: db.transactionSync(() => { db.putSync(...) x writeBatchOps })' : 'writes: db.put(...) (async, committed in batches)') },
    tune: { draw: 0, values: ['async', 'sync'] },
  },
  {
    name: 'writeBatchOps',
    type: 'int',
    unit: 'count',
    default: 1,
    min: 1,
    max: 1_000_000,
    help: 'sync path: writes per transaction (1 = one commit per write, as putSync alone); the LSM write buffer maps here: larger batches = fewer commits and fsyncs',
    lmdbJs: { usage: (v) => `${v} writes per transaction` },
    tune: { draw: 1, values: [1, 10, 100, 1000] },
  },
  {
    name: 'maxInFlightWrites',
    type: 'int',
    unit: 'count',
    default: null,
    min: 1,
    max: 1_000_000,
    help: 'async path: writes issued and not yet committed (lmdb-js has no bound; unset = the runner default of 64)',
    // Read by the runner's async loop, which bounds the put() promises it leaves outstanding.
    lmdbJs: { usage: (v) => `at most ${v} un-awaited put() promises outstanding` },
  },
  {
    name: 'commitDelay',
    type: 'duration',
    unit: 'ms',
    default: 0,
    min: 0,
    help: 'async path: wait this long before committing so more writes share a transaction (write-buffer analogue: latency for fewer commits)',
    lmdbJs: { open: 'commitDelay' },
    tune: { draw: 2, values: [0, 1, 5] },
  },
  {
    name: 'eventTurnBatching',
    type: 'bool',
    default: true,
    help: 'async path: batch all writes of one event turn into one transaction; false lets lmdb-js start a commit sooner',
    lmdbJs: { open: 'eventTurnBatching' },
    tune: { draw: 3, values: [true, false] },
  },
  {
    name: 'noSync',
    type: 'bool',
    default: false,
    help: 'skip fsync at commit: much faster writes; a machine crash can lose or corrupt recent commits',
    lmdbJs: { open: 'noSync' },
    tradesDurability: true,
    tune: { draw: 7, values: [false, true] },
  },
  {
    name: 'noMetaSync',
    type: 'bool',
    default: false,
    help: 'skip only the meta-page fsync: a crash can lose the last commit but not corrupt the file',
    lmdbJs: { open: 'noMetaSync' },
    tradesDurability: true,
    tune: { draw: 6, values: [false, true], keepingDurability: [false] },
  },
  {
    name: 'overlappingSync',
    type: 'bool',
    default: null,
    help: 'let the next transaction start while the previous one is flushed to disk (lmdb-js: on unless noSync)',
    lmdbJs: { open: 'overlappingSync' },
    tradesDurability: true,
  },
  {
    name: 'useWritemap',
    type: 'bool',
    default: false,
    help: 'write through the writable memory map instead of write(): fast with noSync, slow with sync on Linux',
    lmdbJs: { open: 'useWritemap' },
    tradesDurability: true,
    tune: { draw: 8, values: [false, true] },
  },
  {
    name: 'noReadAhead',
    type: 'bool',
    default: false,
    help: 'disable OS read-ahead on the map (helps random reads when the data set exceeds RAM)',
    lmdbJs: { open: 'noReadAhead' },
  },
  {
    name: 'cache',
    type: 'bool',
    default: false,
    help: 'lmdb-js object cache of recently read and written values in the JS heap; the block-cache analogue, above the OS page cache that LMDB reads through',
    lmdbJs: { open: 'cache' },
    memory: 'object-cache',
    tune: { draw: 5, values: [false, true] },
  },
  {
    name: 'compression',
    type: 'bool',
    default: false,
    help: 'LZ4-compress values of 1000 bytes or more (lmdb-js default threshold)',
    lmdbJs: { open: 'compression' },
  },
  {
    name: 'mapSize',
    type: 'size',
    unit: 'bytes',
    default: null,
    min: 65_536,
    help: 'maximum size of the environment; writes fail with "map full" beyond it (unset: lmdb-js starts at 128KiB and grows the map as needed)',
    lmdbJs: { open: 'mapSize' },
  },
  {
    name: 'pageSize',
    type: 'enum',
    unit: 'bytes',
    allowed: LMDB_PAGE_SIZES,
    default: null,
    help: 'B+tree page size in bytes, for a new environment only (unset: the OS page size, 4096 here)',
    lmdbJs: { open: 'pageSize', value: Number },
    tune: { draw: 4, values: ['4096', '8192', '16384'] },
  },
  {
    name: 'maxReaders',
    type: 'int',
    unit: 'count',
    default: 126,
    min: 1,
    max: 100_000,
    help: 'slots in the reader lock table (concurrent read transactions)',
    lmdbJs: { open: 'maxReaders' },
  },
];

/** The schema the backend publishes (describe(), `statebench backends`). */
export const LMDB_KNOBS: readonly KnobSpec[] = knobSpecs(LMDB_KNOB_RECORDS);
