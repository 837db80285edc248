// Builders of small, valid result documents for the compare tests.

import { SCHEMA_VERSION, type CellResult, type OperationResult, type ResultDocument } from '../schema.js';

export interface CellFigures {
  backend?: string;
  knobs?: Record<string, number | string | boolean | null>;
  workload?: { name: string } & Record<string, string | number | boolean | null>;
  repeat?: number;
  throughput: number;
  /** p50/p99/p999 latencies (us) per operation kind. */
  ops?: Record<string, { p50: number; p99: number; p999: number }>;
  writeAmp?: number | null;
  spaceAmp?: number | null;
  status?: 'ok' | 'errored' | 'skipped';
  /** Timed operations per kind (default 100,000: enough for every tail percentile). */
  timed?: number;
}

export function cell(f: CellFigures): CellResult {
  const backend = f.backend ?? 'delay';
  const workload = f.workload ?? { name: 'ycsb-a', records: 1000 };
  const repeat = f.repeat ?? 0;
  const common = {
    id: `${backend}/${workload.name}#${repeat}`,
    backend,
    knobs: f.knobs ?? { latencyUs: 20 },
    workload,
    repeat,
    seed: 42 + repeat,
    startedAt: null,
    warnings: [],
  };
  if (f.status === 'skipped') return { ...common, status: 'skipped', reason: 'backend unavailable' };
  const operations: Record<string, OperationResult> = {};
  for (const [op, l] of Object.entries(f.ops ?? { read: { p50: 20, p99: 22, p999: 25 } })) {
    operations[op] = {
      count: f.timed ?? 100_000,
      errors: 0,
      timed: f.timed ?? 100_000,
      latencyUs: { min: l.p50 * 0.8, mean: l.p50, p50: l.p50, p90: l.p99 * 0.95, p99: l.p99, p999: l.p999, p9999: l.p999, max: l.p999 },
      hdr: null,
    };
  }
  const measured = {
    phases: {
      run: {
        ops: 2000,
        durationMs: 100,
        throughputOpsPerSec: f.throughput,
        timing: { mode: 'every' as const, sampleEvery: 1 },
        targetRateOpsPerSec: null,
        operations,
        timeseries: [],
      },
    },
    engine: {
      writeAmp: f.writeAmp ?? null,
      spaceAmp: f.spaceAmp ?? null,
      blockCacheHitRatio: null,
      stallMicros: null,
      metrics: {},
      raw: {},
    },
    resources: null,
    checkpoints: [],
  };
  if (f.status === 'errored') return { ...common, status: 'errored', error: 'engine failed', ...measured };
  return { ...common, status: 'ok', ...measured };
}

export function documentOf(cells: CellResult[]): ResultDocument {
  return {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: 'statebench', version: '0.1.0' },
    createdAt: '2026-01-01T00:00:00.000Z',
    environment: {
      os: 'linux',
      kernel: '6',
      arch: 'x64',
      cpuModel: 'test',
      cpuCount: 2,
      memoryBytes: 1,
      node: 'v20',
      engines: {},
      dataDir: null,
      fsType: null,
      gitCommit: null,
      hostname: 'test',
      clock: { source: 'performance.now', resolutionNs: null, overheadNs: null },
    },
    plan: {
      backends: ['delay'],
      workloads: ['ycsb-a'],
      records: 1000,
      ops: 2000,
      durationMs: null,
      warmupOps: null,
      warmupMs: null,
      keySize: 16,
      valueSize: '100',
      distribution: null,
      seed: 42,
      repeat: 1,
      targetRateOpsPerSec: null,
      intervalMs: 1000,
      sets: [],
      cellCount: cells.length,
      shard: null,
    },
    cells,
    recommendations: [],
    warnings: [],
  };
}

/** A document of one configuration with one cell per throughput value (the repeats). */
export function repeatsDocument(throughputs: readonly number[], latency: (i: number) => { p50: number; p99: number; p999: number } = () => ({ p50: 20, p99: 22, p999: 25 }), extra: Partial<CellFigures> = {}): ResultDocument {
  return documentOf(throughputs.map((t, i) => cell({ ...extra, repeat: i, throughput: t, ops: { read: latency(i) } })));
}
