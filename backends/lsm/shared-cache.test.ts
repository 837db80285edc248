// lsm.sharedBlockCache: the slots of a --threads cell share one block cache (and divide the write
// buffer budget), or each has its own. Instances are opened through the Backend with
// OpenContext.slot, on the main thread and in two worker threads at once (as statebench's slot
// workers open them); "one cache" is observed through RocksDB's own properties: reads through one
// instance raise rocksdb.block-cache-usage as the other instance sees it.
import { mkdirSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import type { SlotContext } from '../types.js';
import type { LsmInstance, SharedMemoryReport } from './backend.js';
import { loadNative, type NativeAddon } from './native.js';
import { readUsedOptions } from './options-file.js';
import { noise } from './test-support/noise.js';
import { bytes, text, useLsm } from './test-support/open.js';
import type { SlotReply, SlotRequest, SlotWorkerData } from './test-support/slot-worker.js';

const MiB = 1024 * 1024;
const KEYS = 8000;
const VALUE = 400; // 8000 x 416 B: about 3.2 MiB of blocks, within a 4 MiB cache

const addon = (): NativeAddon => {
  const native = loadNative();
  if (!native.ok) throw new Error(native.reason);
  return native.addon;
};

function load(db: LsmInstance): void {
  for (let k = 0; k < KEYS; k++) db.put(k, noise(VALUE, k + 1));
  db.flush();
}

function readAll(db: LsmInstance): void {
  for (let k = 0; k < KEYS; k++) expect(db.get(k)?.length).toBe(VALUE);
}

const capacity = (db: LsmInstance): number | null => db.db.intProperty('rocksdb.block-cache-capacity');
const usage = (db: LsmInstance): number => db.db.intProperty('rocksdb.block-cache-usage') ?? NaN;
const finalRaw = async (db: LsmInstance) => (await db.finalStats({ userBytesWritten: 0, liveLogicalBytes: 0, processWriteBytes: null })).raw;

describe('lsm.sharedBlockCache across the slots of one cell', () => {
  const { open, tempDir } = useLsm();

  /** Two slots of a cell on their own dirs under one sharedDir. */
  async function twoSlots(knobs: Record<string, string>): Promise<{ a: LsmInstance; b: LsmInstance; sharedDir: string }> {
    const sharedDir = tempDir();
    const slot = (index: number): SlotContext => ({ index, count: 2, sharedDir });
    const a = (await open(knobs, join(sharedDir, 'slot-0'), slot(0))).db;
    const b = (await open(knobs, join(sharedDir, 'slot-1'), slot(1))).db;
    return { a, b, sharedDir };
  }

  it('shares one cache of the configured capacity: reads through one slot fill the cache the other sees', async () => {
    const { a, b, sharedDir } = await twoSlots({ sharedBlockCache: 'true', blockCacheSize: '4MiB' });
    expect(capacity(a)).toBe(4 * MiB);
    expect(capacity(b)).toBe(4 * MiB);
    load(a);
    const before = usage(b);
    readAll(a);
    expect(usage(b) - before).toBeGreaterThan(2 * MiB);
    expect(usage(b)).toBe(usage(a));
    // The process's registry holds it once, under the cell's sharedDir, for both instances.
    expect(addon().sharedCaches().filter((c) => c.key === resolve(sharedDir))).toEqual([
      { key: resolve(sharedDir), capacity: 4 * MiB, usage: usage(a), pinnedUsage: expect.any(Number), references: 2, writeBufferManagerBytes: 0, writeBufferManagerUsage: 0 },
    ]);
    // Per instance still: each one's statistics count its own reads.
    expect(a.statistics().tickers['rocksdb.block.cache.miss']).toBeGreaterThan(0);
    expect(b.statistics().tickers['rocksdb.block.cache.miss'] ?? 0).toBe(0);
    a.close();
    expect(addon().sharedCaches().find((c) => c.key === resolve(sharedDir))?.references).toBe(1);
    b.close();
    expect(addon().sharedCaches().find((c) => c.key === resolve(sharedDir))).toBeUndefined();
  });

  it('without the knob each slot has its own cache: reads through one leave the other\'s usage alone', async () => {
    const { a, b, sharedDir } = await twoSlots({ blockCacheSize: '4MiB' });
    expect(capacity(a)).toBe(4 * MiB);
    expect(capacity(b)).toBe(4 * MiB);
    load(a);
    const before = usage(b);
    readAll(a);
    expect(usage(a)).toBeGreaterThan(2 * MiB);
    expect(usage(b)).toBe(before);
    expect(addon().sharedCaches().find((c) => c.key === resolve(sharedDir))).toBeUndefined();
    expect((await finalRaw(a)).sharedMemory).toBeUndefined();
  });

  it('with one thread the knob changes nothing', async () => {
    const sharedDir = tempDir();
    const alone = await open({ sharedBlockCache: 'true', blockCacheSize: '4MiB', dbWriteBufferSize: '64MiB' }, join(sharedDir, 'slot-0'), { index: 0, count: 1, sharedDir });
    const plain = await open({ blockCacheSize: '4MiB', dbWriteBufferSize: '64MiB' });
    expect(capacity(alone.db)).toBe(4 * MiB);
    expect(addon().sharedCaches().find((c) => c.key === resolve(sharedDir))).toBeUndefined();
    expect(readUsedOptions(alone.dir)?.['DBOptions.db_write_buffer_size']).toBe(String(64 * MiB));
    expect(comparable(alone.dir)).toEqual(comparable(plain.dir));
    expect((await finalRaw(alone.db)).sharedMemory).toBeUndefined();
  });

  it('keeps every option through RocksDB\'s OPTIONS loader: the same OPTIONS file as an instance of its own, and the merge operator', async () => {
    const knobs = {
      preset: 'spinning-disk-high-mem',
      writeBufferSize: '8MiB',
      compression: 'lz4',
      bottommostCompression: 'zstd',
      bloomBitsPerKey: '10',
      blockSize: '16KiB',
      cacheIndexAndFilterBlocks: 'true',
      compactionStyle: 'universal',
      universalSizeRatio: '5',
      maxBackgroundJobs: '3',
      options: 'compression_per_level=kNoCompression:kSnappyCompression;block_based_table_factory={block_restart_interval=8}',
    };
    const { a, sharedDir } = await twoSlots({ ...knobs, sharedBlockCache: 'true' });
    const own = await open(knobs);
    expect(comparable(join(sharedDir, 'slot-0'))).toEqual(comparable(own.dir));
    // The preset's 256 MiB cache is the one shared.
    expect(capacity(a)).toBe(256 * MiB);
    expect(addon().sharedCaches().find((c) => c.key === resolve(sharedDir))?.capacity).toBe(256 * MiB);
    a.append(1, bytes('x'));
    a.append(1, bytes('y'));
    a.flush();
    a.append(1, bytes('z'));
    expect(text(a.get(1))).toBe('x,y,z');
  });

  it('divides the write buffer budget among the slots, and says so in the engine report', async () => {
    const { a, b, sharedDir } = await twoSlots({ sharedBlockCache: 'true', blockCacheSize: '4MiB', dbWriteBufferSize: '64MiB' });
    for (const dir of ['slot-0', 'slot-1']) expect(readUsedOptions(join(sharedDir, dir))?.['DBOptions.db_write_buffer_size']).toBe(String(32 * MiB));
    const report = await a.finalStats({ userBytesWritten: 0, liveLogicalBytes: 0, processWriteBytes: null });
    const shared = report.raw.sharedMemory as SharedMemoryReport;
    expect(shared).toMatchObject({ slots: 2, blockCacheKey: resolve(sharedDir), blockCacheCapacity: 4 * MiB, writeBufferBudget: 64 * MiB, writeBufferBudgetPerSlot: 32 * MiB, sharedWriteBufferManager: false });
    expect(shared.note).toMatch(/db_write_buffer_size 67108864 divided statically: 33554432 per slot/);
    expect(report.options?.['DBOptions.db_write_buffer_size']).toBe(String(32 * MiB));
    expect(report.metrics.blockCacheCapacityBytes).toBe(4 * MiB);
    expect((await finalRaw(b)).sharedMemory).toMatchObject({ writeBufferBudgetPerSlot: 32 * MiB });
    // Without the knob, each slot keeps the whole budget (Flink's per-slot model).
    const { a: own } = await twoSlots({ blockCacheSize: '4MiB', dbWriteBufferSize: '64MiB' });
    expect(own.finalStats({ userBytesWritten: 0, liveLogicalBytes: 0, processWriteBytes: null }).options?.['DBOptions.db_write_buffer_size']).toBe(String(64 * MiB));
  });

  it('takes the capacity from an options string (RocksDB\'s size suffixes), and shares nothing when there is no cache', async () => {
    const { a, b, sharedDir } = await twoSlots({ sharedBlockCache: 'true', options: 'block_based_table_factory={block_cache={capacity=2M;high_pri_pool_ratio=0.1}}' });
    expect(capacity(a)).toBe(2 * MiB);
    expect(capacity(b)).toBe(2 * MiB);
    expect(addon().sharedCaches().find((c) => c.key === resolve(sharedDir))?.references).toBe(2);
    // The options' cache settings carry over to the shared cache: its high-priority pool, read back in both slots.
    expect([a.db.memory().blockCache?.highPriPoolRatio, b.db.memory().blockCache?.highPriPoolRatio]).toEqual([0.1, 0.1]);
    const none = await twoSlots({ sharedBlockCache: 'true', blockCacheSize: '0' });
    expect(capacity(none.a)).toBeNull();
    expect(addon().sharedCaches().find((c) => c.key === resolve(none.sharedDir))).toBeUndefined();
    expect((await finalRaw(none.a)).sharedMemory).toMatchObject({ blockCacheKey: null, blockCacheCapacity: 0 });
  });
});

describe('the addon\'s shared cache refuses what would not be one cache of the configured size', () => {
  const { tempDir } = useLsm();
  const opts = 'block_based_table_factory={block_cache={capacity=4194304}}';

  it('a second capacity under the same key, a capacity the options do not give, a malformed sharedCache', () => {
    const dir = tempDir();
    const key = join(dir, 'cell');
    const first = new (addon().Database)(join(dir, 'a'), opts, { sharedCache: { key, capacity: 4 * MiB } });
    try {
      expect(() => new (addon().Database)(join(dir, 'b'), 'block_based_table_factory={block_cache={capacity=8388608}}', { sharedCache: { key, capacity: 8 * MiB } })).toThrow(
        `shared block cache '${key}' has a capacity of ${4 * MiB} bytes; this instance asks for ${8 * MiB}`,
      );
      expect(() => new (addon().Database)(join(dir, 'c'), opts, { sharedCache: { key: `${key}-2`, capacity: 8 * MiB } })).toThrow(
        `shared block cache: the options resolve to a block cache of ${4 * MiB} bytes, not the ${8 * MiB} bytes asked to share`,
      );
      expect(() => new (addon().Database)(join(dir, 'd'), 'block_based_table_factory={no_block_cache=true}', { sharedCache: { key: `${key}-3`, capacity: MiB } } as never)).toThrow(/no block cache/);
      expect(() => new (addon().Database)(join(dir, 'e'), opts, { sharedCache: { key } } as never)).toThrow(/sharedCache must be \{ key: string, capacity: number >= 1, /);
      // The refused instances hold nothing, and left no database or probe database behind.
      expect(addon().sharedCaches().filter((c) => c.key.startsWith(key)).map((c) => [c.key, c.references])).toEqual([[key, 1]]);
      expect(readdirSync(dir)).toEqual(['a']);
    } finally {
      first.close();
    }
    expect(addon().sharedCaches().filter((c) => c.key.startsWith(key))).toEqual([]);
  });
});

/** A worker thread running one slot (test-support/slot-worker.ts), from the TypeScript sources through tsx. */
class SlotThread {
  private readonly worker: Worker;
  private readonly replies: SlotReply[] = [];
  private waiting: ((r: SlotReply) => void) | null = null;

  constructor(data: SlotWorkerData) {
    const entry = new URL('./test-support/slot-worker.ts', import.meta.url).href;
    const boot = `import('tsx/esm/api').then((api) => { api.register(); return import(${JSON.stringify(entry)}); })`;
    this.worker = new Worker(boot, { eval: true, workerData: data });
    this.worker.on('message', (r: SlotReply) => {
      if (this.waiting) {
        const w = this.waiting;
        this.waiting = null;
        w(r);
      } else this.replies.push(r);
    });
  }

  next(): Promise<SlotReply> {
    const queued = this.replies.shift();
    if (queued) return Promise.resolve(queued);
    return new Promise((res, rej) => {
      this.waiting = res;
      this.worker.once('error', rej);
    });
  }

  async ask(request: SlotRequest): Promise<SlotReply> {
    this.worker.postMessage(request);
    const r = await this.next();
    if (r.error) throw new Error(`slot worker: ${r.error}`);
    expect(r.request).toBe(request);
    return r;
  }

  async stop(): Promise<void> {
    await this.worker.terminate();
  }
}

describe('two worker threads, each with the addon and its own instance', () => {
  const { tempDir } = useLsm();

  it('share one cache across the threads when the knob is on, and each runs its own iterators', async () => {
    const sharedDir = tempDir();
    mkdirSync(sharedDir, { recursive: true });
    const data = (index: number): SlotWorkerData => ({
      dir: join(sharedDir, `slot-${index}`),
      sharedDir,
      index,
      count: 2,
      knobs: { sharedBlockCache: 'true', blockCacheSize: '4MiB' },
      keys: KEYS,
      valueSize: VALUE,
    });
    const threads = [new SlotThread(data(0)), new SlotThread(data(1))];
    const [a, b] = threads as [SlotThread, SlotThread];
    try {
      const opened = await Promise.all(threads.map((t) => t.next()));
      for (const r of opened) {
        expect(r.error).toBeUndefined();
        expect(r.capacity).toBe(4 * MiB);
      }
      // This thread's copy of the addon sees the cache both workers' instances hold.
      expect(addon().sharedCaches().find((c) => c.key === resolve(sharedDir))).toMatchObject({ capacity: 4 * MiB, references: 2 });
      await a.ask('load');
      const before = (await b.ask('usage')).usage as number;
      const afterRead = await a.ask('read');
      const seenByB = await b.ask('usage');
      expect((seenByB.usage as number) - before).toBeGreaterThan(2 * MiB);
      expect(seenByB.usage).toBe(afterRead.usage);
      // Both environments loaded the addon before either made an iterator (each uses its own class).
      await b.ask('load');
      const [ia, ib] = await Promise.all([a.ask('iterate'), b.ask('iterate')]);
      expect(ia.firstKey).toBe(0);
      expect(ib.firstKey).toBe(0);
      for (const t of threads) await t.ask('close');
      expect(addon().sharedCaches().find((c) => c.key === resolve(sharedDir))).toBeUndefined();
    } finally {
      await Promise.all(threads.map((t) => t.stop()));
    }
  });
});

/** An OPTIONS file without the lines that name the database rather than its options. */
function comparable(dir: string): Record<string, string> {
  const used = { ...(readUsedOptions(dir) ?? {}) };
  for (const k of Object.keys(used)) if (/db_host_id|wal_dir|db_log_dir/.test(k)) delete used[k];
  return used;
}
