// github-action-benchmark's custom tools: `customBiggerIsBetter` and `customSmallerIsBetter` each
// read a JSON array of { name, unit, value, range?, extra? }. One run yields both arrays:
// throughput is bigger-is-better; latencies and amplification are smaller-is-better.

import type { Comparison } from '../../analysis/compare/types.js';
import type { ResultDocument } from '../../core/result/schema.js';
import { documentMetrics } from '../../analysis/compare/document-metrics.js';
import { formatInterval, formatPct } from './numbers.js';
import { round3 } from '../../core/numbers.js';

export interface GabEntry {
  name: string;
  unit: string;
  value: number;
  range?: string;
  extra?: string;
}

export interface Gab {
  biggerIsBetter: GabEntry[];
  smallerIsBetter: GabEntry[];
}


/** `extraFor(key, metricId)` adds a line to an entry's tooltip (compare adds the change vs base). */
export function toGab(doc: ResultDocument, extraFor?: (groupKey: string, metricId: string) => string | null): Gab {
  const out: Gab = { biggerIsBetter: [], smallerIsBetter: [] };
  for (const m of documentMetrics(doc)) {
    const extra = [`repeats: ${m.n}`, extraFor?.(m.key, m.def.id) ?? null].filter((x): x is string => x !== null).join('\n');
    const entry: GabEntry = {
      name: `${m.benchmark} ${m.label}`,
      unit: m.def.unit,
      value: round3(m.mean),
      ...(m.n > 1 ? { range: `± ${round3((m.max - m.min) / 2)}` } : {}),
      extra,
    };
    (m.def.direction === 'higher-is-better' ? out.biggerIsBetter : out.smallerIsBetter).push(entry);
  }
  return out;
}

/** HEAD's figures, each with its change against BASE and the verdict in the tooltip. */
export function comparisonToGab(comparison: Comparison, head: ResultDocument): Gab {
  const verdicts = new Map<string, string>();
  for (const p of comparison.pairs) {
    for (const m of p.metrics) {
      verdicts.set(`${p.key}\u0000${m.id}`, `vs ${comparison.base.label}: ${formatPct(m.changePct)} ${formatInterval(m.ciLowPct, m.ciHighPct)} ${m.verdict}`);
    }
  }
  return toGab(head, (key, id) => verdicts.get(`${key}\u0000${id}`) ?? null);
}
