import { describe, expect, it } from 'vitest';
import { createRng } from '../../core/rng.js';
import { estimateLsm } from '../../backends/lsm/memory-estimate.js';
import { LMDB_KNOB_RECORDS } from '../../backends/lmdb/knobs.js';
import { LSM_KNOB_RECORDS, LSM_KNOBS } from '../../backends/lsm/knobs.js';
import { parseKnobValue } from '../../backends/resolve-knobs.js';
import { changesDurability, key, sampleConfigs, spaceFor, type SearchSpace } from './space.js';

const lsmSpace = (relax: boolean): SearchSpace => spaceFor('lsm', relax) as SearchSpace;
const lmdbSpace = (relax: boolean): SearchSpace => spaceFor('lmdb', relax) as SearchSpace;

const MiB = 1024 * 1024;
const defaults = Object.fromEntries(LSM_KNOBS.map((k) => [k.name, k.default]));

describe('tune search space', () => {
  it('samples distinct LSM configurations that fit the budget, with consistent triggers', () => {
    const configs = sampleConfigs(lsmSpace(false), 40, createRng(1), 256 * MiB);
    expect(configs.length).toBe(40);
    expect(new Set(configs.map(key)).size).toBe(40);
    for (const c of configs) {
      expect(estimateLsm({ ...defaults, ...c }, { flinkBudgetBytes: null }).bytes).toBeLessThanOrEqual(256 * MiB);
      expect(Number(c.level0StopWritesTrigger)).toBeGreaterThan(Number(c.level0SlowdownWritesTrigger));
      expect(Number(c.minWriteBufferNumberToMerge)).toBeLessThan(Number(c.maxWriteBufferNumber));
    }
  });
  it('is seeded: the same seed gives the same candidates', () => {
    expect(sampleConfigs(lsmSpace(false), 5, createRng(9), null).map(key)).toEqual(sampleConfigs(lsmSpace(false), 5, createRng(9), null).map(key));
  });
  it('keeps durability as the defaults have it unless relaxed', () => {
    expect(lsmSpace(false).axes.walEnabled).toBeUndefined();
    expect(lmdbSpace(false).axes.noSync).toBeUndefined();
    expect(lmdbSpace(true).axes.noSync).toEqual([false, true]);
  });
  it("names the changes that trade durability (the rules' noSync is one)", () => {
    expect(changesDurability('lmdb', { noSync: true })).toBe(true);
    expect(changesDurability('lsm', { walEnabled: false })).toBe(true);
    expect(changesDurability('lmdb', { writeBatchOps: 100 })).toBe(false);
  });
  it('draws the axes of the knob records, each value one the knob accepts, in a fixed order', () => {
    for (const [backend, records] of [['lsm', LSM_KNOB_RECORDS], ['lmdb', LMDB_KNOB_RECORDS]] as const) {
      const tuned = records.filter((k) => k.tune);
      expect(new Set(tuned.map((k) => k.tune?.draw)).size, `${backend}: draw positions are distinct`).toBe(tuned.length);
      for (const k of tuned) for (const v of k.tune?.values ?? []) expect(parseKnobValue(backend, k, String(v))).toEqual(v);
    }
    expect(Object.keys(lsmSpace(true).axes)).toEqual(['writeBufferSize', 'maxWriteBufferNumber', 'minWriteBufferNumberToMerge', 'blockCacheSize', 'blockSize', 'bloomBitsPerKey', 'compression', 'compactionStyle', 'level0FileNumCompactionTrigger', 'level0SlowdownWritesTrigger', 'maxBackgroundJobs', 'cacheIndexAndFilterBlocks', 'walEnabled']);
    expect(Object.keys(lmdbSpace(false).axes)).toEqual(['writePath', 'writeBatchOps', 'commitDelay', 'eventTurnBatching', 'pageSize', 'cache', 'noMetaSync']);
    expect(lmdbSpace(false).axes.noMetaSync).toEqual([false]);
  });
});
