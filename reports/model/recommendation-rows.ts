// Recommendations as the reporters print them, each with the chart that shows its evidence.

import { suggestionText } from '../../analysis/advice/suggestion-text.js';
import type { Recommendation } from '../../core/result/schema.js';
import type { Chart } from '../charts/chart.js';
import { formatKnobValue } from './format.js';
import { formatNumber, formatSignedPct } from '../../core/numbers.js';

export interface RecommendationRow {
  readonly id: string;
  readonly title: string;
  readonly backend: string;
  /** "increase writeBufferSize to 134217728". */
  readonly suggestion: string;
  readonly rationale: string;
  readonly evidence: readonly { readonly text: string; readonly chartId: string | null }[];
  /** "confirmed: +18.2 % (CI +9.1 .. +27.4 %, 5 repeats)", or "not verified". */
  readonly verification: string;
  /** For a suggestion the document refutes or a stronger one contradicts: why, with the figures; else null. */
  readonly refuted: string | null;
  readonly cellIds: readonly string[];
}

/** The chart an evidence entry names: its id exactly, else the first chart of that family (knob sweeps). */
export function resolveChart(name: string | null, charts: readonly Chart[]): string | null {
  if (name === null) return null;
  const exact = charts.find((c) => c.id === name);
  if (exact) return exact.id;
  return charts.find((c) => c.id.startsWith(`${name}-`))?.id ?? null;
}


export function recommendationRows(recommendations: readonly Recommendation[], charts: readonly Chart[]): RecommendationRow[] {
  return recommendations.map((r) => {
    const s = r.suggestion;
    const suggestion = suggestionText(s, formatKnobValue);
    const v = r.verification;
    const verification =
      v === null
        ? 'not verified'
        : v.repeats === 0 && v.note
          ? `${v.status}: ${v.note}`
          : `${v.status}: ${v.metric} ${formatSignedPct(v.changePct)} (CI ${formatSignedPct(v.ciLowPct)} .. ${formatSignedPct(v.ciHighPct)}, ${v.repeats} repeats)${v.note ? `; ${v.note}` : ''}`;
    return {
      id: r.id,
      title: r.title,
      backend: r.backend,
      suggestion,
      rationale: s.rationale,
      evidence: r.evidence.map((e) => ({ text: `${e.metric} = ${formatNumber(e.value)}`, chartId: resolveChart(e.chart, charts) })),
      verification,
      refuted: r.refutedBy ? `${r.refutedBy.reason}${r.refutedBy.figures.length > 0 ? ` (${r.refutedBy.figures.map((f) => `${f.metric} = ${formatNumber(f.value)}`).join('; ')})` : ''}` : null,
      cellIds: r.cellIds,
    };
  });
}
