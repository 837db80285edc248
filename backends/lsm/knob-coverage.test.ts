// Every lsm knob reaches RocksDB. The test walks the knob records themselves: a knob that is a
// RocksDB option is opened set away from its default and must show in the OPTIONS file RocksDB
// writes (or, for the block cache's capacity, which OPTIONS files do not carry, in the DB
// property that reports it); a knob that reaches RocksDB through a hook (write options, the perf
// level, a whole layer of options) must have an observation below. A knob added without either
// fails here (and does not compile: an LsmKnob needs `rocksdb` or `applied`).
import { copyFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveKnobs } from '../resolve-knobs.js';
import type { KnobValue } from '../types.js';
import { lsmBackend } from './backend.js';
import { buildOpenPlan } from './build-options.js';
import { type LsmKnob, type RocksDbOption, rocksdbText, TABLE_GROUP } from './knob-record.js';
import { LSM_KNOB_RECORDS } from './knobs.js';
import { loadNative } from './native.js';
import { newestOptionsFile, readUsedOptions } from './options-file.js';
import { type OptionsMap, parseOptionsString } from './options-string.js';
import { PRESET_OPTIONS } from './presets.js';
import { useLsm } from './test-support/open.js';
import { ROCKSDB_TRACE } from './engine-trace.js';

type Used = Record<string, string>;

/** What RocksDB's OPTIONS file says at an options-string path (nested groups read inside their braces). */
function optionInFile(used: Used, path: readonly string[], section?: RocksDbOption['section']): string | undefined {
  const [head, ...rest] = path[0] === TABLE_GROUP ? [`TableOptions/BlockBasedTable.default.${path[1]}`, ...path.slice(2)] : [path[0] as string, ...path.slice(1)];
  const candidates = path[0] === TABLE_GROUP ? [head] : section === 'db' ? [`DBOptions.${head}`] : section === 'cf' ? [`CFOptions.default.${head}`] : [`DBOptions.${head}`, `CFOptions.default.${head}`];
  let node: string | OptionsMap | undefined = candidates.map((c) => used[c]).find((v) => v !== undefined);
  for (const part of rest) {
    if (typeof node === 'string') node = node.startsWith('{') ? parseOptionsString(node.slice(1, -1)) : undefined;
    node = node?.[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/** Numbers compare as numbers: doubles come back as RocksDB prints them (max_bytes_for_level_multiplier=20.000000). */
const sameValue = (k: LsmKnob, observed: string | undefined, expected: string): boolean =>
  typeof k.default === 'number' && !k.rocksdb?.format ? observed !== undefined && Number(observed) === Number(expected) : observed === expected;

/**
 * Values RocksDB keeps as given where the rule below (another tuner candidate, else twice the
 * default, a negated bool, another enum value) gives one it rejects or changes, with companion
 * knobs RocksDB needs alongside.
 */
const AWAY: Readonly<Record<string, { value: KnobValue; with?: Record<string, KnobValue>; why: string }>> = {
  dbWriteBufferSize: { value: 32 * 1024 * 1024, why: 'the default is 0 (no limit): twice 0 is 0' },
  universalMaxMergeWidth: { value: 8, why: 'the default is UINT_MAX: twice it overflows' },
  universalCompressionSizePercent: { value: 50, why: 'the default is -1 (compress all)' },
  maxOpenFiles: { value: 5000, why: 'the default is -1 (all); RocksDB raises values under 20 to 20' },
  periodicCompactionSeconds: { value: 86400, why: 'the default is unset (RocksDB decides)' },
  minWriteBufferNumberToMerge: { value: 2, with: { maxWriteBufferNumber: 4 }, why: 'RocksDB lowers it to max_write_buffer_number - 1' },
};

function awayFromDefault(k: LsmKnob): { value: KnobValue; with: Record<string, KnobValue> } {
  const fixed = AWAY[k.name];
  if (fixed) return { value: fixed.value, with: fixed.with ?? {} };
  const candidates: KnobValue[] = [...(k.tune?.values ?? [])];
  if (k.type === 'bool') candidates.push(k.default !== true);
  else if (k.type === 'enum') candidates.push(...(k.allowed ?? []));
  else if (typeof k.default === 'number') candidates.push(k.default * 2);
  const value = candidates.find((v) => v !== k.default && (typeof v !== 'number' || ((k.min === undefined || v >= k.min) && (k.max === undefined || v <= k.max))));
  if (value === undefined) throw new Error(`lsm.${k.name}: no value away from its default; add one to AWAY`);
  return { value, with: {} };
}

const asText = (v: KnobValue): string => String(v);

type Open = ReturnType<typeof useLsm>['open'];

const planFor = (knobs: Record<string, string>) => buildOpenPlan(resolveKnobs(lsmBackend.describe(), knobs));

/** A statistics ticker after `puts` writes of 100 bytes to a DB opened with the knobs. */
async function tickerAfterPuts(open: Open, knobs: Record<string, string>, puts: number, ticker: string): Promise<number> {
  const { db } = await open(knobs);
  for (let i = 0; i < puts; i++) db.put(i, new Uint8Array(100));
  return db.statistics().tickers[ticker] ?? 0;
}

/** The remote store's counters after 100 writes of 100 bytes and a flush, with lsm.remote and `knobs`. */
async function remoteAfterFlush(open: Open, knobs: Record<string, string>) {
  const { db } = await open({ remote: 'true', ...knobs });
  for (let i = 0; i < 100; i++) db.put(i, new Uint8Array(100).fill(i));
  db.flush();
  return db.db.remoteStats() as NonNullable<ReturnType<typeof db.db.remoteStats>>;
}

/** How the knobs RocksDB gets through a hook are observed, by knob name. */
const HOOKED: Readonly<Record<string, (open: Open, tempDir: () => string) => Promise<void>>> = {
  // A write option (WriteOptions.disableWAL): the plan says so, and the WAL stays empty.
  walEnabled: async (open) => {
    expect(planFor({ walEnabled: 'false' }).walEnabled).toBe(false);
    expect(await tickerAfterPuts(open, { walEnabled: 'false' }, 100, 'rocksdb.wal.bytes')).toBe(0);
    expect(await tickerAfterPuts(open, {}, 100, 'rocksdb.wal.bytes')).toBeGreaterThan(100 * 100);
  },
  // A write option (WriteOptions.sync): the plan says so, and RocksDB counts a WAL sync per write.
  syncWrites: async (open) => {
    expect(planFor({ syncWrites: 'true' }).syncWrites).toBe(true);
    expect(await tickerAfterPuts(open, { syncWrites: 'true' }, 10, 'rocksdb.wal.synced')).toBeGreaterThanOrEqual(10);
    expect(await tickerAfterPuts(open, {}, 10, 'rocksdb.wal.synced')).toBe(0);
  },
  // The perf level of the operations' thread: RocksDB's perf context counts key comparisons at the default level only.
  perfLevel: async (open) => {
    const comparisons = async (knobs: Record<string, string>): Promise<number> => {
      const { db } = await open(knobs);
      for (let i = 0; i < 100; i++) db.put(i, new Uint8Array(10));
      db.db.perfComparisons(true);
      for (let i = 0; i < 100; i++) db.get(i);
      return db.db.perfComparisons();
    };
    expect(await comparisons({ perfLevel: 'disable' })).toBe(0);
    expect(await comparisons({})).toBeGreaterThan(100);
  },
  // A layer: every option of every preset shows (the block cache's capacity in its property), and the WAL is off.
  preset: async (open) => {
    for (const [name, preset] of Object.entries(PRESET_OPTIONS)) {
      if (name === 'none') continue;
      const { db, dir } = await open({ preset: name });
      const used = readUsedOptions(dir) ?? {};
      const walk = (map: OptionsMap, path: string[]): void => {
        for (const [key, value] of Object.entries(map)) {
          if (typeof value !== 'string') {
            walk(value, [...path, key]);
            continue;
          }
          const at = [...path, key];
          const property = LSM_KNOB_RECORDS.find((k) => k.rocksdb?.path.join('.') === at.join('.'))?.rocksdb?.property;
          const observed = property ? String(db.db.intProperty(property)) : optionInFile(used, at);
          expect(observed, `preset ${name}: ${at.join('.')}`).toBe(value);
        }
      };
      walk(preset.options, []);
      expect(planFor({ preset: name }).walEnabled).toBe(preset.walEnabled ?? true);
    }
  },
  // Slot sharing: two slots of a cell hold one cache of the process's registry, under their sharedDir; without it, none.
  sharedBlockCache: async (open, tempDir) => {
    const held = async (knobs: Record<string, string>): Promise<number | undefined> => {
      const sharedDir = tempDir();
      for (const index of [0, 1]) await open({ blockCacheSize: '4MiB', ...knobs }, join(sharedDir, `slot-${index}`), { index, count: 2, sharedDir });
      const native = loadNative();
      return native.ok ? native.addon.sharedCaches().find((c) => c.key === resolve(sharedDir))?.references : -1;
    };
    expect(await held({ sharedBlockCache: 'true' })).toBe(2);
    expect(await held({})).toBeUndefined();
  },
  // The memory bound: the cache and write buffer manager RocksDB holds are Flink's sizes of M, the
  // manager charged to the cache; unbounded, RocksDB's own (db_write_buffer_size 0: no limit, not charged).
  boundedMemory: async (open) => {
    const M = 48 * 1024 * 1024;
    const { db } = await open({ boundedMemory: String(M) });
    expect(db.db.memory()).toMatchObject({
      blockCache: { capacity: Math.floor((2.5 * M) / 3) },
      writeBufferManager: { bufferSize: Math.floor((2 * M * 0.5) / 3), costToCache: true },
    });
    expect((await open({})).db.db.memory().writeBufferManager).toMatchObject({ bufferSize: 0, costToCache: false });
  },
  writeBufferRatio: async (open) => {
    const M = 48 * 1024 * 1024;
    const { db } = await open({ boundedMemory: String(M), writeBufferRatio: '0.25' });
    expect(db.db.memory()).toMatchObject({ blockCache: { capacity: Math.floor((2.75 * M) / 3) }, writeBufferManager: { bufferSize: Math.floor((2 * M * 0.25) / 3) } });
  },
  // The cache's high-priority pool, as the cache prints it (GetPrintableOptions).
  highPriPoolRatio: async (open) => {
    expect((await open({ boundedMemory: '48MiB', highPriPoolRatio: '0.3' })).db.db.memory().blockCache?.highPriPoolRatio).toBe(0.3);
    expect((await open({ boundedMemory: '48MiB' })).db.db.memory().blockCache?.highPriPoolRatio).toBe(0.1);
  },
  // Flink's partitioned index and filters, in the OPTIONS file.
  partitionedIndexFilters: async (open) => {
    const table = async (knobs: Record<string, string>) => {
      const used = readUsedOptions((await open({ boundedMemory: '48MiB', ...knobs })).dir) ?? {};
      return [used['TableOptions/BlockBasedTable.default.index_type'], used['TableOptions/BlockBasedTable.default.partition_filters']];
    };
    expect(await table({ partitionedIndexFilters: 'true' })).toEqual(['kTwoLevelIndexSearch', 'true']);
    expect(await table({})).toEqual(['kBinarySearch', 'false']);
  },
  // RocksDB's query trace: the file holds the instance's queries, which RocksDB's trace reader reads back.
  traceFile: async (open, tempDir) => {
    const dir = tempDir();
    const trace = join(dir, 'q.trace');
    const { db } = await open({ traceFile: trace });
    for (let i = 0; i < 3; i++) db.put(i, new Uint8Array(10));
    db.get(1);
    db.close();
    expect(ROCKSDB_TRACE.recognises(trace)).toBe(true);
    expect(ROCKSDB_TRACE.toCsv(trace, join(dir, 'q.csv'), tempDir()).ops).toBe(4);
  },
  // The emulated remote store (remote-store.test.ts tests the model): its counters exist, and each knob moves them.
  remote: async (open) => {
    expect((await remoteAfterFlush(open, {})).writeRequests).toBeGreaterThan(0);
    const { db } = await open({});
    expect(db.db.remoteStats()).toBeNull();
  },
  remoteLatency: async (open) => {
    const s = await remoteAfterFlush(open, { remoteLatency: '10ms' });
    expect(s.writeWaitMicros).toBeGreaterThanOrEqual(s.writeRequests * 10_000);
    expect((await remoteAfterFlush(open, { remoteLatency: '0', remoteBandwidth: '0' })).writeWaitMicros).toBeLessThan(s.writeRequests * 10_000);
  },
  remoteBandwidth: async (open) => {
    const s = await remoteAfterFlush(open, { remoteLatency: '0', remoteBandwidth: '1MiB/s' });
    expect(s.writeWaitMicros).toBeGreaterThanOrEqual((s.writeBytes / (1024 * 1024)) * 1e6 * 0.99);
  },
  fileCacheSize: async (open) => {
    expect((await remoteAfterFlush(open, { fileCacheSize: '64MiB' })).fileCacheFiles).toBe(1);
    expect((await remoteAfterFlush(open, {})).fileCacheFiles).toBe(0);
  },
  // Not RocksDB's: the instance tells the runner to keep gets in flight, which the addon's threads serve.
  asyncReads: async (open) => {
    const { db } = await open({ asyncReads: '8' });
    db.put(1, new Uint8Array([7]));
    expect(db.readMode).toBe('async');
    expect(Array.from((await db.getAsync(1)) as Uint8Array)).toEqual([7]);
    expect((await open({})).db.readMode).toBe('sync');
  },
  // A layer: a raw options string shows in the OPTIONS file.
  options: async (open) => {
    const { dir } = await open({ options: 'max_write_buffer_number=5;block_based_table_factory={block_restart_interval=8}' });
    const used = readUsedOptions(dir) ?? {};
    expect(used['CFOptions.default.max_write_buffer_number']).toBe('5');
    expect(used['TableOptions/BlockBasedTable.default.block_restart_interval']).toBe('8');
  },
  // A layer: a DB opened from another DB's OPTIONS file takes its options.
  optionsFile: async (open, tempDir) => {
    const first = await open({ options: 'max_write_buffer_number=5' });
    const copy = join(tempDir(), 'OPTIONS-copied');
    copyFileSync(newestOptionsFile(first.dir) as string, copy);
    const { dir } = await open({ optionsFile: copy });
    expect(readUsedOptions(dir)?.['CFOptions.default.max_write_buffer_number']).toBe('5');
  },
};

describe('every lsm knob reaches RocksDB', () => {
  const { open, tempDir } = useLsm();

  const options = LSM_KNOB_RECORDS.filter((k) => k.rocksdb !== undefined);
  it.each(options.map((k) => [k.name, k] as const))('%s shows in what RocksDB reports', async (_name, k) => {
    const option = k.rocksdb as RocksDbOption;
    const away = awayFromDefault(k);
    const observe = async (knobs: Record<string, KnobValue>): Promise<string | undefined> => {
      const { db, dir } = await open(Object.fromEntries(Object.entries(knobs).map(([n, v]) => [n, asText(v)])));
      return option.property ? String(db.db.intProperty(option.property)) : optionInFile(readUsedOptions(dir) ?? {}, option.path, option.section);
    };
    const set = await observe({ ...away.with, [k.name]: away.value });
    expect(sameValue(k, set, rocksdbText(option, away.value)), `lsm.${k.name}=${away.value}: RocksDB reports ${set}`).toBe(true);
    // Its default is RocksDB's own: what RocksDB reports when the knob is left alone.
    const left = await observe(away.with);
    if (k.default !== null) expect(sameValue(k, left, rocksdbText(option, k.default)), `lsm.${k.name} left alone: RocksDB reports ${left}`).toBe(true);
    else expect(left).not.toBe(set);
  });

  it('a block cache of 0 is no block cache', async () => {
    const { db, dir } = await open({ blockCacheSize: '0' });
    expect(readUsedOptions(dir)?.['TableOptions/BlockBasedTable.default.no_block_cache']).toBe('true');
    expect(db.db.intProperty('rocksdb.block-cache-capacity')).toBeNull();
  });

  const hooked = LSM_KNOB_RECORDS.filter((k) => k.applied !== undefined);
  it.each(hooked.map((k) => [k.name, k.applied] as const))('%s (%s) has an observable effect', async (name) => {
    const observation = HOOKED[name];
    if (!observation) throw new Error(`lsm.${name} reaches RocksDB through a hook no test observes: add it to HOOKED`);
    await observation(open, tempDir);
  });

  it('observes no knob twice and none that does not exist', () => {
    expect(Object.keys(HOOKED).sort()).toEqual(hooked.map((k) => k.name).sort());
    for (const name of Object.keys(AWAY)) expect(options.map((k) => k.name)).toContain(name);
  });
});
