// A state-size sweep for the reporters' tests: heap and two lsm configurations at 10k, 100k and
// 1M records, heap out of memory at 1M, the lsm block cache missing more as the state grows; its
// findings as a run computes them.
import { documentFindings } from '../../analysis/scaling/findings.js';
import { ResultDocumentSchema, type CellOk, type CellResult, type ResultDocument } from '../../core/result/schema.js';
import { formatCount } from '../../core/units.js';
import { craftCell } from '../../harness/test-support/cells.js';
import { documentOf } from '../../core/result/test-support/documents.js';

const MiB = 1024 * 1024;
export const SIZES = [10_000, 100_000, 1_000_000] as const;
export const OOM = 'cell process killed by SIGABRT: out of memory: the JavaScript heap reached its limit (4144 MiB)';

function sized(backend: 'heap' | 'lsm', records: number, throughput: number, more: { wb?: number; hit?: number; disk?: number } = {}): CellOk {
  const knobs = more.wb !== undefined ? { writeBufferSize: more.wb * MiB } : undefined;
  const cell = craftCell({ backend, records, throughput, workload: 'value-state', ...(knobs ? { knobs } : {}), engine: { blockCacheHitRatio: more.hit ?? null } });
  const id = `${backend}/value-state/records=${formatCount(records)}${more.wb !== undefined ? `/writeBufferSize=${more.wb}MiB` : ''}#0`;
  return { ...cell, id, resources: { ...(cell.resources ?? { cpuUserMs: 0, cpuSysMs: 0, gcPauseMs: 0, ioWriteBytes: 0 }), rssPeakBytes: (backend === 'heap' ? 2 : 1) * records * 200, diskBytes: more.disk ?? null } };
}

export function scalingDocument(): ResultDocument {
  const heapOom: CellResult = { ...sized('heap', 1_000_000, 1), status: 'errored', error: OOM, phases: {}, engine: null, resources: null };
  const cells: CellResult[] = [
    sized('heap', 10_000, 2_000_000),
    sized('lsm', 10_000, 300_000, { wb: 4, hit: 0.99, disk: 2 * MiB }),
    sized('lsm', 10_000, 320_000, { wb: 64, hit: 0.99, disk: 3 * MiB }),
    sized('heap', 100_000, 1_200_000),
    sized('lsm', 100_000, 250_000, { wb: 4, hit: 0.95, disk: 20 * MiB }),
    sized('lsm', 100_000, 280_000, { wb: 64, hit: 0.96, disk: 25 * MiB }),
    heapOom,
    sized('lsm', 1_000_000, 150_000, { wb: 4, hit: 0.7, disk: 200 * MiB }),
    sized('lsm', 1_000_000, 180_000, { wb: 64, hit: 0.85, disk: 210 * MiB }),
  ];
  const doc = documentOf(cells);
  const whole = { ...doc, plan: { ...doc.plan, backends: ['heap', 'lsm'], workloads: ['value-state'], records: [...SIZES] } };
  return ResultDocumentSchema.parse({ ...whole, ...documentFindings(whole) });
}
