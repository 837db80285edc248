// How `statebench tune` searches RocksDB (BackendTuning): the knob records' tune ranges, derived
// knobs kept consistent, the memory the budget counts, one-knob moves along each bottleneck the
// defaults' cells measured, Flink's predefined option sets, and the winner as RocksDB and Flink
// configuration.

import { formatBytes } from '../../core/units.js';
import type { BackendTuning, BottleneckKind, KnobValue, MoveContext, TuneConfig, TuneMove } from '../types.js';
import { LSM_KNOB_RECORDS, lsmDefault, PRESETS } from './knobs.js';
import { estimateLsm } from './memory-estimate.js';
import { flinkKeys, rocksdbOptionsFile, rocksdbOptionsString } from './paste-forms.js';

/** RocksDB stops writes at the stop trigger: keep it above the sampled slowdown trigger. */
function complete(c: Record<string, KnobValue>): Record<string, KnobValue> {
  const slow = Number(c.level0SlowdownWritesTrigger ?? lsmDefault('level0SlowdownWritesTrigger'));
  const out: Record<string, KnobValue> = { ...c, level0StopWritesTrigger: Math.max(lsmDefault('level0StopWritesTrigger'), slow + 16) };
  if (Number(c.minWriteBufferNumberToMerge ?? lsmDefault('minWriteBufferNumberToMerge')) >= Number(c.maxWriteBufferNumber ?? lsmDefault('maxWriteBufferNumber'))) {
    out.minWriteBufferNumberToMerge = lsmDefault('minWriteBufferNumberToMerge');
  }
  return out;
}

/** Under Flink's bound: the cache and the write buffers are shares of one budget, moved by their ratios. */
function boundedMovesAlong(b: Exclude<BottleneckKind, 'compaction CPU'>, base: TuneConfig, ctx: MoveContext, add: (origin: string, knobs: TuneConfig) => void): void {
  const ratio = ctx.numberOf(base, 'writeBufferRatio');
  const lower = [...ctx.axis('writeBufferRatio')].map(Number).filter((r) => r < ratio).sort((x, y) => y - x)[0];
  const higher = [...ctx.axis('writeBufferRatio')].map(Number).filter((r) => r > ratio).sort((x, y) => x - y)[0];
  switch (b) {
    case 'cache misses':
      // A smaller write buffer share leaves more of the one cache to blocks.
      if (lower !== undefined) add(`write-buffer-ratio ${lower}: more of the cache for blocks`, { ...base, writeBufferRatio: lower });
      add('bloom filter 10 bits/key', { ...base, bloomBitsPerKey: 10 });
      add('high-prio-pool-ratio 0.2: room for index and filter blocks', { ...base, highPriPoolRatio: 0.2 });
      add('partitioned index and filters', { ...base, partitionedIndexFilters: true });
      break;
    case 'write stalls':
      if (higher !== undefined) add(`write-buffer-ratio ${higher}: more of the budget for write buffers`, { ...base, writeBufferRatio: higher });
      add('L0 slowdown trigger 40', { ...base, level0SlowdownWritesTrigger: 40 });
      add(`${Math.max(4, ctx.cores)} background jobs`, { ...base, maxBackgroundJobs: Math.max(4, ctx.cores) });
      break;
    case 'write amplification':
      if (higher !== undefined) add(`write-buffer-ratio ${higher}`, { ...base, writeBufferRatio: higher });
      add('universal compaction', { ...base, compactionStyle: 'universal' });
      break;
  }
}

function movesAlong(b: BottleneckKind, base: TuneConfig, ctx: MoveContext): TuneMove[] {
  const out: TuneMove[] = [];
  const add = (origin: string, knobs: TuneConfig): void => {
    out.push({ origin, knobs });
  };
  if (b === 'compaction CPU') {
    // Memory plays no part: the same moves with or without Flink's bound.
    add('lz4 compression', { ...base, compression: 'lz4' });
    add('no compression', { ...base, compression: 'none' });
    add('universal compaction', { ...base, compactionStyle: 'universal' });
    return out;
  }
  if (ctx.bounded) {
    boundedMovesAlong(b, base, ctx, add);
    return out;
  }
  switch (b) {
    case 'cache misses': {
      const cache = ctx.largestFitting(base, 'blockCacheSize');
      if (cache !== null && Number(cache) > ctx.numberOf(base, 'blockCacheSize')) add(`block cache ${formatBytes(Number(cache))}`, { ...base, blockCacheSize: cache });
      // Smaller write buffers leave the budget to the cache.
      const lean = { ...base, writeBufferSize: 16 * 1024 * 1024 };
      const leanCache = ctx.largestFitting(lean, 'blockCacheSize');
      if (leanCache !== null && leanCache !== cache) add(`16 MiB write buffers, block cache ${formatBytes(Number(leanCache))}`, { ...lean, blockCacheSize: leanCache });
      add('bloom filter 10 bits/key', { ...base, bloomBitsPerKey: 10 });
      if (cache !== null) add(`block cache ${formatBytes(Number(cache))} and bloom filter 10 bits/key`, { ...base, blockCacheSize: cache, bloomBitsPerKey: 10 });
      break;
    }
    case 'write stalls':
      add('4 write buffers', { ...base, maxWriteBufferNumber: 4 });
      add('L0 slowdown trigger 40', { ...base, level0SlowdownWritesTrigger: 40 });
      add(`${Math.max(4, ctx.cores)} background jobs`, { ...base, maxBackgroundJobs: Math.max(4, ctx.cores) });
      break;
    case 'write amplification': {
      const wb = ctx.numberOf(base, 'writeBufferSize') * 2;
      if (ctx.axis('writeBufferSize').includes(wb)) add(`write buffer ${formatBytes(wb)}`, { ...base, writeBufferSize: wb });
      add('universal compaction', { ...base, compactionStyle: 'universal' });
      break;
    }
  }
  return out;
}

export const LSM_TUNING: BackendTuning = {
  records: LSM_KNOB_RECORDS,
  complete,
  memoryBytes: (c) => estimateLsm(c, { flinkBudgetBytes: null }).bytes,
  movesAlong,
  bottleneckAxes: {
    'cache misses': ['blockCacheSize', 'writeBufferRatio', 'highPriPoolRatio', 'partitionedIndexFilters', 'bloomBitsPerKey', 'blockSize', 'writeBufferSize', 'cacheIndexAndFilterBlocks'],
    'write stalls': ['maxWriteBufferNumber', 'writeBufferRatio', 'level0SlowdownWritesTrigger', 'maxBackgroundJobs', 'writeBufferSize'],
    'write amplification': ['writeBufferSize', 'writeBufferRatio', 'compactionStyle', 'level0FileNumCompactionTrigger', 'minWriteBufferNumberToMerge'],
    'compaction CPU': ['compression', 'compactionStyle', 'level0FileNumCompactionTrigger', 'maxBackgroundJobs'],
  },
  // Flink's predefined option sets that change something.
  presets: PRESETS.filter((p) => p !== 'none' && p !== 'flink-default').map((p) => ({ origin: `Flink preset ${p}`, knobs: { preset: p } })),
  // Under Flink's bound the Flink keys are the form (the cache and the write buffer manager come from
  // managed memory, which no options string or OPTIONS file sets).
  pasteForms: (w, bounded) =>
    bounded
      ? ['Flink (config.yaml), managed memory kept on:', flinkKeys(w, true)]
      : ['RocksDB options string:', `  ${rocksdbOptionsString(w)}`, '', 'OPTIONS file fragment:', rocksdbOptionsFile(w), '', 'Flink (config.yaml):', flinkKeys(w, false)],
};
