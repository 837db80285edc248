// Crafted cells for the rule tests: a valid ok cell with the knobs resolved to the backend's
// defaults, then whatever a test sets (knobs, operations, engine figures, stats text, resources).

import { HEAP_KNOBS } from '../../backends/heap/knobs.js';
import { LMDB_KNOBS } from '../../backends/lmdb/knobs.js';
import { LSM_KNOBS } from '../../backends/lsm/knobs.js';
import type { KnobSpec, KnobValue } from '../../backends/types.js';
import { documentOf } from '../../core/result/test-support/documents.js';
import type { CellOk, DurabilityClass, EngineReportSchema, OperationResult, ResultDocument } from '../../core/result/schema.js';
import type { z } from 'zod';

const SPECS: Record<string, readonly KnobSpec[]> = { lsm: LSM_KNOBS, lmdb: LMDB_KNOBS, heap: HEAP_KNOBS };

export interface Craft {
  backend: 'lsm' | 'lmdb' | 'heap';
  workload?: string;
  records?: number;
  valueSize?: string;
  knobs?: Record<string, KnobValue>;
  /** op name -> [count, p50 µs]. */
  ops?: Record<string, [number, number]>;
  throughput?: number;
  runMs?: number;
  engine?: Partial<z.infer<typeof EngineReportSchema>>;
  metrics?: Record<string, number | null>;
  gcPauseMs?: number;
  repeat?: number;
  id?: string;
  /** The cell's durability class (absent: a document from before the classes). */
  durabilityClass?: DurabilityClass;
}

export function craftCell(c: Craft): CellOk {
  const knobs: Record<string, KnobValue | null> = {};
  for (const k of SPECS[c.backend] ?? []) knobs[k.name] = k.default;
  Object.assign(knobs, c.knobs ?? {});
  const workload = c.workload ?? 'ycsb-a';
  const repeat = c.repeat ?? 0;
  const operations: Record<string, OperationResult> = {};
  for (const [name, pair] of Object.entries(c.ops ?? { read: [5000, 5], update: [5000, 10] })) {
    const [count, p50] = pair as [number, number];
    operations[name] = {
      count,
      errors: 0,
      timed: count,
      latencyUs: { min: p50 / 2, mean: p50, p50, p90: p50 * 2, p99: p50 * 4, p999: p50 * 8, p9999: p50 * 10, max: p50 * 20 },
      hdr: null,
    };
  }
  const runMs = c.runMs ?? 10_000;
  return {
    id: c.id ?? `${c.backend}/${workload}#${repeat}`,
    backend: c.backend,
    knobs,
    workload: { name: workload, records: c.records ?? 100_000, valueSize: c.valueSize ?? '100', distribution: 'zipfian' },
    repeat,
    seed: 42 + repeat,
    startedAt: null,
    warnings: [],
    ...(c.durabilityClass !== undefined ? { durabilityClass: c.durabilityClass } : {}),
    status: 'ok',
    phases: {
      run: {
        ops: 10_000,
        durationMs: runMs,
        throughputOpsPerSec: c.throughput ?? 10_000,
        timing: { mode: 'every', sampleEvery: 1 },
        targetRateOpsPerSec: null,
        operations,
        timeseries: [],
      },
    },
    engine: {
      writeAmp: null,
      spaceAmp: null,
      blockCacheHitRatio: null,
      stallMicros: null,
      raw: {},
      ...c.engine,
      metrics: { ...(c.engine?.metrics ?? {}), ...(c.metrics ?? {}) },
    },
    resources: { rssPeakBytes: 100e6, cpuUserMs: 1000, cpuSysMs: 100, gcPauseMs: c.gcPauseMs ?? 10, diskBytes: null, ioWriteBytes: null },
    checkpoints: [],
  };
}

export function craftDocument(...cells: CellOk[]): ResultDocument {
  return documentOf(cells);
}

/** A rocksdb.stats text with the given stall counts (RocksDB 7.8's line format). */
export function statsText(s: { l0?: number; memtable?: number; pending?: number }): string {
  return [
    '** Compaction Stats [default] **',
    `Stalls(count): ${s.l0 ?? 0} level0_slowdown, ${s.l0 ?? 0} level0_slowdown_with_compaction, 0 level0_numfiles, 0 level0_numfiles_with_compaction, 0 stop for pending_compaction_bytes, ${s.pending ?? 0} slowdown for pending_compaction_bytes, ${s.memtable ?? 0} memtable_compaction, 0 memtable_slowdown, interval 0 total count`,
    'Cumulative stall: 00:00:1.000 H:M:S, 10.0 percent',
  ].join('\n');
}
