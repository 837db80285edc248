// One document's figures per benchmark and metric (mean, min and max over the ok repeats): what
// the CI tools' formats (Bencher BMF, github-action-benchmark) record for a single run.

import { cellMetrics, metricLabel } from './metrics.js';
import { describeGroups } from './pairing.js';
import type { MetricDefinition } from './types.js';
import type { ResultDocument } from '../../core/result/schema.js';

export interface DocumentMetric {
  /** The group's label: backend/workload and the knobs that tell groups apart. */
  readonly benchmark: string;
  readonly key: string;
  readonly def: MetricDefinition;
  readonly label: string;
  readonly mean: number;
  readonly min: number;
  readonly max: number;
  readonly n: number;
}

export function documentMetrics(doc: ResultDocument): DocumentMetric[] {
  const out: DocumentMetric[] = [];
  for (const { identity, group } of describeGroups(doc)) {
    const byId = new Map<string, { def: MetricDefinition; values: number[] }>();
    for (const cell of group.cells) {
      if (cell.status !== 'ok') continue;
      for (const { def, value } of cellMetrics(cell)) {
        const entry = byId.get(def.id) ?? { def, values: [] };
        entry.values.push(value);
        byId.set(def.id, entry);
      }
    }
    for (const { def, values } of byId.values()) {
      let sum = 0;
      for (const v of values) sum += v;
      out.push({
        benchmark: identity.benchmark,
        key: identity.key,
        def,
        label: metricLabel(def),
        mean: sum / values.length,
        min: Math.min(...values),
        max: Math.max(...values),
        n: values.length,
      });
    }
  }
  return out;
}
