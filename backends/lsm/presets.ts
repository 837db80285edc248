// Flink's predefined RocksDB option sets (flink-statebackend-rocksdb PredefinedOptions), as
// options maps, plus what Flink's RocksDB backend does whatever the preset: it never writes a
// WAL (it recovers from checkpoints). Source: docs/references.md, "Flink's RocksDB state backend"
// (predefined options).

import type { OptionsMap } from './options-string.js';

export interface Preset {
  /** Its name in Flink's state.backend.rocksdb.predefined-options; null for statebench's own 'none'. */
  readonly flink: string | null;
  readonly options: OptionsMap;
  /** Flink disables the WAL in its write options. */
  readonly walEnabled: boolean | null;
}

const MiB = 1024 * 1024;

export const PRESET_OPTIONS: Readonly<Record<string, Preset>> = {
  none: { flink: null, options: {}, walEnabled: null },
  // DEFAULT: Flink sets nothing beyond its backend-wide choices.
  'flink-default': { flink: 'DEFAULT', options: {}, walEnabled: false },
  'spinning-disk': {
    flink: 'SPINNING_DISK_OPTIMIZED',
    options: {
      compaction_style: 'kCompactionStyleLevel',
      level_compaction_dynamic_level_bytes: 'true',
      max_background_jobs: '4',
      max_open_files: '-1',
    },
    walEnabled: false,
  },
  'spinning-disk-high-mem': {
    flink: 'SPINNING_DISK_OPTIMIZED_HIGH_MEM',
    options: {
      compaction_style: 'kCompactionStyleLevel',
      level_compaction_dynamic_level_bytes: 'true',
      max_background_jobs: '4',
      max_open_files: '-1',
      max_bytes_for_level_base: String(1024 * MiB),
      write_buffer_size: String(64 * MiB),
      max_write_buffer_number: '4',
      min_write_buffer_number_to_merge: '3',
      target_file_size_base: String(256 * MiB),
      block_based_table_factory: {
        block_cache: { capacity: String(256 * MiB) },
        block_size: String(128 * 1024),
        // RocksJava's new BloomFilter(): 10 bits per key, full (not block-based) filter.
        filter_policy: 'bloomfilter:10:false',
      },
    },
    walEnabled: false,
  },
  'flash-ssd': {
    flink: 'FLASH_SSD_OPTIMIZED',
    options: { max_background_jobs: '4', max_open_files: '-1' },
    walEnabled: false,
  },
};
