// Bencher Metric Format: { "<benchmark>": { "<measure>": { value, lower_value, upper_value } } }.
// The benchmark is the group label (backend/workload plus the knobs that differ), the measure a
// metric id (throughput, read.p99, writeAmp ...); value is the mean over the ok repeats, the
// bounds are the smallest and largest repeat.

import type { Comparison } from '../../analysis/compare/types.js';
import type { ResultDocument } from '../../core/result/schema.js';
import { documentMetrics } from '../../analysis/compare/document-metrics.js';

export interface BmfMeasure {
  value: number;
  lower_value: number;
  upper_value: number;
}

export type Bmf = Record<string, Record<string, BmfMeasure>>;

export function toBmf(doc: ResultDocument): Bmf {
  const out: Bmf = {};
  for (const m of documentMetrics(doc)) {
    const bench = (out[m.benchmark] ??= {});
    bench[m.def.id] = { value: m.mean, lower_value: m.min, upper_value: m.max };
  }
  return out;
}

/** For a comparison, Bencher gets HEAD's figures (it keeps the history and its own thresholds). */
export function comparisonToBmf(_comparison: Comparison, head: ResultDocument): Bmf {
  return toBmf(head);
}
