// The rows of the summary table, one per configuration, shared by the HTML and Markdown reporters.

import type { CellStatus, DurabilityClass } from '../../core/result/schema.js';
import { formatKnobValue } from './format.js';
import { memoryLabel } from './memory-label.js';
import { isMicroConfiguration } from './micro.js';
import type { ReportModel } from './report-model.js';
import type { PercentilesUs, Spread } from './stats.js';

export interface SummaryRow {
  readonly backend: string;
  readonly workload: string;
  readonly configuration: string;
  /** The varying knobs as "name=value" pairs, "threads=N" when the document ran more than one, and "memory=..." inside a TaskManager; empty when nothing varies. */
  readonly knobs: string;
  /** What an acknowledged write survives (docs/durability.md); null when the cells do not say. */
  readonly durabilityClass: DurabilityClass | null;
  readonly okRepeats: number;
  readonly totalRepeats: number;
  /** "1 errored, 1 skipped", or empty. */
  readonly problems: string;
  readonly throughput: Spread | null;
  readonly latency: PercentilesUs | null;
  readonly rssPeakBytes: number | null;
  readonly writeAmp: number | null;
  readonly spaceAmp: number | null;
}

/** One row per workload configuration; micro-benchmark configurations have their own table. */
export function summaryRows(model: ReportModel): SummaryRow[] {
  return model.configurations.filter((s) => !isMicroConfiguration(s.config)).map((s) => {
    const counts = new Map<CellStatus, number>();
    for (const c of s.config.cells) counts.set(c.status, (counts.get(c.status) ?? 0) + 1);
    const problems = (['errored', 'interrupted', 'skipped'] as const)
      .filter((status) => counts.has(status))
      .map((status) => `${counts.get(status)} ${status}`)
      .join(', ');
    return {
      backend: s.config.backend,
      workload: s.config.workload,
      configuration: s.config.label,
      knobs: [...s.config.varying.map(([k, v]) => `${k}=${formatKnobValue(k, v)}`), ...(s.config.showsThreads ? [`threads=${s.config.threads}`] : []), ...(s.config.memory ? [`memory=${memoryLabel(s.config.memory)}`] : [])].join(' '),
      // One backend and one set of knobs: every cell of the configuration has the same class.
      durabilityClass: s.config.durabilityClass,
      okRepeats: s.config.ok.length,
      totalRepeats: s.config.cells.length,
      problems,
      throughput: s.throughput,
      latency: s.allOps,
      rssPeakBytes: s.rssPeakBytes,
      writeAmp: s.writeAmp,
      spaceAmp: s.spaceAmp,
    };
  });
}

export interface StatusCounts {
  readonly total: number;
  readonly ok: number;
  readonly errored: number;
  readonly interrupted: number;
  readonly skipped: number;
}

export function statusCounts(model: ReportModel): StatusCounts {
  const c = { total: model.doc.cells.length, ok: 0, errored: 0, interrupted: 0, skipped: 0 };
  for (const cell of model.doc.cells) c[cell.status]++;
  return c;
}
