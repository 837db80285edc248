// The micro-benchmark table as formatted text cells, shared by the HTML and Markdown reporters:
// one row per task of each cell, a batch task followed by its per-operation (per key) row.

import { formatNs } from '../micro-terminal.js';
import { RESOLUTION_FACTOR } from '../../core/result/micro-tasks.js';
import { formatBytes } from '../../core/units.js';
import { formatMargin, formatNumber, formatWhole } from '../../core/numbers.js';
import type { MicroCellRow, MicroModel, MicroState } from './micro.js';

export type MicroFlag = 'baseline' | 'timer' | '';

export interface MicroTableRow {
  readonly cell: MicroCellRow;
  /** "get-hit", or "per key (/100)" under a batch task. */
  readonly task: string;
  /** The per-key line of a batch task. */
  readonly perOperation: boolean;
  readonly mean: string;
  readonly p50: string;
  readonly p99: string;
  readonly opsPerSec: string;
  readonly rme: string;
  readonly samples: string;
  readonly flag: MicroFlag;
}

export const MICRO_HEADERS = ['task', 'mean', 'p50', 'p99', 'ops/s', 'rme', 'samples', 'flag'] as const;

export const FLAG_TEXT: Readonly<Record<MicroFlag, string>> = {
  baseline: 'timer floor (null task)',
  timer: `at timer resolution (within ${RESOLUTION_FACTOR}x of null)`,
  '': '',
};


export function microTableRows(cell: MicroCellRow): MicroTableRow[] {
  const rows: MicroTableRow[] = [];
  for (const t of cell.tasks) {
    const f = t.figures;
    rows.push({
      cell,
      task: t.task,
      perOperation: false,
      mean: formatNs(f.meanNs),
      p50: formatNs(f.p50Ns),
      p99: formatNs(f.p99Ns),
      opsPerSec: formatWhole(f.opsPerSec, '–'),
      rme: formatMargin(f.rme, '–'),
      samples: formatNumber(f.samples),
      flag: t.baseline ? 'baseline' : f.atTimerResolution ? 'timer' : '',
    });
    if (t.perOperation) {
      const p = t.perOperation;
      rows.push({
        cell,
        task: `per key (/${t.opsPerCall})`,
        perOperation: true,
        mean: formatNs(p.meanNs),
        p50: formatNs(p.p50Ns),
        p99: formatNs(p.p99Ns),
        opsPerSec: formatWhole(p.opsPerSec, '–'),
        rme: '',
        samples: '',
        flag: '',
      });
    }
  }
  return rows;
}

/** "1,000 records × (16 B keys + 100 B values) = 113 KiB; in memory; peak RSS 240 MiB". */
export function describeState(s: MicroState): string {
  const records = s.records === null ? 'records: –' : `${formatNumber(s.records)} records`;
  const sizes = s.keySize !== null && s.valueSize !== null ? ` × (${s.keySize} B keys + ${s.valueSize} B values) = ${formatBytes(s.logicalBytes, ' ')}` : '';
  const disk = s.diskBytes === null ? 'in memory' : `${formatBytes(s.diskBytes, ' ')} on disk at the end`;
  return `${records}${sizes}; ${disk}; peak RSS ${formatBytes(s.rssPeakBytes, ' ')}`;
}

export function microBudget(m: MicroModel): string {
  const time = m.timeMs === null ? '' : `${formatNumber(m.timeMs)} ms of timed calls per task`;
  const warm = m.warmupMs ? ` after ${formatNumber(m.warmupMs)} ms of warm-up` : '';
  return `tinybench${time ? `, ${time}${warm}` : ''}; times are per call, keys uniform over the preloaded records`;
}
