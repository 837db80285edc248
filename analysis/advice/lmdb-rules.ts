// LMDB (lmdb-js) rules. Facts (docs/references.md, "LMDB through lmdb-js"): writes commit in
// batches; noSync skips the fsync at commit (a machine crash can lose recent commits), noMetaSync
// only the meta-page fsync; useWritemap is fast with noSync and slow with sync; a set mapSize is
// a hard limit (the backend enforces it).

import { CHART_IDS } from '../../core/result/chart-ids.js';
import { formatBytes } from '../../core/units.js';
import { knobNumber, type ConfigFacts } from './facts.js';
import type { ConfigRule, Suggestion } from './types.js';

// One reading of operations for every rule (the document's kinds, else operations.ts): a window
// fire's batch delete commits like any other write.
const writeOp = (f: ConfigFacts) => (name: string): boolean => f.classify(name).write;

/** Share of the timed time spent in writes, from which the sync rule speaks. */
export const SYNC_WRITE_TIME_SHARE = 0.6;

export const lmdbSyncCommits: ConfigRule = {
  id: 'lmdb-sync-commits',
  title: 'Synchronous commits dominate write latency',
  backends: ['lmdb'],
  when: (f) => {
    if (f.knobs.noSync === true || f.shape.writes < 0.1) return false;
    const isWriteOp = writeOp(f);
    const writeP50 = f.latency(isWriteOp, 'p50');
    const readP50 = f.latency((n) => !isWriteOp(n), 'p50');
    const share = f.timeShare(isWriteOp);
    return share !== null && share >= SYNC_WRITE_TIME_SHARE && (readP50 === null || (writeP50 ?? 0) >= 5 * readP50);
  },
  suggest: (f): Suggestion => {
    const batch = knobNumber(f, 'writeBatchOps') ?? 1;
    if (f.knobs.writePath === 'sync' && batch < 100) {
      return {
        knob: 'writeBatchOps',
        action: 'increase',
        value: 100,
        rationale: `Each of the sync path's transactions of ${batch} write(s) ends in an fsync. 100 writes per transaction share one fsync. Durability: the commit is still durable when it returns, but a crash loses every write of the transaction in progress (up to 100), where before it lost at most ${batch}.`,
        changes: { writeBatchOps: 100 },
      };
    }
    return {
      knob: 'noSync',
      action: 'set',
      value: true,
      rationale: 'Writes wait for commits that fsync the data and meta pages. noSync skips the fsync: commits return at memory speed. Durability cost: a machine or OS crash (not a process crash) can lose or corrupt the commits of the last seconds; acceptable only where state is rebuilt from a checkpoint anyway (as Flink does), otherwise use noMetaSync (loses at most the last commit, no corruption).',
      changes: { noSync: true },
    };
  },
  evidence: (f) => [
    { metric: 'write time share of timed ops', value: f.timeShare(writeOp(f)), chart: CHART_IDS.latencySpectrum },
    { metric: 'write p50 (µs)', value: f.latency(writeOp(f), 'p50'), chart: CHART_IDS.latencySpectrum },
    { metric: 'read p50 (µs)', value: f.latency((n) => !writeOp(f)(n), 'p50'), chart: CHART_IDS.latencySpectrum },
    { metric: 'commits', value: f.metric('commits'), chart: null },
  ],
};

export const MAP_FULL_RATIO = 0.8;

export const lmdbMapNearlyFull: ConfigRule = {
  id: 'lmdb-map-nearly-full',
  title: 'The LMDB map is nearly full',
  backends: ['lmdb'],
  when: (f) => f.metric('mapSizeLimitBytes') !== null && (f.metric('mapUsageRatio') ?? 0) >= MAP_FULL_RATIO,
  suggest: (f) => {
    const used = f.metric('usedBytes') ?? 0;
    const target = Math.ceil((used * 2) / (1024 * 1024)) * 1024 * 1024;
    return {
      knob: 'mapSize',
      action: 'increase',
      value: target,
      purpose: 'capacity',
      rationale: `The data uses ${formatBytes(used)}, ${((f.metric('mapUsageRatio') ?? 0) * 100).toFixed(0)} % of the ${formatBytes(f.metric('mapSizeLimitBytes') ?? 0)} map; writes fail with "map full" once it is reached. The map is address space, not memory: ${formatBytes(target)} (twice the data) costs nothing until it is used.`,
      changes: { mapSize: target },
    };
  },
  evidence: (f) => [
    { metric: 'map usage ratio', value: f.metric('mapUsageRatio'), chart: null },
    { metric: 'used bytes', value: f.metric('usedBytes'), chart: null },
    { metric: 'map size limit (bytes)', value: f.metric('mapSizeLimitBytes'), chart: null },
  ],
};

export const lmdbWritemap: ConfigRule = {
  id: 'lmdb-writemap',
  title: 'Writemap on a write-heavy mix',
  backends: ['lmdb'],
  // With sync commits writemap measured slower on Linux (an observation, not the lmdb-js README's;
  // docs/references.md, "LMDB through lmdb-js"): only suggested with noSync.
  when: (f) => f.shape.writes >= 0.5 && f.knobs.useWritemap !== true && f.knobs.noSync === true,
  suggest: () => ({
    knob: 'useWritemap',
    action: 'set',
    value: true,
    rationale: 'With noSync, writing through the writable memory map saves a copy per page written (no write() calls). Not with sync commits, where it is slower on Linux. A stray write through a pointer into the map could corrupt the file (lmdb-js guards its own).',
    changes: { useWritemap: true },
  }),
  evidence: (f) => [
    { metric: 'write share of ops', value: f.shape.writes, chart: null },
    { metric: 'throughput (ops/s)', value: f.opsPerSec, chart: CHART_IDS.throughput },
  ],
};

export const LMDB_RULES: readonly ConfigRule[] = [lmdbSyncCommits, lmdbMapNearlyFull, lmdbWritemap];
