// Knobs reach RocksDB: the OPTIONS file RocksDB writes shows the values asked for.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { newestOptionsFile, readUsedOptions } from './options-file.js';
import { useLsm } from './test-support/open.js';

describe('knob application', () => {
  const { open, tempDir } = useLsm();

  it('writes writeBufferSize=4MiB into the OPTIONS file as 4194304', async () => {
    const { db, dir } = await open({ writeBufferSize: '4MiB' });
    const used = readUsedOptions(dir);
    expect(used?.['CFOptions.default.write_buffer_size']).toBe('4194304');
    const report = await db.finalStats({ userBytesWritten: 0, liveLogicalBytes: 0, processWriteBytes: null });
    expect(report.options?.['CFOptions.default.write_buffer_size']).toBe('4194304');
  });

  it('applies compaction style, universal sub-options, table options and DB options', async () => {
    const { dir } = await open({
      compactionStyle: 'universal',
      universalSizeRatio: '7',
      bloomBitsPerKey: '10',
      blockSize: '16KiB',
      maxBackgroundJobs: '3',
      compression: 'lz4',
    });
    const used = readUsedOptions(dir) ?? {};
    expect(used['CFOptions.default.compaction_style']).toBe('kCompactionStyleUniversal');
    expect(used['CFOptions.default.compaction_options_universal']).toContain('size_ratio=7;');
    expect(used['TableOptions/BlockBasedTable.default.filter_policy']).toBe('bloomfilter:10:false');
    expect(used['TableOptions/BlockBasedTable.default.block_size']).toBe('16384');
    expect(used['DBOptions.max_background_jobs']).toBe('3');
    expect(used['CFOptions.default.compression']).toBe('kLZ4Compression');
  });

  it('sizes the block cache (8MiB by default, RocksDB\'s own)', async () => {
    const a = await open();
    expect(a.db.db.intProperty('rocksdb.block-cache-capacity')).toBe(8 * 1024 * 1024);
    const b = await open({ blockCacheSize: '32MiB' });
    expect(b.db.db.intProperty('rocksdb.block-cache-capacity')).toBe(32 * 1024 * 1024);
  });

  it('lets typed knobs override the raw options string, which overrides the preset', async () => {
    const { dir } = await open({
      preset: 'spinning-disk-high-mem',
      options: 'max_write_buffer_number=6;block_based_table_factory={block_size=65536}',
      maxBackgroundJobs: '5',
    });
    const used = readUsedOptions(dir) ?? {};
    expect(used['CFOptions.default.max_write_buffer_number']).toBe('6'); // options over preset (4)
    expect(used['DBOptions.max_background_jobs']).toBe('5'); // typed over preset (4)
    expect(used['TableOptions/BlockBasedTable.default.block_size']).toBe('65536');
    expect(used['CFOptions.default.min_write_buffer_number_to_merge']).toBe('3'); // preset
    expect(used['TableOptions/BlockBasedTable.default.filter_policy']).toBe('bloomfilter:10:false'); // preset, same group kept
  });

  it('starts from an OPTIONS file, with typed knobs on top', async () => {
    const first = await open({ writeBufferSize: '8MiB', level0FileNumCompactionTrigger: '9' });
    const file = newestOptionsFile(first.dir) as string;
    const copy = join(tempDir(), 'OPTIONS-from-elsewhere');
    const { readFileSync } = await import('node:fs');
    writeFileSync(copy, readFileSync(file));
    const { dir } = await open({ optionsFile: copy, level0StopWritesTrigger: '50' });
    const used = readUsedOptions(dir) ?? {};
    expect(used['CFOptions.default.write_buffer_size']).toBe(String(8 * 1024 * 1024));
    expect(used['CFOptions.default.level0_file_num_compaction_trigger']).toBe('9');
    expect(used['CFOptions.default.level0_stop_writes_trigger']).toBe('50');
  });

  it('turns the WAL off for the Flink presets', async () => {
    const { db } = await open({ preset: 'flink-default' });
    for (let i = 0; i < 100; i++) db.put(i, new Uint8Array(100));
    expect(db.statistics().tickers['rocksdb.wal.bytes']).toBe(0);
    const walOn = await open();
    for (let i = 0; i < 100; i++) walOn.db.put(i, new Uint8Array(100));
    expect(walOn.db.statistics().tickers['rocksdb.wal.bytes']).toBeGreaterThan(100 * 100);
  });
});
