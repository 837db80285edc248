// A TTL run for the reporters' tests: ttl-dedupe over an unbounded id stream on lsm with the
// compaction filter (state levels off, SST bytes fall when compactions drop expired entries), on
// lsm without cleanup (state and expired entries grow) and on heap with incremental cleanup, each
// with TTL figures sampled over 20 intervals (core/result/ttl-series.ts).
import { ResultDocumentSchema, type CellOk, type ResultDocument, type TimePoint } from '../../core/result/schema.js';
import { documentOf } from '../../core/result/test-support/documents.js';
import { ttlSampleKey } from '../../core/result/ttl-series.js';
import { craftCell } from '../../harness/test-support/cells.js';

const INTERVALS = 20;

function ttlCell(backend: 'lsm' | 'heap', ttlCleanup: string): CellOk {
  const cell = craftCell({ backend, workload: 'ttl-dedupe', throughput: backend === 'heap' ? 400_000 : 60_000, ops: { dedupe: [100_000, 3] }, id: `${backend}/ttl-dedupe/${ttlCleanup}#0` });
  const cleaned = ttlCleanup !== 'none';
  const timeseries: TimePoint[] = Array.from({ length: INTERVALS }, (_, i) => {
    const t = i + 1;
    // Growth until the TTL (5 s), then level with cleanup, linear without.
    const stored = cleaned ? 10_000 + 4000 * Math.min(t, 5) + (t % 3) * 300 : 10_000 + 4000 * t;
    const expired = cleaned ? (t > 5 ? 2500 - (t % 3) * 800 : 0) : Math.max(0, 4000 * (t - 5));
    const engine: TimePoint['engine'] = { [ttlSampleKey('seen', 'stored')]: stored, [ttlSampleKey('seen', 'expired')]: expired };
    if (backend === 'lsm') {
      engine[ttlSampleKey('seen', 'sstBytes')] = stored * 110;
      if (cleaned) engine[ttlSampleKey('seen', 'filterDrops')] = Math.max(0, 4000 * (t - 6));
    } else engine[ttlSampleKey('seen', 'cleaned')] = Math.max(0, 4000 * (t - 5));
    return { tMs: t * 1000, opsPerSec: 60_000, p50Us: 3, p99Us: 12, p999Us: 40, engine };
  });
  const run = cell.phases.run!;
  return {
    ...cell,
    workload: { ...cell.workload, source: 'flink', ttlCleanup, newKeyShare: 0.5 },
    operationKinds: [{ name: 'value.get+update', action: 'ttl-dedupe', writes: true, state: 'seen' }],
    phases: { run: { ...run, timeseries, elements: { count: run.ops, stateAccesses: run.ops, accessesPerElement: 1, elementsPerSec: run.throughputOpsPerSec } } },
  };
}

export function ttlDocument(): ResultDocument {
  const doc = documentOf([ttlCell('lsm', 'background'), ttlCell('lsm', 'none'), ttlCell('heap', 'background')]);
  return ResultDocumentSchema.parse({ ...doc, plan: { ...doc.plan, backends: ['heap', 'lsm'], workloads: ['ttl-dedupe'] } });
}
