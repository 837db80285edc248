// Flink's predefined RocksDB option sets (flink-statebackend-rocksdb PredefinedOptions), as
// options maps, plus what Flink's RocksDB backend does whatever the preset: it never writes a
// WAL (it recovers from checkpoints). Source: REFERENCE.md, "Predefined options".

import type { OptionsMap } from './options-string.js';

export interface Preset {
  readonly options: OptionsMap;
  /** Flink disables the WAL in its write options. */
  readonly walEnabled: boolean | null;
}

const MiB = 1024 * 1024;

export const PRESET_OPTIONS: Readonly<Record<string, Preset>> = {
  none: { options: {}, walEnabled: null },
  // DEFAULT: Flink sets nothing beyond its backend-wide choices.
  'flink-default': { options: {}, walEnabled: false },
  'spinning-disk': {
    options: {
      compaction_style: 'kCompactionStyleLevel',
      level_compaction_dynamic_level_bytes: 'true',
      max_background_jobs: '4',
      max_open_files: '-1',
    },
    walEnabled: false,
  },
  'spinning-disk-high-mem': {
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
    options: { max_background_jobs: '4', max_open_files: '-1' },
    walEnabled: false,
  },
};
