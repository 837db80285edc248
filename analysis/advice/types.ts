// Rules as data: each rule names the backends it applies to, a typed condition over one
// configuration's facts (metrics, engine statistics, knobs, workload shape), the suggestion it
// makes (knob, action, value, rationale) and the evidence it shows (metric values and the chart
// of the HTML report that draws them: reports/charts/chart.ts CHART_IDS).

import type { KnobValue } from '../../backends/types.js';
import type { AdviceContext, ConfigFacts } from './facts.js';

export interface Suggestion {
  /** The main knob changed, or null for a change of backend. */
  readonly knob: string | null;
  /** "increase", "decrease", "set" (before the knob); "switch backend to", "use backend" (before the backend, no knob). */
  readonly action: string;
  readonly value: KnobValue | null;
  readonly rationale: string;
  /** Every knob change the suggestion makes (the main one included), as the verifier applies them. */
  readonly changes: Readonly<Record<string, KnobValue>>;
  /** For a change of backend: the backend to move to (its knobs at their defaults). */
  readonly backend?: string;
  /**
   * What the change is for. 'speed' (the default): a measurement of the suggested configuration
   * that is no faster refutes it. 'capacity' (memory, map size): it prevents a failure, and a
   * slower measurement is its stated cost, not a refutation (reconcile.ts).
   */
  readonly purpose?: 'speed' | 'capacity';
}

export interface Evidence {
  readonly metric: string;
  readonly value: number | null;
  /** A chart id (CHART_IDS, or a family prefix such as 'knob-sweep'), or null. */
  readonly chart: string | null;
}

/** A rule over one configuration (its repeats). */
export interface ConfigRule {
  readonly id: string;
  readonly title: string;
  readonly backends: readonly string[];
  /** The typed condition: true when the configuration shows the problem this rule addresses. */
  when(f: ConfigFacts, ctx: AdviceContext): boolean;
  /** The remedy; null when none fits (e.g. the memory budget leaves no room). */
  suggest(f: ConfigFacts, ctx: AdviceContext): Suggestion | null;
  evidence(f: ConfigFacts, ctx: AdviceContext): Evidence[];
}

/** A finding over several configurations (across backends). */
export interface Finding {
  readonly backend: string;
  readonly cellIds: readonly string[];
  readonly title: string;
  readonly suggestion: Suggestion;
  readonly evidence: readonly Evidence[];
}

export interface DocumentRule {
  readonly id: string;
  readonly title: string;
  readonly backends: readonly string[];
  findings(ctx: AdviceContext): Finding[];
}
