// Synthetic but schema-valid result documents for the reporters' tests and benchmark, until real
// runs exist. The numbers follow a toy model (a smaller LSM write buffer fills L0 faster and
// stalls more; stalls cut throughput and spike the tail) so charts show recognisable shapes.
// Every document is checked with ResultDocumentSchema.parse before it is returned.

import * as hdr from 'hdr-histogram-js';
import {
  ResultDocumentSchema,
  type CellResult,
  type OperationResult,
  type PhaseResult,
  type Recommendation,
  type ResultDocument,
  type TimePoint,
} from '../../core/result/schema.js';
import { createRng, type Rng } from '../../core/rng.js';
import { summarise } from '../../harness/recorder/histogram.js';
import { createHistogram } from '../../harness/recorder/histogram.js';

type Knobs = Record<string, number | string | boolean | null>;

export interface FixtureOptions {
  seed?: number;
  backends?: readonly string[];
  workloads?: readonly string[];
  /** Swept knobs per backend: { lsm: { writeBufferSize: [..] } }; every combination is a configuration. */
  sweep?: Readonly<Record<string, Readonly<Record<string, readonly (number | string | boolean)[]>>>>;
  repeats?: number;
  /** Interval samples per cell. */
  intervals?: number;
  /** Encode HDR histograms (true) or leave hdr null (documents from tools that drop them). */
  withHdr?: boolean;
  /** Add one errored and one skipped cell. */
  withFailures?: boolean;
  withRecommendations?: boolean;
}

const MiB = 1024 * 1024;

const DEFAULT_KNOBS: Record<string, Knobs> = {
  heap: { initialCapacity: 1024, snapshotMode: 'copy-on-write' },
  lmdb: { noSync: true, pageSize: 4096, mapSize: 1024 * MiB, compression: false },
  lsm: {
    writeBufferSize: 64 * MiB,
    maxWriteBufferNumber: 2,
    blockCacheSize: 8 * MiB,
    level0SlowdownWritesTrigger: 20,
    level0StopWritesTrigger: 36,
    compression: 'snappy',
    bloomBitsPerKey: 0,
  },
};

const BASE_OPS: Record<string, number> = { heap: 2_000_000, lmdb: 450_000, lsm: 160_000 };
const BASE_LATENCY_US: Record<string, number> = { heap: 0.35, lmdb: 2.2, lsm: 6 };
const WORKLOAD_OPS: Record<string, readonly [string, number][]> = {
  'ycsb-a': [['read', 0.5], ['update', 0.5]],
  'ycsb-b': [['read', 0.95], ['update', 0.05]],
  'flink-value-state': [['get', 0.5], ['put', 0.5]],
};

function combinations(knobs: Readonly<Record<string, readonly (number | string | boolean)[]>>): Knobs[] {
  let out: Knobs[] = [{}];
  for (const [name, values] of Object.entries(knobs)) {
    out = out.flatMap((partial) => values.map((v) => ({ ...partial, [name]: v })));
  }
  return out;
}

function gaussian(rng: Rng): number {
  const u = Math.max(rng.next(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.next());
}

/** An HDR histogram of `count` latencies around `medianUs`, with a heavier tail when `tail` > 1. */
function latencyHistogram(rng: Rng, medianUs: number, tail: number, count: number, withHdr: boolean): Pick<OperationResult, 'latencyUs' | 'hdr'> {
  const h = createHistogram();
  const samples = 400;
  const per = Math.max(1, Math.floor(count / samples));
  for (let i = 0; i < samples; i++) {
    const z = gaussian(rng);
    const spike = rng.next() < 0.01 ? tail * (5 + 20 * rng.next()) : 1;
    const us = medianUs * Math.exp(0.35 * z) * spike;
    h.recordValueWithCount(Math.max(1, Math.round(us * 1000)), per);
  }
  const latencyUs = summarise(h);
  return { latencyUs, hdr: withHdr ? hdr.encodeIntoCompressedBase64(h) : null };
}

interface CellModel {
  backend: string;
  knobs: Knobs;
  workload: string;
  repeat: number;
}

function simulatePhase(rng: Rng, m: CellModel, intervals: number, withHdr: boolean): { phase: PhaseResult; stallFraction: number } {
  const lsm = m.backend === 'lsm';
  const wbMiB = lsm ? Number(m.knobs.writeBufferSize ?? 64 * MiB) / MiB : 64;
  const slowdown = lsm ? Number(m.knobs.level0SlowdownWritesTrigger ?? 20) : 20;
  const writeShare = (WORKLOAD_OPS[m.workload] ?? [['read', 0.5], ['update', 0.5]]).filter(([op]) => op !== 'read' && op !== 'get').reduce((a, [, s]) => a + s, 0);
  // L0 grows faster with small write buffers and write-heavy mixes; compaction drains it.
  const l0Growth = lsm ? (writeShare * 64) / Math.max(wbMiB, 1) : 0;
  const timeseries: TimePoint[] = [];
  let l0 = 0;
  let pending = 0;
  let stalled = 0;
  let total = 0;
  const base = (BASE_OPS[m.backend] ?? 100_000) * (1 - 0.4 * writeShare) * (1 + 0.05 * gaussian(rng));
  const baseUs = BASE_LATENCY_US[m.backend] ?? 5;
  for (let i = 1; i <= intervals; i++) {
    const engine: TimePoint['engine'] = {};
    let factor = 1;
    if (lsm) {
      l0 += l0Growth * (0.5 + rng.next());
      const stop = l0 >= slowdown;
      if (stop) {
        stalled++;
        factor = 0.12;
      }
      if (l0 >= slowdown || rng.next() < 0.15) l0 = Math.max(0, l0 - slowdown * 0.8); // a compaction round
      pending = Math.max(0, pending + (l0Growth * 8 - 6 + 4 * rng.next()) * MiB);
      engine.l0Files = Math.round(l0);
      engine.pendingCompactionBytes = Math.round(pending);
      engine.immutableMemtables = stop ? 1 : 0;
      engine.memtableBytes = Math.round(wbMiB * MiB * (0.3 + 0.6 * rng.next()));
      engine.isWriteStopped = stop;
      engine.delayedWriteRate = !stop && l0 > slowdown * 0.75 ? 16 * MiB : 0;
    } else if (m.backend === 'lmdb') {
      engine.mapUsedBytes = Math.round(i * 2 * MiB);
    }
    const ops = base * factor * (1 + 0.04 * gaussian(rng));
    total += ops;
    const spike = factor < 1 ? 25 : 1;
    timeseries.push({
      tMs: i * 1000,
      opsPerSec: Math.round(ops),
      p50Us: Math.round(baseUs * (factor < 1 ? 3 : 1) * 100) / 100,
      p99Us: Math.round(baseUs * 6 * spike * 100) / 100,
      p999Us: Math.round(baseUs * 15 * spike * 100) / 100,
      engine,
    });
  }
  const stallFraction = stalled / intervals;
  const opsTotal = Math.round(total);
  const operations: Record<string, OperationResult> = {};
  for (const [op, share] of WORKLOAD_OPS[m.workload] ?? [['read', 0.5], ['update', 0.5]]) {
    const count = Math.round(opsTotal * share);
    const write = op !== 'read' && op !== 'get';
    const median = baseUs * (write ? 1.6 : 1);
    operations[op] = { count, errors: 0, timed: count, ...latencyHistogram(rng, median, write ? 1 + 30 * stallFraction : 1, count, withHdr) };
  }
  return {
    phase: {
      ops: opsTotal,
      durationMs: intervals * 1000,
      throughputOpsPerSec: Math.round(opsTotal / intervals),
      timing: m.backend === 'heap' ? { mode: 'sampled', sampleEvery: 16 } : { mode: 'every', sampleEvery: 1 },
      targetRateOpsPerSec: null,
      operations,
      timeseries,
    },
    stallFraction,
  };
}

function okCell(rng: Rng, id: string, m: CellModel, seed: number, intervals: number, withHdr: boolean): CellResult {
  const { phase, stallFraction } = simulatePhase(rng, m, intervals, withHdr);
  const lsm = m.backend === 'lsm';
  const wb = Number(m.knobs.writeBufferSize ?? 64 * MiB);
  const rss = m.backend === 'heap' ? 900 * MiB : m.backend === 'lmdb' ? 320 * MiB : 120 * MiB + 2 * wb + Number(m.knobs.blockCacheSize ?? 0);
  return {
    id,
    backend: m.backend,
    knobs: m.knobs,
    workload: { name: m.workload, records: 100_000, distribution: 'zipfian' },
    repeat: m.repeat,
    seed,
    startedAt: '2025-01-01T00:00:00.000Z',
    warnings: [],
    status: 'ok',
    phases: { run: phase },
    engine:
      m.backend === 'heap'
        ? null
        : {
            writeAmp: lsm ? Math.round((4 + (256 * MiB) / wb + 2 * rng.next()) * 100) / 100 : Math.round((2 + rng.next()) * 100) / 100,
            spaceAmp: lsm ? Math.round((1.1 + 0.3 * rng.next()) * 100) / 100 : 1.6,
            blockCacheHitRatio: lsm ? 0.8 : null,
            stallMicros: lsm ? Math.round(stallFraction * intervals * 1e6) : null,
            metrics: {},
            raw: {},
          },
    resources: { rssPeakBytes: rss * (1 + 0.02 * rng.next()), cpuUserMs: 900, cpuSysMs: 120, gcPauseMs: 4, diskBytes: 80 * MiB, ioWriteBytes: 200 * MiB },
    checkpoints: [5, 15, 25].filter((t) => t < intervals).map((t) => ({ tMs: t * 1000, durationMs: 40 + 20 * rng.next(), bytes: 64 * MiB, files: 12, incrementalBytes: 8 * MiB })),
  };
}

export function makeDocument(options: FixtureOptions = {}): ResultDocument {
  const seed = options.seed ?? 42;
  const rng = createRng(seed);
  const backends = options.backends ?? ['heap', 'lmdb', 'lsm'];
  const workloads = options.workloads ?? ['ycsb-a', 'ycsb-b'];
  const repeats = options.repeats ?? 3;
  const intervals = options.intervals ?? 30;
  const withHdr = options.withHdr ?? true;
  const cells: CellResult[] = [];
  let n = 0;
  for (const backend of backends) {
    for (const swept of combinations(options.sweep?.[backend] ?? {})) {
      for (const workload of workloads) {
        for (let repeat = 0; repeat < repeats; repeat++) {
          const id = `c${String(++n).padStart(4, '0')}`;
          const m = { backend, knobs: { ...(DEFAULT_KNOBS[backend] ?? {}), ...swept }, workload, repeat };
          cells.push(okCell(rng.fork(n), id, m, seed + n, intervals, withHdr));
        }
      }
    }
  }
  if (options.withFailures) {
    const template = cells[0]!;
    const base = { knobs: template.knobs, backend: template.backend, workload: template.workload, seed, startedAt: null, warnings: [] };
    cells.push({ ...base, id: `c${String(++n).padStart(4, '0')}`, repeat: repeats, status: 'errored', error: 'IO error: No space left on device', phases: {}, engine: null, resources: null, checkpoints: [] });
    cells.push({ ...base, id: `c${String(++n).padStart(4, '0')}`, repeat: repeats + 1, status: 'skipped', reason: 'backend unavailable: librocksdb not found' });
  }
  const recommendations: Recommendation[] = options.withRecommendations
    ? [
        {
          id: 'lsm-l0-stall',
          backend: 'lsm',
          cellIds: cells.filter((c) => c.backend === 'lsm').slice(0, 2).map((c) => c.id),
          title: 'Writes stall on L0 file count',
          suggestion: { knob: 'writeBufferSize', action: 'increase', value: 128 * MiB, rationale: 'Fewer, larger flushes keep L0 below the slowdown trigger.' },
          evidence: [
            { metric: 'stallMicros', value: 4_000_000, chart: 'timeline' },
            { metric: 'writeAmp', value: 9.5, chart: 'amplification' },
          ],
          verification: { status: 'confirmed', metric: 'throughputOpsPerSec', changePct: 18.2, ciLowPct: 9.1, ciHighPct: 27.4, repeats: 5 },
        },
        {
          id: 'lmdb-nosync',
          backend: 'lmdb',
          cellIds: [],
          title: 'Commits wait for fsync',
          suggestion: { knob: 'noSync', action: 'set', value: true, rationale: 'Flink recovers from checkpoints, not from the local store.' },
          evidence: [{ metric: 'p99Us', value: 850, chart: 'latency-spectrum' }],
          verification: null,
        },
      ]
    : [];
  return ResultDocumentSchema.parse({
    schemaVersion: 1,
    tool: { name: 'statebench', version: '0.1.0' },
    createdAt: '2025-01-01T00:00:00.000Z',
    environment: {
      os: 'Debian GNU/Linux 12',
      kernel: '6.1.0',
      arch: 'x64',
      cpuModel: 'Synthetic CPU @ 2.0GHz',
      cpuCount: 2,
      memoryBytes: 8 * 1024 * MiB,
      node: 'v20.20.0',
      engines: { lsm: 'RocksDB 7.8.3', lmdb: 'lmdb-js 3.5.6', heap: null },
      dataDir: '/tmp/statebench',
      fsType: 'ext4',
      gitCommit: null,
      hostname: 'fixture-host',
      clock: { source: 'process.hrtime.bigint', resolutionNs: 1, overheadNs: 25 },
    },
    plan: {
      backends: [...backends],
      workloads: [...workloads],
      records: 100_000,
      ops: null,
      durationMs: intervals * 1000,
      warmupOps: null,
      warmupMs: 2000,
      keySize: 16,
      valueSize: '100',
      distribution: 'zipfian',
      seed,
      repeat: repeats,
      targetRateOpsPerSec: null,
      intervalMs: 1000,
      sets: Object.entries(options.sweep ?? {}).flatMap(([b, knobs]) => Object.entries(knobs).map(([k, v]) => `${b}.${k}=${v.join(',')}`)),
      cellCount: cells.length,
      shard: null,
    },
    cells,
    recommendations,
    warnings: [],
  });
}

/** Three backends, two workloads, three repeats, an errored and a skipped cell, recommendations. */
export function mixedDocument(): ResultDocument {
  return makeDocument({ withFailures: true, withRecommendations: true });
}

/** A 100-cell sweep: lsm, 5 write buffer sizes x 5 slowdown triggers x 2 workloads x 2 repeats. */
export function sweepDocument(intervals = 60): ResultDocument {
  return makeDocument({
    backends: ['lsm'],
    workloads: ['ycsb-a', 'ycsb-b'],
    repeats: 2,
    intervals,
    sweep: { lsm: { writeBufferSize: [4, 8, 16, 32, 64].map((m) => m * MiB), level0SlowdownWritesTrigger: [4, 8, 12, 20, 28] } },
  });
}

export const HOSTILE = {
  script: '<script>window.__pwned = 1; alert(1)</script>',
  breakout: '</script><img src=x onerror="window.__pwned = 2; alert(2)">',
  markdown: 'a | b `code` <b>bold</b>\nsecond line',
} as const;

/** The mixed document with hostile strings planted in a workload name, an error, a knob and a recommendation. */
export function hostileDocument(): ResultDocument {
  const doc = mixedDocument();
  const cells = doc.cells.map((c, i): CellResult => {
    if (c.status === 'errored') return { ...c, error: `${HOSTILE.breakout} ${HOSTILE.script} ${HOSTILE.markdown}` };
    if (i < 3) return { ...c, workload: { ...c.workload, name: `ycsb ${HOSTILE.script}${HOSTILE.breakout}` } };
    return c;
  });
  const recommendations = doc.recommendations.map((r, i) => (i === 0 ? { ...r, title: `${r.title} ${HOSTILE.breakout}` } : r));
  return ResultDocumentSchema.parse({ ...doc, cells, recommendations, warnings: [HOSTILE.script] });
}
