// LSM (RocksDB) rules. Facts they rely on: docs/references.md, "RocksDB tuning guide and
// statistics" (RocksDB wiki: Write Stalls, RocksDB Tuning Guide, Setup Options and Basic
// Tuning): stalls come from too many L0 files (level0_slowdown/stop_writes_trigger), full
// memtables (max_write_buffer_number) and pending compaction bytes; L0 should be about L1's
// size (max_bytes_for_level_base ~ write_buffer_size x min_write_buffer_number_to_merge x
// level0_file_num_compaction_trigger); target_file_size_base ~ max_bytes_for_level_base / 10;
// a 10 bits/key bloom filter gives ~1 % false positives and saves reads of keys a file lacks.
// A knob the configuration leaves unset is at RocksDB's default, read from its knob record.

import { CHART_IDS } from '../../core/result/chart-ids.js';
import { lsmDefault, lsmKnob } from '../../backends/lsm/knobs.js';
import type { KnobValue } from '../../backends/types.js';
import { estimateLsm } from '../../backends/lsm/memory-estimate.js';
import { formatBytes } from '../../core/units.js';
import { knobNumber, type AdviceContext, type ConfigFacts } from './facts.js';
import type { ConfigRule, Suggestion } from './types.js';
import { formatShare } from '../../core/numbers.js';
import { parseFlinkMemorySize } from '../../core/flink/memory-size.js';
import { largerTaskManager, largerTaskManagerText } from './taskmanager-size.js';

const MiB = 1024 * 1024;
/** Share of the measured time writes spent stalled before a stall rule speaks. */
export const STALL_SHARE_MIN = 0.05;

/** The knob's value in the configuration, else RocksDB's default. */
function knob(f: ConfigFacts, name: string): number {
  return knobNumber(f, name) ?? lsmDefault(name);
}

function suggestion(knob: string, action: string, value: KnobValue, rationale: string, more: Record<string, KnobValue> = {}): Suggestion {
  return { knob, action, value, rationale, changes: { [knob]: value, ...more } };
}

/** True when the changed knobs still fit the budget (or there is none). */
export function fitsBudget(f: ConfigFacts, ctx: AdviceContext, changes: Readonly<Record<string, KnobValue>>): boolean {
  if (ctx.memoryBudgetBytes === null) return true;
  const est = estimateLsm({ ...f.knobs, ...changes }, { flinkBudgetBytes: null });
  return est.bytes === null || est.bytes <= ctx.memoryBudgetBytes;
}

/** lsm.boundedMemory: Flink's bound (a slot's managed memory, fixed-per-slot), or null without one. */
function flinkBound(f: ConfigFacts): number | null {
  const bound = knobNumber(f, 'boundedMemory');
  return bound !== null && bound > 0 ? bound : null;
}

/** The Flink key that sets a knob, as a Flink user writes it ("state.backend.rocksdb.memory.write-buffer-ratio: 0.75"). */
function flinkLine(knobName: string, value: KnobValue): string {
  return `state.backend.rocksdb.${lsmKnob(knobName).flink?.key ?? knobName}: ${String(value)}`;
}

/** The next value of a knob's bounded tune range above (or below) the current one, else null. */
function nextBounded(knobName: string, current: number, up: boolean): number | null {
  const values = (lsmKnob(knobName).tune?.bounded ?? []).map(Number).filter((v) => (up ? v > current : v < current)).sort((a, b) => (up ? a - b : b - a));
  return values[0] ?? null;
}

function stalled(f: ConfigFacts): boolean {
  return (f.stallShare ?? 0) >= STALL_SHARE_MIN && f.stalls !== null;
}

const stallEvidence = (f: ConfigFacts) => [
  { metric: 'stall share of measured time', value: f.stallShare, chart: CHART_IDS.timeline },
  { metric: 'stallMicros', value: f.stallMicros, chart: CHART_IDS.timeline },
  { metric: 'L0 stalls (count)', value: f.stalls?.l0 ?? null, chart: CHART_IDS.timeline },
  { metric: 'memtable stalls (count)', value: f.stalls?.memtable ?? null, chart: CHART_IDS.timeline },
  { metric: 'pending-compaction stalls (count)', value: f.stalls?.pendingCompaction ?? null, chart: CHART_IDS.timeline },
  { metric: 'max L0 files', value: f.metric('maxL0Files'), chart: CHART_IDS.timeline },
  { metric: 'throughput (ops/s)', value: f.opsPerSec, chart: CHART_IDS.throughput },
];

export const lsmStallL0: ConfigRule = {
  id: 'lsm-stall-l0',
  title: 'Writes stall on too many L0 files',
  backends: ['lsm'],
  when: (f) => stalled(f) && (f.stalls?.l0 ?? 0) > 0 && (f.stalls?.l0 ?? 0) >= (f.stalls?.pendingCompaction ?? 0),
  suggest: (f) => {
    const slow = knob(f, 'level0SlowdownWritesTrigger');
    const stop = knob(f, 'level0StopWritesTrigger');
    const trigger = knob(f, 'level0FileNumCompactionTrigger');
    // Never below RocksDB's own triggers.
    const newSlow = Math.max(lsmDefault('level0SlowdownWritesTrigger'), slow * 2, trigger * 5);
    const newStop = Math.max(lsmDefault('level0StopWritesTrigger'), stop * 2, newSlow + 16);
    return suggestion(
      'level0SlowdownWritesTrigger',
      'increase',
      newSlow,
      `L0 reached the slowdown trigger (${slow} files; compaction starts at ${trigger}) faster than L0->L1 compaction drains it. Raising the slowdown trigger to ${newSlow} and the stop trigger to ${newStop} lets L0 absorb write bursts; the cost is reads that check more L0 files and more L0 data to compact later.`,
      { level0StopWritesTrigger: newStop },
    );
  },
  evidence: stallEvidence,
};

export const lsmStallMemtable: ConfigRule = {
  id: 'lsm-stall-memtable',
  title: 'Writes stall waiting for memtable flushes',
  backends: ['lsm'],
  when: (f) => stalled(f) && (f.stalls?.memtable ?? 0) > 0,
  suggest: (f, ctx) => {
    const count = knob(f, 'maxWriteBufferNumber');
    const size = knob(f, 'writeBufferSize');
    // Under Flink's bound the write buffer manager flushes when the memtables fill its share of the
    // budget: a larger share, not more buffers, lets writes go on.
    const bound = flinkBound(f);
    const ratio = knob(f, 'writeBufferRatio');
    const higher = bound !== null ? nextBounded('writeBufferRatio', ratio, true) : null;
    if (bound !== null && higher !== null) {
      return suggestion(
        'writeBufferRatio',
        'increase',
        higher,
        `Writes stopped while memtables were flushed. Flink's write buffer manager gives the memtables 2/3 x ${ratio} of the ${formatBytes(bound)} budget (${formatBytes((2 * bound * ratio) / 3)}) and flushes when they fill it; ${flinkLine('writeBufferRatio', higher)} gives them ${formatBytes((2 * bound * higher) / 3)} of the same budget, at the cost of block cache room.`,
      );
    }
    const more = { maxWriteBufferNumber: Math.max(4, count * 2) };
    if (fitsBudget(f, ctx, more)) {
      return suggestion(
        'maxWriteBufferNumber',
        'increase',
        more.maxWriteBufferNumber,
        `All ${count} write buffers were full while a flush ran, so writes stopped. ${more.maxWriteBufferNumber} buffers let writes continue during flushes, at ${formatBytes(size * (more.maxWriteBufferNumber - count))} more memtable memory.`,
      );
    }
    const jobs = knob(f, 'maxBackgroundJobs');
    if (jobs < ctx.cpuCount) {
      return suggestion('maxBackgroundJobs', 'increase', ctx.cpuCount, `Memtables fill faster than ${jobs} background jobs flush them and the memory budget leaves no room for more write buffers: give flushes more threads (${ctx.cpuCount} cores).`);
    }
    return null;
  },
  evidence: stallEvidence,
};

export const lsmStallPendingCompaction: ConfigRule = {
  id: 'lsm-stall-pending-compaction',
  title: 'Writes stall on pending compaction bytes',
  backends: ['lsm'],
  when: (f) => stalled(f) && (f.stalls?.pendingCompaction ?? 0) > 0,
  suggest: (f, ctx) => {
    const jobs = knob(f, 'maxBackgroundJobs');
    if (jobs < ctx.cpuCount) {
      return suggestion('maxBackgroundJobs', 'increase', ctx.cpuCount, `Compaction debt passed the pending-compaction limits. More background jobs (${ctx.cpuCount}, one per core) compact in parallel.`);
    }
    if (f.knobs.compactionStyle === 'level') {
      return suggestion('compactionStyle', 'set', 'universal', `Compaction debt passed the pending-compaction limits with every core already compacting. Universal (tiered) compaction rewrites data fewer times: lower write amplification and debt, at the cost of up to 2x space amplification and slower reads of cold keys.`);
    }
    return null;
  },
  evidence: (f) => [...stallEvidence(f), { metric: 'max pending compaction bytes', value: f.metric('maxPendingCompactionBytes'), chart: CHART_IDS.timeline }],
};

/** The block cache's capacity: under lsm.boundedMemory M (Flink's bound), (3 - r) x M / 3 of it, else blockCacheSize. */
export function cacheBytes(f: ConfigFacts): number {
  const bound = knobNumber(f, 'boundedMemory');
  return bound !== null && bound > 0 ? Math.floor(((3 - knob(f, 'writeBufferRatio')) * bound) / 3) : knob(f, 'blockCacheSize');
}

export const lsmBlockCacheLow: ConfigRule = {
  id: 'lsm-block-cache-low',
  title: 'Block cache hit ratio low with a working set larger than the cache',
  backends: ['lsm'],
  when: (f) => {
    const cache = cacheBytes(f);
    const working = f.metric('sstBytes');
    return f.shape.reads >= 0.2 && f.blockCacheHitRatio !== null && f.blockCacheHitRatio < 0.8 && working !== null && working > cache;
  },
  suggest: (f, ctx) => {
    const cache = cacheBytes(f);
    const working = f.metric('sstBytes') ?? cache;
    // Blocks are cached uncompressed: room for the data as stored plus half again.
    let target = Math.ceil((working * 1.5) / MiB) * MiB;
    if (ctx.memoryBudgetBytes !== null) {
      const others = (estimateLsm({ ...f.knobs, blockCacheSize: 0 }, { flinkBudgetBytes: null }).bytes ?? 0);
      target = Math.min(target, Math.floor((ctx.memoryBudgetBytes - others) / MiB) * MiB);
    }
    if (target <= cache) return null;
    const found = `Only ${formatShare(f.blockCacheHitRatio)} of block lookups hit the ${formatBytes(cache)} cache while the SST files hold ${formatBytes(working)}: reads go to the OS page cache or disk and decompress each time.`;
    const bound = knobNumber(f, 'boundedMemory');
    if (bound === null || bound <= 0) {
      return suggestion('blockCacheSize', 'increase', target, `${found} A ${formatBytes(target)} cache holds the working set${ctx.memoryBudgetBytes !== null ? ' within the memory budget' : ''}.`);
    }
    // Under Flink's bound the cache is its share of the slot's memory: more cache is a larger
    // bound, and inside a TaskManager never more than the TaskManager has: a larger one.
    const budget = Math.ceil((bound * target) / cache / MiB) * MiB;
    const tm = f.memory;
    const source = tm?.bound?.kind === 'managed' ? `the slot's managed memory in the ${tm.taskManager} TaskManager` : "Flink's memory bound";
    const where = `Flink sizes this cache from ${source} (${formatBytes(bound)}); a ${formatBytes(target)} cache, which holds the working set, takes ${formatBytes(budget)} per slot`;
    const processBytes = tm ? (parseFlinkMemorySize(tm.taskManager) ?? ctx.document.plan.taskManagers?.find((t) => t.processSize === tm.taskManager)?.processBytes ?? null) : null;
    const how =
      tm?.bound?.kind === 'managed' && processBytes !== null
        ? largerTaskManagerText(largerTaskManager(processBytes, tm.slots, budget), tm.taskManager)
        : `state.backend.rocksdb.memory.fixed-per-slot: ${Math.round(budget / MiB)}m`;
    const lower = f.shape.writes < 0.2 ? nextBounded('writeBufferRatio', knob(f, 'writeBufferRatio'), false) : null;
    const sameMemory = lower !== null ? ` Within the same memory, ${flinkLine('writeBufferRatio', lower)} leaves more of the cache to blocks (the writes are ${formatShare(f.shape.writes)} of the operations).` : '';
    return suggestion('boundedMemory', 'increase', budget, `${found} ${where}: ${how}.${sameMemory}`);
  },
  evidence: (f) => [
    { metric: 'block cache hit ratio', value: f.blockCacheHitRatio, chart: CHART_IDS.knobSweep },
    { metric: 'block cache capacity (bytes)', value: knobNumber(f, 'blockCacheSize'), chart: null },
    { metric: 'SST bytes (working set)', value: f.metric('sstBytes'), chart: CHART_IDS.amplification },
    { metric: 'read share of ops', value: f.shape.reads, chart: null },
  ],
};

/** Share of block cache misses that were index or filter blocks before a rule speaks. */
export const INDEX_FILTER_MISS_SHARE_MIN = 0.3;

export const lsmIndexFilterMisses: ConfigRule = {
  id: 'lsm-index-filter-misses',
  title: "Index and filter blocks miss Flink's cache",
  backends: ['lsm'],
  when: (f) => flinkBound(f) !== null && f.shape.reads >= 0.2 && (f.metric('blockCacheIndexFilterMissShare') ?? 0) >= INDEX_FILTER_MISS_SHARE_MIN && (f.blockCacheHitRatio ?? 1) < 0.95,
  suggest: (f) => {
    const share = formatShare(f.metric('blockCacheIndexFilterMissShare'));
    const found = `Index and filter blocks were ${share} of the block cache misses: under Flink's bound they live in the shared cache, in its high-priority pool, and are evicted with the data when the pool is full.`;
    const higher = nextBounded('highPriPoolRatio', knob(f, 'highPriPoolRatio'), true);
    if (higher !== null) {
      return suggestion('highPriPoolRatio', 'increase', higher, `${found} ${flinkLine('highPriPoolRatio', higher)} keeps more of them cached (the pool's share of the same cache); state.backend.rocksdb.memory.partitioned-index-filters: true is the other way, caching only the partitions in use.`);
    }
    if (f.knobs.partitionedIndexFilters !== true) {
      return suggestion('partitionedIndexFilters', 'set', true, `${found} ${flinkLine('partitionedIndexFilters', true)} splits them into partitions cached as data blocks are, with only the top level pinned.`);
    }
    return null;
  },
  evidence: (f) => [
    { metric: 'index and filter share of cache misses', value: f.metric('blockCacheIndexFilterMissShare'), chart: null },
    { metric: 'block cache hit ratio', value: f.blockCacheHitRatio, chart: CHART_IDS.knobSweep },
    { metric: 'high-prio-pool-ratio', value: knobNumber(f, 'highPriPoolRatio'), chart: null },
  ],
};

/** Point lookups that found nothing: keys read minus the hits RocksDB counted per memtable and level. */
export function getMissRatio(f: ConfigFacts): number | null {
  const cell = f.cells[0];
  const t = (cell?.engine?.raw.tickers ?? {}) as Record<string, number>;
  const read = t['rocksdb.number.keys.read'];
  if (!read) return null;
  const found = (t['rocksdb.memtable.hit'] ?? 0) + (t['rocksdb.l0.hit'] ?? 0) + (t['rocksdb.l1.hit'] ?? 0) + (t['rocksdb.l2andup.hit'] ?? 0);
  return Math.max(0, read - found) / read;
}

export const lsmBloomMissing: ConfigRule = {
  id: 'lsm-bloom-missing',
  title: 'Point reads that miss, without a bloom filter',
  backends: ['lsm'],
  when: (f) => knob(f, 'bloomBitsPerKey') === 0 && f.shape.pointReads >= 0.1 && (getMissRatio(f) ?? 0) >= 0.1,
  suggest: () =>
    suggestion('bloomBitsPerKey', 'set', 10, 'Without a filter every lookup of an absent key reads an index and a data block in each sorted run it could be in. A 10 bits/key bloom filter (about 1 % false positives) answers most of those from memory, for about 1.25 bytes per key.'),
  evidence: (f) => [
    { metric: 'point-read share of ops', value: f.shape.pointReads, chart: null },
    { metric: 'reads that found no key (share)', value: getMissRatio(f), chart: null },
    { metric: 'read p50 (µs)', value: f.latency((n) => /read|get/.test(n), 'p50'), chart: CHART_IDS.latencySpectrum },
  ],
};

export const lsmWriteAmpHigh: ConfigRule = {
  id: 'lsm-write-amp-high',
  title: 'High write amplification on a write-heavy mix',
  backends: ['lsm'],
  when: (f) => f.shape.writes >= 0.5 && (f.writeAmp ?? 0) >= 10,
  suggest: (f, ctx) => {
    const size = knob(f, 'writeBufferSize');
    const rocksdbDefault = lsmDefault('writeBufferSize');
    if (size < rocksdbDefault && fitsBudget(f, ctx, { writeBufferSize: rocksdbDefault })) {
      return suggestion('writeBufferSize', 'increase', rocksdbDefault, `Each byte written was rewritten ${num(f.writeAmp)} times by flushes and compactions. ${formatBytes(size)} write buffers flush many small L0 files that are compacted again and again; ${rocksdbDefault / MiB} MiB buffers (RocksDB's default) absorb overwrites in memory and flush fewer, larger files.`);
    }
    if (f.knobs.compactionStyle === 'level') {
      return suggestion('compactionStyle', 'set', 'universal', `Each byte written was rewritten ${num(f.writeAmp)} times. Universal (tiered) compaction merges sorted runs of similar size and rewrites data fewer times than leveled compaction; it costs up to 2x space and slower reads of cold keys.`);
    }
    return null;
  },
  evidence: (f) => [
    { metric: 'write amplification', value: f.writeAmp, chart: CHART_IDS.amplification },
    { metric: 'write share of ops', value: f.shape.writes, chart: null },
    { metric: 'compaction bytes written', value: f.metric('compactionBytesWritten'), chart: CHART_IDS.amplification },
  ],
};

/** How far apart two sizes may be before a sizing rule speaks. */
export const SIZING_FACTOR = 4;

function l0TargetBytes(f: ConfigFacts): number {
  return knob(f, 'writeBufferSize') * knob(f, 'minWriteBufferNumberToMerge') * knob(f, 'level0FileNumCompactionTrigger');
}

export const lsmL0L1Sizing: ConfigRule = {
  id: 'lsm-l0-l1-sizing',
  title: 'L0 sized far from L1',
  backends: ['lsm'],
  when: (f) => {
    if (f.knobs.compactionStyle !== 'level' || f.shape.writes < 0.05) return false;
    const base = knob(f, 'maxBytesForLevelBase');
    const l0 = l0TargetBytes(f);
    return base > l0 * SIZING_FACTOR || l0 > base * SIZING_FACTOR;
  },
  suggest: (f) => {
    const l0 = Math.max(MiB, l0TargetBytes(f));
    return suggestion('maxBytesForLevelBase', 'set', l0, `L0 compacts into L1 when it holds write_buffer_size x min_write_buffer_number_to_merge x level0_file_num_compaction_trigger = ${formatBytes(l0)}, while L1's target is ${formatBytes(knob(f, 'maxBytesForLevelBase'))}. The tuning guide keeps them about equal, so an L0->L1 compaction rewrites about as much L1 data as it brings from L0.`);
  },
  evidence: (f) => [
    { metric: 'L0 size at the compaction trigger (bytes)', value: l0TargetBytes(f), chart: null },
    { metric: 'max_bytes_for_level_base (bytes)', value: knobNumber(f, 'maxBytesForLevelBase'), chart: null },
    { metric: 'write amplification', value: f.writeAmp, chart: CHART_IDS.amplification },
  ],
};

export const lsmTargetFileSize: ConfigRule = {
  id: 'lsm-target-file-size',
  title: 'target_file_size_base far from max_bytes_for_level_base / 10',
  backends: ['lsm'],
  when: (f) => {
    if (f.knobs.compactionStyle !== 'level' || f.shape.writes < 0.05) return false;
    const target = knob(f, 'targetFileSizeBase');
    const ideal = knob(f, 'maxBytesForLevelBase') / 10;
    return target > ideal * SIZING_FACTOR || ideal > target * SIZING_FACTOR;
  },
  suggest: (f) => {
    // Never below what the knob accepts.
    const ideal = Math.max(lsmKnob('targetFileSizeBase').min ?? 0, Math.round(knob(f, 'maxBytesForLevelBase') / 10 / 65536) * 65536);
    return suggestion('targetFileSizeBase', 'set', ideal, `With L1 at ${formatBytes(knob(f, 'maxBytesForLevelBase'))}, files of ${formatBytes(ideal)} give L1 about ten files: compactions stay small and pick precise key ranges (the tuning guide's max_bytes_for_level_base / 10).`);
  },
  evidence: (f) => [
    { metric: 'target_file_size_base (bytes)', value: knobNumber(f, 'targetFileSizeBase'), chart: null },
    { metric: 'max_bytes_for_level_base (bytes)', value: knobNumber(f, 'maxBytesForLevelBase'), chart: null },
  ],
};

export const lsmBackgroundJobs: ConfigRule = {
  id: 'lsm-background-jobs',
  title: 'Too few background jobs for the cores',
  backends: ['lsm'],
  when: (f, ctx) => {
    const jobs = knob(f, 'maxBackgroundJobs');
    const pressure = (f.stallShare ?? 0) >= 0.01 || (f.metric('maxPendingCompactionBytes') ?? 0) >= 64 * MiB;
    return jobs < Math.min(ctx.cpuCount, 16) && f.shape.writes >= 0.2 && pressure;
  },
  suggest: (f, ctx) =>
    suggestion('maxBackgroundJobs', 'increase', Math.min(ctx.cpuCount, 16), `Flushes and compactions share ${knob(f, 'maxBackgroundJobs')} threads on a ${ctx.cpuCount}-core machine while compaction falls behind; one job per core lets them run in parallel (foreground threads compete for the same cores).`),
  evidence: (f, ctx) => [
    { metric: 'max_background_jobs', value: knobNumber(f, 'maxBackgroundJobs'), chart: null },
    { metric: 'cores', value: ctx.cpuCount, chart: null },
    { metric: 'max pending compaction bytes', value: f.metric('maxPendingCompactionBytes'), chart: CHART_IDS.timeline },
    { metric: 'stall share of measured time', value: f.stallShare, chart: CHART_IDS.timeline },
  ],
};

function num(x: number | null): string {
  return x === null ? '?' : x.toFixed(1);
}

export const LSM_RULES: readonly ConfigRule[] = [
  lsmStallL0,
  lsmStallMemtable,
  lsmStallPendingCompaction,
  lsmBlockCacheLow,
  lsmIndexFilterMisses,
  lsmBloomMissing,
  lsmWriteAmpHigh,
  lsmL0L1Sizing,
  lsmTargetFileSize,
  lsmBackgroundJobs,
];
