import { describe, expect, it } from 'vitest';
import { KnobError, resolveKnobs } from '../resolve-knobs.js';
import { lsmBackend } from './backend.js';
import { buildOpenPlan } from './build-options.js';
import { knobsFromFlinkConf } from './flink-conf.js';

const MiB = 1024 * 1024;

describe('knobsFromFlinkConf', () => {
  it('maps flat state.backend.rocksdb.* keys to knobs', () => {
    const r = knobsFromFlinkConf(
      [
        'state.backend.rocksdb.writebuffer.size: 32mb',
        'state.backend.rocksdb.writebuffer.count: 4',
        'state.backend.rocksdb.writebuffer.number-to-merge: 2',
        'state.backend.rocksdb.block.blocksize: 16kb',
        'state.backend.rocksdb.compaction.style: UNIVERSAL',
        'state.backend.rocksdb.compaction.level.use-dynamic-size: true',
        'state.backend.rocksdb.compaction.level.target-file-size-base: 128mb',
        'state.backend.rocksdb.compaction.level.max-size-level-base: 1gb',
        'state.backend.rocksdb.use-bloom-filter: true',
        'state.backend.rocksdb.thread.num: 4',
        'state.backend.rocksdb.files.open: 5000',
        'state.backend.rocksdb.compression.per.level: LZ4_COMPRESSION',
        'state.backend.rocksdb.memory.managed: false',
      ].join('\n'),
    );
    expect(r.knobs).toEqual({
      preset: 'flink-default',
      writeBufferSize: String(32 * MiB),
      maxWriteBufferNumber: '4',
      minWriteBufferNumberToMerge: '2',
      blockSize: '16384',
      compactionStyle: 'universal',
      levelCompactionDynamicLevelBytes: 'true',
      targetFileSizeBase: String(128 * MiB),
      maxBytesForLevelBase: String(1024 * MiB),
      bloomBitsPerKey: '10',
      maxBackgroundJobs: '4',
      maxOpenFiles: '5000',
      compression: 'lz4',
    });
    expect(r.memoryBudgetBytes).toBeNull();
    expect(r.warnings).toEqual([]);
  });

  it('reads nested YAML (Flink 1.19+ config.yaml) and predefined options', () => {
    const r = knobsFromFlinkConf(
      ['state:', '  backend:', '    rocksdb:', '      predefined-options: SPINNING_DISK_OPTIMIZED_HIGH_MEM', '      memory:', '        managed: false', '      block:', '        cache-size: 64mb'].join('\n'),
    );
    expect(r.knobs.preset).toBe('spinning-disk-high-mem');
    expect(r.knobs.blockCacheSize).toBe(String(64 * MiB));
  });

  it('bounds memory to a fixed per-slot budget with its ratios, as Flink does; the cache and write buffer manager follow from them', () => {
    const r = knobsFromFlinkConf(
      [
        'state.backend.rocksdb.memory.fixed-per-slot: 300mb',
        'state.backend.rocksdb.memory.write-buffer-ratio: 0.4',
        'state.backend.rocksdb.memory.high-prio-pool-ratio: 0.2',
        'state.backend.rocksdb.memory.partitioned-index-filters: true',
        'state.backend.rocksdb.block.cache-size: 64mb',
      ].join('\n'),
    );
    expect(r.memoryBudgetBytes).toBe(300 * MiB);
    expect(r.knobs).toMatchObject({ boundedMemory: String(300 * MiB), writeBufferRatio: '0.4', highPriPoolRatio: '0.2', partitionedIndexFilters: 'true' });
    expect(r.knobs.blockCacheSize).toBeUndefined();
    expect(r.warnings).toEqual(["state.backend.rocksdb.block.cache-size: ignored, Flink's memory budget sizes the shared cache"]);
    const plan = buildOpenPlan(resolveKnobs(lsmBackend.describe(), r.knobs));
    expect(plan.memory).toMatchObject({ cacheCapacity: Math.floor((2.6 * 300 * MiB) / 3), writeBufferManagerBytes: Math.floor((2 * 300 * MiB * 0.4) / 3), highPriPoolRatio: 0.2, partitionedIndexFilters: true });
  });

  it('divides managed memory among the slots, and warns when its size is unknown', () => {
    const r = knobsFromFlinkConf('taskmanager.memory.managed.size: 1gb\ntaskmanager.numberOfTaskSlots: 4\n');
    expect(r.memoryBudgetBytes).toBe(256 * MiB);
    expect(r.knobs.boundedMemory).toBe(String(256 * MiB));
    const unknown = knobsFromFlinkConf('state.backend.rocksdb.writebuffer.size: 64mb\n');
    expect(unknown.memoryBudgetBytes).toBeNull();
    expect(unknown.warnings.join('\n')).toMatch(/managed memory per slot/);
  });

  it('returns taskmanager.numberOfTaskSlots as taskSlots (the default --threads), null when the file does not set it', () => {
    expect(knobsFromFlinkConf('taskmanager.numberOfTaskSlots: 4\nstate.backend.rocksdb.memory.managed: false\n').taskSlots).toBe(4);
    expect(knobsFromFlinkConf('taskmanager:\n  numberOfTaskSlots: 3\n').taskSlots).toBe(3);
    expect(knobsFromFlinkConf('state.backend.rocksdb.memory.managed: false\n').taskSlots).toBeNull();
  });

  it("per-slot memory (fixed-per-slot, managed) leaves each slot its own cache: sharedBlockCache stays unset", () => {
    const fixed = knobsFromFlinkConf('state.backend.rocksdb.memory.fixed-per-slot: 300mb\ntaskmanager.numberOfTaskSlots: 2\n');
    expect(fixed.knobs.sharedBlockCache).toBeUndefined();
    expect(fixed.memoryBudgetScope).toBe('slot');
    const managed = knobsFromFlinkConf('taskmanager.memory.managed.size: 1gb\ntaskmanager.numberOfTaskSlots: 4\n');
    expect(managed.knobs.sharedBlockCache).toBeUndefined();
    expect(managed.memoryBudgetScope).toBe('slot');
    expect(knobsFromFlinkConf('state.backend.rocksdb.memory.managed: false\n').memoryBudgetScope).toBeNull();
  });

  it("fixed-per-tm (memory.managed false): Flink's arithmetic on the TaskManager's size, one cache shared by its slots", () => {
    const r = knobsFromFlinkConf(
      ['state.backend.rocksdb.memory.managed: false', 'state.backend.rocksdb.memory.fixed-per-tm: 600mb', 'state.backend.rocksdb.memory.write-buffer-ratio: 0.5', 'taskmanager.numberOfTaskSlots: 2'].join('\n'),
    );
    expect(r.memoryBudgetBytes).toBe(600 * MiB);
    expect(r.memoryBudgetScope).toBe('taskmanager');
    expect(r.taskSlots).toBe(2);
    expect(r.knobs.sharedBlockCache).toBe('true');
    expect(r.knobs.boundedMemory).toBe(String(600 * MiB));
    expect(r.warnings).toEqual([]);
  });

  it('ignores fixed-per-tm as Flink does when per-slot memory is configured (fixed-per-slot, or managed memory on by default)', () => {
    const managed = knobsFromFlinkConf('state.backend.rocksdb.memory.fixed-per-tm: 600mb\ntaskmanager.memory.managed.size: 1gb\n');
    expect(managed.memoryBudgetScope).toBe('slot');
    expect(managed.knobs.sharedBlockCache).toBeUndefined();
    expect(managed.warnings.join('\n')).toMatch(/memory\.fixed-per-tm: ignored, as Flink ignores it when memory\.managed is on/);
    const perSlot = knobsFromFlinkConf('state.backend.rocksdb.memory.managed: false\nstate.backend.rocksdb.memory.fixed-per-slot: 100mb\nstate.backend.rocksdb.memory.fixed-per-tm: 600mb\n');
    expect(perSlot.memoryBudgetBytes).toBe(100 * MiB);
    expect(perSlot.knobs.sharedBlockCache).toBeUndefined();
    expect(perSlot.warnings.join('\n')).toMatch(/fixed-per-tm: ignored, as Flink ignores it when memory\.fixed-per-slot is set/);
  });

  it("reads the TTL filter's periodic compaction time as a Flink duration, in whole seconds", () => {
    const seconds = (raw: string): string | undefined => knobsFromFlinkConf(`state.backend.rocksdb.compaction.filter.periodic-compaction-time: ${raw}\n`).knobs.periodicCompactionSeconds;
    expect([seconds('30 d'), seconds('12h'), seconds('90 min'), seconds('3600 s'), seconds('86400000'), seconds('0')]).toEqual(['2592000', '43200', '5400', '3600', '86400', '0']);
    expect(knobsFromFlinkConf('state.backend.rocksdb.writebuffer.count: 4\n').knobs.periodicCompactionSeconds).toBeUndefined();
  });

  it('warns about keys it does not map, as Flink ignores keys it does not know', () => {
    const r = knobsFromFlinkConf('state.backend.rocksdb.memory.managed: false\nstate.backend.rocksdb.nonsense: 1\n');
    expect(r.warnings.some((w) => w.includes('nonsense'))).toBe(true);
  });

  // Issue 17: a value Flink cannot parse is refused (Flink throws "Could not parse value"), not ignored.
  it.each([
    ['state.backend.rocksdb.writebuffer.size: lots', /^state\.backend\.rocksdb\.writebuffer\.size: 'lots' is not valid; expected a memory size such as 64mb/],
    ['state.backend.rocksdb.writebuffer.count: many', /writebuffer\.count: 'many' is not valid; expected an integer$/],
    ['state.backend.rocksdb.compaction.level.use-dynamic-size: yes', /use-dynamic-size: 'yes' is not valid; expected true or false$/],
    ['state.backend.rocksdb.compaction.style: SIDEWAYS', /compaction\.style: 'SIDEWAYS' is not valid; expected LEVEL, UNIVERSAL or FIFO$/],
    ['state.backend.rocksdb.predefined-options: FAST', /predefined-options: 'FAST' is not valid; expected one of DEFAULT/],
    ['state.backend.rocksdb.compression.per.level: SNAPPY_COMPRESSION;ZIP', /compression\.per\.level: 'SNAPPY_COMPRESSION;ZIP' is not valid; expected compression types/],
    ['state.backend.rocksdb.use-bloom-filter: true\nstate.backend.rocksdb.bloom-filter.bits-per-key: none', /bits-per-key: 'none' is not valid; expected a positive number/],
    ['state.backend.rocksdb.memory.write-buffer-ratio: 1.5', /write-buffer-ratio: '1\.5' is not valid; expected a number between 0 and 1 \(exclusive\)$/],
    ['state.backend.rocksdb.memory.write-buffer-ratio: 0.6\nstate.backend.rocksdb.memory.high-prio-pool-ratio: 0.5', /write-buffer-ratio: '0\.6' is not valid; expected a ratio whose sum with memory\.high-prio-pool-ratio \(0\.5\) is at most 1$/],
    ['state.backend.rocksdb.memory.fixed-per-slot: plenty', /fixed-per-slot: 'plenty' is not valid; expected a memory size/],
    ['state.backend.rocksdb.memory.managed: false\nstate.backend.rocksdb.memory.fixed-per-tm: lots', /fixed-per-tm: 'lots' is not valid; expected a memory size/],
    ['state.backend.rocksdb.memory.managed: false\nstate.backend.rocksdb.memory.fixed-per-tm: 0', /fixed-per-tm: '0' is not valid; expected a memory size .*, above 0$/],
    ['state.backend.rocksdb.memory.managed: false\ntaskmanager.numberOfTaskSlots: 0', /taskmanager\.numberOfTaskSlots: '0' is not valid; expected a whole number >= 1$/],
    ['state.backend.rocksdb.memory.managed: perhaps', /memory\.managed: 'perhaps' is not valid; expected true or false$/],
    ['state.backend.rocksdb.compaction.filter.periodic-compaction-time: monthly', /periodic-compaction-time: 'monthly' is not valid; expected a duration such as 30 d/],
    ['taskmanager.memory.managed.size: 1gb\ntaskmanager.numberOfTaskSlots: zero', /taskmanager\.numberOfTaskSlots: 'zero' is not valid; expected a whole number >= 1$/],
  ])('refuses %s, naming the key, the value and what is accepted', (conf, message) => {
    expect(() => knobsFromFlinkConf(`${conf}\n`)).toThrow(KnobError);
    expect(() => knobsFromFlinkConf(`${conf}\n`)).toThrow(message);
  });

  it('produces knobs the lsm backend accepts and RocksDB opens with', async () => {
    const r = knobsFromFlinkConf('state.backend.rocksdb.memory.fixed-per-slot: 128mb\nstate.backend.rocksdb.compression.per.level: NO_COMPRESSION;SNAPPY_COMPRESSION\n');
    const knobs = resolveKnobs(lsmBackend.describe(), r.knobs);
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = mkdtempSync(join(tmpdir(), 'statebench-flink-'));
    try {
      const db = await lsmBackend.open(join(dir, 'db'), knobs, { keySize: 16, seed: 1 });
      const report = await db.finalStats({ userBytesWritten: 0, liveLogicalBytes: 0, processWriteBytes: null });
      expect(report.metrics.blockCacheCapacityBytes).toBe(Math.floor((2.5 * 128 * MiB) / 3));
      expect(report.metrics.writeBufferManagerBytes).toBe(Math.floor((2 * 128 * MiB * 0.5) / 3));
      expect(report.options?.['CFOptions.default.compression_per_level']).toBe('kNoCompression:kSnappyCompression');
      await db.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("fixed-per-tm's knobs run N slots on one cache and one write buffer manager of Flink's sizes", async () => {
    const r = knobsFromFlinkConf('state.backend.rocksdb.memory.managed: false\nstate.backend.rocksdb.memory.fixed-per-tm: 96mb\ntaskmanager.numberOfTaskSlots: 2\n');
    const knobs = resolveKnobs(lsmBackend.describe(), r.knobs);
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const sharedDir = mkdtempSync(join(tmpdir(), 'statebench-flink-tm-'));
    const slots = r.taskSlots ?? 1;
    try {
      const dbs = [];
      for (let index = 0; index < slots; index++) dbs.push(await lsmBackend.open(join(sharedDir, `slot-${index}`), knobs, { keySize: 16, seed: 1, slot: { index, count: slots, sharedDir } }));
      for (const db of dbs) {
        const report = await db.finalStats({ userBytesWritten: 0, liveLogicalBytes: 0, processWriteBytes: null });
        expect(report.metrics.blockCacheCapacityBytes).toBe(80 * MiB); // 2.5 x 96MiB / 3
        expect(report.metrics.blockCacheHighPriPoolRatio).toBe(0.1);
        expect(report.metrics.writeBufferManagerBytes).toBe(32 * MiB); // 2 x 96MiB x 0.5 / 3, for both slots
        expect(report.metrics.writeBufferManagerChargedToCache).toBe(1);
        expect(report.raw.memory).toMatchObject({ blockCache: { shared: true }, writeBufferManager: { shared: true } });
        expect(report.raw.sharedMemory).toMatchObject({ slots: 2, blockCacheCapacity: 80 * MiB, writeBufferBudget: 32 * MiB, writeBufferBudgetPerSlot: null, sharedWriteBufferManager: true });
        expect(String((report.raw.sharedMemory as { note: string }).note)).toMatch(/one write buffer manager of 33554432 bytes charged to that cache/);
      }
      for (const db of dbs) await db.close();
    } finally {
      rmSync(sharedDir, { recursive: true, force: true });
    }
  });
});
