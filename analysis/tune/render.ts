// The winning configuration in the forms a user pastes: a RocksDB options string (for
// GetOptionsFromString / the `options` knob), an OPTIONS-file fragment, Flink
// state.backend.rocksdb.* keys, or lmdb-js open() options.

import type { KnobValue } from '../../backends/types.js';
import { typedKnobsLayer } from '../../backends/lsm/build-options.js';
import { LSM_KNOBS } from '../../backends/lsm/knobs.js';
import { serializeOptions, type OptionsMap } from '../../backends/lsm/options-string.js';

type Knobs = Readonly<Record<string, KnobValue>>;

function resolvedLsm(changes: Knobs): Record<string, KnobValue | null> {
  const out: Record<string, KnobValue | null> = {};
  for (const k of LSM_KNOBS) out[k.name] = k.default;
  return { ...out, ...changes };
}

export function rocksdbOptionsString(changes: Knobs): string {
  return serializeOptions(typedKnobsLayer(resolvedLsm(changes)));
}

const DB_OPTIONS = new Set(['max_background_jobs', 'max_subcompactions', 'max_open_files', 'db_write_buffer_size', 'use_direct_reads', 'use_direct_io_for_flush_and_compaction']);

export function rocksdbOptionsFile(changes: Knobs): string {
  const map = typedKnobsLayer(resolvedLsm(changes));
  const db: string[] = [];
  const cf: string[] = [];
  const table: string[] = [];
  const notes: string[] = [];
  for (const [k, v] of Object.entries(map)) {
    if (k === 'block_based_table_factory' && typeof v !== 'string') {
      for (const [tk, tv] of Object.entries(v)) {
        if (tk === 'block_cache' && typeof tv !== 'string') notes.push(`# block cache capacity ${(tv as OptionsMap).capacity}: OPTIONS files do not carry it; create the cache in code (NewLRUCache) or pass block_based_table_factory={block_cache=...} as an options string`);
        else table.push(`  ${tk}=${typeof tv === 'string' ? tv : `{${serializeOptions(tv)}}`}`);
      }
    } else if (typeof v !== 'string') {
      cf.push(`  ${k}={${serializeOptions(v)}}`);
    } else (DB_OPTIONS.has(k) ? db : cf).push(`  ${k}=${v}`);
  }
  const wal = changes.walEnabled === false ? ['# WAL off: WriteOptions.disableWAL = true (a write option, not in OPTIONS files)'] : [];
  return [
    ...notes,
    ...wal,
    '[DBOptions]',
    ...db,
    '',
    '[CFOptions "default"]',
    ...cf,
    '',
    '[TableOptions/BlockBasedTable "default"]',
    ...table,
  ].join('\n');
}

const FLINK = 'state.backend.rocksdb.';

function flinkSize(bytes: number): string {
  if (bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)}mb`;
  if (bytes % 1024 === 0) return `${bytes / 1024}kb`;
  return `${bytes}b`;
}

const FLINK_COMPRESSION: Record<string, string> = { none: 'NO_COMPRESSION', snappy: 'SNAPPY_COMPRESSION', lz4: 'LZ4_COMPRESSION', zstd: 'ZSTD_COMPRESSION' };

/** Flink configuration keys (REFERENCE.md's list); knobs Flink has no key for are listed for a RocksDBOptionsFactory. */
export function flinkKeys(changes: Knobs): string {
  const lines: string[] = [];
  const factory: string[] = [];
  const sizes = new Set(['writeBufferSize', 'blockCacheSize', 'blockSize', 'targetFileSizeBase', 'maxBytesForLevelBase']);
  const keys: Record<string, string> = {
    writeBufferSize: 'writebuffer.size',
    maxWriteBufferNumber: 'writebuffer.count',
    minWriteBufferNumberToMerge: 'writebuffer.number-to-merge',
    blockSize: 'block.blocksize',
    blockCacheSize: 'block.cache-size',
    levelCompactionDynamicLevelBytes: 'compaction.level.use-dynamic-size',
    targetFileSizeBase: 'compaction.level.target-file-size-base',
    maxBytesForLevelBase: 'compaction.level.max-size-level-base',
    maxBackgroundJobs: 'thread.num',
    maxOpenFiles: 'files.open',
  };
  for (const [knob, value] of Object.entries(changes)) {
    const key = keys[knob];
    if (key) lines.push(`${FLINK}${key}: ${sizes.has(knob) ? flinkSize(Number(value)) : String(value)}`);
    else if (knob === 'compactionStyle') lines.push(`${FLINK}compaction.style: ${String(value).toUpperCase()}`);
    else if (knob === 'bloomBitsPerKey') {
      if (Number(value) > 0) lines.push(`${FLINK}use-bloom-filter: true`, `${FLINK}bloom-filter.bits-per-key: ${value}`);
    } else if (knob === 'compression') lines.push(`${FLINK}compression.per.level: ${FLINK_COMPRESSION[String(value)] ?? value}`);
    else if (knob === 'walEnabled') factory.push('# WAL: Flink never writes one (its RocksDB backend disables it)');
    else factory.push(`#   ${knob}=${value}`);
  }
  if (changes.writeBufferSize !== undefined || changes.blockCacheSize !== undefined) {
    lines.push(`${FLINK}memory.managed: false   # else the slot's managed memory sizes the cache and write buffers, not the keys above`);
  }
  if (factory.some((l) => l.startsWith('#   '))) factory.unshift('# no Flink key; set through a RocksDBOptionsFactory (ColumnFamilyOptions / DBOptions):');
  return [...lines, ...factory].join('\n');
}

const LMDB_OPEN = new Set(['noSync', 'noMetaSync', 'useWritemap', 'pageSize', 'mapSize', 'cache', 'compression', 'commitDelay', 'eventTurnBatching', 'overlappingSync', 'maxReaders', 'noReadAhead']);

export function lmdbOptions(changes: Knobs): string {
  const open: string[] = [];
  const usage: string[] = [];
  for (const [k, v] of Object.entries(changes)) {
    if (LMDB_OPEN.has(k)) open.push(`  ${k}: ${k === 'pageSize' ? Number(v) : JSON.stringify(v)},`);
    else if (k === 'writePath') usage.push(v === 'sync' ? '// writes: db.transactionSync(() => { db.putSync(...) x writeBatchOps })' : '// writes: db.put(...) (async, committed in batches)');
    else if (k === 'writeBatchOps') usage.push(`// ${v} writes per transaction`);
    else if (k === 'maxInFlightWrites') usage.push(`// at most ${v} un-awaited put() promises outstanding`);
  }
  return ['open({', '  path,', ...open, '});', ...usage].join('\n');
}
