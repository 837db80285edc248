import { describe, expect, it } from 'vitest';
import { knobsFromFlinkConf } from './flink-conf.js';
import { LSM_KNOB_RECORDS } from './knobs.js';
import { parseOptionsString } from './options-string.js';
import type { KnobValue } from '../types.js';
import { lmdbOptions } from '../lmdb/paste-forms.js';
import { flinkKeys, rocksdbOptionsFile, rocksdbOptionsString } from './paste-forms.js';

const MiB = 1024 * 1024;
const winner = { writeBufferSize: 32 * MiB, maxBackgroundJobs: 4, blockCacheSize: 128 * MiB, bloomBitsPerKey: 10, compression: 'lz4', minWriteBufferNumberToMerge: 1 };

describe('the winner in pasteable forms', () => {
  it("a RocksDB options string RocksDB's syntax reads, with only the changed options", () => {
    const map = parseOptionsString(rocksdbOptionsString(winner));
    expect(map).toMatchObject({
      write_buffer_size: String(32 * MiB),
      max_background_jobs: '4',
      compression: 'kLZ4Compression',
      block_based_table_factory: { filter_policy: 'bloomfilter:10:false', block_cache: { capacity: String(128 * MiB) } },
    });
    expect(map.min_write_buffer_number_to_merge).toBeUndefined(); // at its default
  });
  it('a Flink preset the search picked: its options in the string and the file, its name in the Flink keys', () => {
    const changes = { preset: 'flash-ssd', bloomBitsPerKey: 10 };
    expect(parseOptionsString(rocksdbOptionsString(changes))).toMatchObject({ max_background_jobs: '4', max_open_files: '-1', block_based_table_factory: { filter_policy: 'bloomfilter:10:false' } });
    expect(rocksdbOptionsFile(changes)).toMatch(/\[DBOptions\]\n(  .*\n)*  max_background_jobs=4/);
    const flink = flinkKeys(changes, false);
    expect(flink).toContain('state.backend.rocksdb.predefined-options: FLASH_SSD_OPTIMIZED');
    expect(knobsFromFlinkConf(flink).knobs.preset).toBe('flash-ssd');
  });
  it('an OPTIONS fragment with DB, CF and table sections', () => {
    const text = rocksdbOptionsFile(winner);
    expect(text).toMatch(/\[DBOptions\]\n  max_background_jobs=4/);
    expect(text).toMatch(/\[CFOptions "default"\][^[]*write_buffer_size=33554432/);
    expect(text).toMatch(/\[TableOptions\/BlockBasedTable "default"\]\n  filter_policy=bloomfilter:10:false/);
  });
  it("Flink keys measured without Flink's bound: managed memory off so the sizes apply, and what that risks", () => {
    const text = flinkKeys(winner, false);
    expect(text).toContain('state.backend.rocksdb.writebuffer.size: 32mb');
    expect(text).toContain('state.backend.rocksdb.block.cache-size: 128mb');
    expect(text).toContain('state.backend.rocksdb.thread.num: 4');
    expect(text).toContain('state.backend.rocksdb.use-bloom-filter: true');
    expect(text).toContain('state.backend.rocksdb.compression.per.level: LZ4_COMPRESSION');
    expect(text).toContain('state.backend.rocksdb.memory.managed: false');
    expect(text).toMatch(/^# risk: .*grow past the container's limit/m);
  });
  it("Flink keys measured under Flink's bound: the ratios, managed memory kept on, no risk line", () => {
    const text = flinkKeys({ writeBufferRatio: 0.25, highPriPoolRatio: 0.2, partitionedIndexFilters: true, bloomBitsPerKey: 10 }, true);
    expect(text).toContain('state.backend.rocksdb.memory.write-buffer-ratio: 0.25');
    expect(text).toContain('state.backend.rocksdb.memory.high-prio-pool-ratio: 0.2');
    expect(text).toContain('state.backend.rocksdb.memory.partitioned-index-filters: true');
    expect(text).toMatch(/^state\.backend\.rocksdb\.memory\.managed: true /m);
    expect(text).not.toContain('managed: false');
    expect(text).not.toContain('# risk');
    // Read back inside a TaskManager (managed memory per slot given), Flink bounds RocksDB by it with these ratios.
    const back = knobsFromFlinkConf(`${text}\ntaskmanager.memory.managed.size: 512mb\n`);
    expect(back.knobs).toMatchObject({ writeBufferRatio: '0.25', highPriPoolRatio: '0.2', partitionedIndexFilters: 'true', boundedMemory: String(512 * MiB) });
  });
  it('lmdb-js open() options', () => {
    expect(lmdbOptions({ noSync: true, pageSize: '8192', writePath: 'sync', writeBatchOps: 100 })).toBe(
      'open({\n  path,\n  noSync: true,\n  pageSize: 8192,\n});\n// writes: db.transactionSync(() => { db.putSync(...) x writeBatchOps })\n// 100 writes per transaction',
    );
  });
  it('Flink keys that read back as the knobs they came from, for every knob with a Flink key', () => {
    const sample: Record<string, KnobValue> = { size: 32 * MiB, int: 3, bool: true, compression: 'lz4', bloom: 10, duration: 86400 };
    const mapped = LSM_KNOB_RECORDS.filter((k) => k.flink);
    expect(mapped.length).toBeGreaterThan(10);
    for (const k of mapped) {
      const kind = k.flink?.value as string;
      // The memory.* keys by the knob's type (M a size, the ratios, partitioned index filters a flag).
      const memory: Record<string, KnobValue> = { size: 32 * MiB, float: 0.25, bool: true };
      const value = kind === 'enum' ? (k.allowed?.find((a) => a !== k.default) as string) : kind === 'memory' ? (memory[k.type] as KnobValue) : (sample[kind] as KnobValue);
      const back = knobsFromFlinkConf(flinkKeys({ [k.name]: value }, false));
      expect(back.knobs[k.name], `lsm.${k.name}=${value} as ${flinkKeys({ [k.name]: value }, false)}`).toBe(String(value));
      expect(back.warnings.filter((w) => w.includes('not mapped'))).toEqual([]);
    }
  });
});
