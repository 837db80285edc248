// lsm.boundedMemory: RocksDB's memory bounded as Flink bounds it, observed in what RocksDB itself
// reports (the cache and write buffer manager the open DB holds, its OPTIONS file, its cache usage),
// never in what statebench asked for. Flink's stock TaskManager (1728m process, one slot) gives each
// slot 536870920 bytes of managed memory: a 447392433-byte cache with a high-priority pool of 0.1 and
// a 178956973-byte write buffer manager charged to it.
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveKnobs } from '../resolve-knobs.js';
import { lsmBackend } from './backend.js';
import { lsmEngineMemory } from './engine-memory.js';
import { knobsFromFlinkConf } from './flink-conf.js';
import { loadNative } from './native.js';
import { readUsedOptions } from './options-file.js';
import { noise } from './test-support/noise.js';
import { useLsm } from './test-support/open.js';

const MiB = 1024 * 1024;
const STOCK_MANAGED = 536870920;
const table = (used: Record<string, string>, key: string): string | undefined => used[`TableOptions/BlockBasedTable.default.${key}`];

describe('lsm.boundedMemory: the cache and write buffer manager Flink builds, read back from RocksDB', () => {
  const { open, tempDir } = useLsm();

  it.each([
    ['taskmanager.memory.managed.size: 536870920b\ntaskmanager.numberOfTaskSlots: 1\n'],
    ['state.backend.rocksdb.memory.fixed-per-slot: 536870920b\n'],
  ])("Flink's stock managed memory per slot (%s) gives its cache and write buffer manager", async (conf) => {
    const flink = knobsFromFlinkConf(conf);
    expect(flink.memoryBudgetBytes).toBe(STOCK_MANAGED);
    const dir = join(tempDir(), 'db');
    const db = await lsmBackend.open(dir, resolveKnobs(lsmBackend.describe(), flink.knobs), { keySize: 16, seed: 1 });
    try {
      const report = await db.finalStats({ userBytesWritten: 0, liveLogicalBytes: 0, processWriteBytes: null });
      expect(report.metrics).toMatchObject({
        blockCacheCapacityBytes: 447392433,
        blockCacheHighPriPoolRatio: 0.1,
        writeBufferManagerBytes: 178956973,
        writeBufferManagerChargedToCache: 1,
      });
      expect(report.raw.memory).toMatchObject({ blockCache: { capacity: 447392433, shared: false }, writeBufferManager: { bufferSize: 178956973, costToCache: true } });
      // The table options Flink sets with them.
      const used = readUsedOptions(dir) ?? {};
      expect([table(used, 'cache_index_and_filter_blocks'), table(used, 'cache_index_and_filter_blocks_with_high_priority'), table(used, 'pin_l0_filter_and_index_blocks_in_cache')]).toEqual(['true', 'true', 'true']);
      expect(flink.warnings).toEqual([]);
    } finally {
      await db.close();
    }
  });

  it('charges the memtables to the cache: writes alone fill it, and the manager counts them', async () => {
    const { db } = await open({ boundedMemory: '48MiB' });
    const before = db.db.memory();
    for (let k = 0; k < 20000; k++) db.put(k, noise(200, k + 1));
    const after = db.db.memory();
    expect(after.writeBufferManager?.memoryUsage ?? 0).toBeGreaterThan(4 * MiB);
    // No reads: the cache's growth is the manager's reservation (dummy entries) for the memtables.
    expect((after.blockCache?.usage ?? 0) - (before.blockCache?.usage ?? 0)).toBeGreaterThan(2 * MiB);
    // Unbounded, the memtables stay outside the cache.
    const plain = (await open({ blockCacheSize: '32MiB' })).db;
    for (let k = 0; k < 20000; k++) plain.put(k, noise(200, k + 1));
    expect(plain.db.memory().blockCache?.usage ?? 0).toBeLessThan(MiB);
  });

  it("what RocksDB reports holding (tune's check against the bound): the cache's peak usage with the memtables charged to it, and the table readers", async () => {
    const { db } = await open({ boundedMemory: '48MiB' });
    for (let k = 0; k < 20000; k++) db.put(k, noise(200, k + 1));
    db.sampleStats();
    const peak = db.db.memory().blockCache?.usage ?? 0;
    await db.flush();
    for (let k = 0; k < 20000; k += 7) db.get(k);
    const report = await db.finalStats({ userBytesWritten: 0, liveLogicalBytes: 0, processWriteBytes: null });
    const m = report.metrics;
    expect(m.maxBlockCacheUsageBytes).toBeGreaterThanOrEqual(peak);
    expect(m.maxBlockCacheUsageBytes).toBeGreaterThan(2 * MiB);
    expect(typeof m.tableReadersBytes).toBe('number');
    // Index and filter blocks live in the cache under the bound: their misses are a share of all misses.
    expect(m.blockCacheIndexFilterMissShare).toBeGreaterThanOrEqual(0);
    expect(m.blockCacheIndexFilterMissShare).toBeLessThanOrEqual(1);
    const held = lsmEngineMemory(m);
    expect(held?.bytes).toBe((m.maxBlockCacheUsageBytes as number) + (m.tableReadersBytes as number));
    expect(held?.what).toBe('block cache usage at its peak (write buffers charged to it) + table readers');
  });

  it('any M, as Flink takes any: a tiny one gives a cache that holds nothing and a manager without a limit, still charged', async () => {
    const { db } = await open({ boundedMemory: '2' });
    expect(db.db.memory()).toMatchObject({ blockCache: { capacity: 1 }, writeBufferManager: { bufferSize: 0, costToCache: true } });
    db.put(1, noise(100, 1));
    expect(db.get(1)?.length).toBe(100);
  });

  it('partitioned index and filters as Flink sets them: two-level index, partitioned filters, top level pinned, a full bloom filter of 10 bits', async () => {
    const { dir } = await open({ boundedMemory: '48MiB', partitionedIndexFilters: 'true', bloomBitsPerKey: '20' });
    const used = readUsedOptions(dir) ?? {};
    expect([table(used, 'index_type'), table(used, 'partition_filters'), table(used, 'pin_top_level_index_and_filter')]).toEqual(['kTwoLevelIndexSearch', 'true', 'true']);
    expect(table(used, 'filter_policy')).toMatch(/bloomfilter:10/);
  });

  it('with sharedBlockCache the slots of a cell hold one cache and one write buffer manager, which sees both slots\' memtables', async () => {
    const sharedDir = tempDir();
    const knobs = { boundedMemory: '96MiB', sharedBlockCache: 'true' };
    const a = (await open(knobs, join(sharedDir, 'slot-0'), { index: 0, count: 2, sharedDir })).db;
    const b = (await open(knobs, join(sharedDir, 'slot-1'), { index: 1, count: 2, sharedDir })).db;
    for (let k = 0; k < 20000; k++) a.put(k, noise(200, k + 1));
    const seenByB = b.db.memory().writeBufferManager;
    expect(seenByB).toMatchObject({ bufferSize: 32 * MiB, costToCache: true, shared: true });
    expect(seenByB?.memoryUsage ?? 0).toBeGreaterThan(4 * MiB);
    const native = loadNative();
    const entry = native.ok ? native.addon.sharedCaches().find((c) => c.key === resolve(sharedDir)) : undefined;
    expect(entry).toMatchObject({ capacity: 80 * MiB, references: 2, writeBufferManagerBytes: 32 * MiB });
    // Without sharedBlockCache each slot has its own bound (Flink's per-slot managed memory).
    const own = tempDir();
    const c = (await open({ boundedMemory: '96MiB' }, join(own, 'slot-0'), { index: 0, count: 2, sharedDir: own })).db;
    expect(c.db.memory().writeBufferManager).toMatchObject({ bufferSize: 32 * MiB, shared: false });
    expect(native.ok ? native.addon.sharedCaches().find((x) => x.key === resolve(own)) : null).toBeUndefined();
  });

  it('the addon refuses a malformed memory request, memory and sharedCache together, and other sizes under a key already held', () => {
    const native = loadNative();
    if (!native.ok) throw new Error(native.reason);
    const { Database } = native.addon;
    const dir = tempDir();
    const key = join(dir, 'cell');
    const spec = { key, cacheCapacity: 4 * MiB, highPriPoolRatio: 0.1, writeBufferBytes: MiB, chargeToCache: true };
    expect(() => new Database(join(dir, 'a'), '', { memory: { cacheCapacity: 4 * MiB } } as never)).toThrow(/^Database: memory must be \{ key\?: string, cacheCapacity: number >= 0, /);
    expect(() => new Database(join(dir, 'b'), '', { memory: spec, sharedCache: { key, capacity: 4 * MiB } })).toThrow('Database: give sharedCache or memory, not both');
    const first = new Database(join(dir, 'c'), '', { memory: spec });
    try {
      expect(() => new Database(join(dir, 'd'), '', { memory: { ...spec, writeBufferBytes: 2 * MiB } })).toThrow(
        `shared memory '${key}' is a cache of ${4 * MiB} bytes (high-priority pool 0.1) and a write buffer manager of ${MiB} bytes charged to it; this instance asks for a cache of ${4 * MiB} bytes (high-priority pool 0.1) and a write buffer manager of ${2 * MiB} bytes charged to it`,
      );
      expect(native.addon.sharedCaches().filter((c) => c.key === key).map((c) => [c.references, c.writeBufferManagerBytes])).toEqual([[1, MiB]]);
    } finally {
      first.close();
    }
    expect(native.addon.sharedCaches().filter((c) => c.key === key)).toEqual([]);
  });
});
