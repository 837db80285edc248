// From a result document to recommendations: each configuration rule applied to each measured
// configuration of its backends, then the rules across backends, then reconciled with the
// document's own measurements (reconcile.ts: refuted or contradicted suggestions are marked).
// Unverified here: the run's --verify-advice (analysis/tune/verify-advice.ts) measures each
// suggestion.

import type { Recommendation, ResultDocument } from '../../core/result/schema.js';
import { buildAdviceContext, type AdviceContext, type CurvePoint } from './facts.js';
import { reconcile, type Drafted } from './reconcile.js';
import { CONFIG_RULES, DOCUMENT_RULES } from './rules.js';
import type { ConfigRule, DocumentRule, Evidence, Finding } from './types.js';

export interface AdviseOptions {
  readonly memoryBudgetBytes?: number | null;
  /** The miss-ratio curves of the trace workloads replayed, by workload name. */
  readonly missRatioCurves?: ReadonlyMap<string, readonly CurvePoint[]>;
  /** Only these rules (ids); default all. */
  readonly rules?: readonly string[];
}

function toRecommendation(ruleId: string, f: Finding): Drafted {
  // The purpose steers the reconciler and is not part of the document.
  const { purpose, ...suggestion } = f.suggestion;
  const rec: Recommendation = {
    id: ruleId,
    backend: f.backend,
    cellIds: [...f.cellIds],
    title: f.title,
    suggestion: { ...suggestion, changes: { ...f.suggestion.changes } },
    evidence: f.evidence.map((e: Evidence) => ({ metric: e.metric, value: e.value !== null && Number.isFinite(e.value) ? e.value : null, chart: e.chart })),
    verification: null,
  };
  return { rec, purpose: purpose ?? 'speed' };
}

export function applyConfigRule(rule: ConfigRule, ctx: AdviceContext): Finding[] {
  const out: Finding[] = [];
  for (const f of ctx.configs) {
    if (!rule.backends.includes(f.backend) || !rule.when(f, ctx)) continue;
    const suggestion = rule.suggest(f, ctx);
    if (suggestion === null) continue;
    out.push({ backend: f.backend, cellIds: f.cellIds, title: rule.title, suggestion, evidence: rule.evidence(f, ctx) });
  }
  return out;
}

export function adviseDocument(doc: ResultDocument, o: AdviseOptions = {}): Recommendation[] {
  const ctx = buildAdviceContext(doc, o.memoryBudgetBytes ?? null, o.missRatioCurves);
  const chosen = <R extends ConfigRule | DocumentRule>(r: R): boolean => !o.rules || o.rules.includes(r.id);
  const drafted: Drafted[] = [];
  for (const rule of CONFIG_RULES.filter(chosen)) for (const f of applyConfigRule(rule, ctx)) drafted.push(toRecommendation(rule.id, f));
  for (const rule of DOCUMENT_RULES.filter(chosen)) for (const f of rule.findings(ctx)) drafted.push(toRecommendation(rule.id, f));
  return reconcile(drafted, ctx);
}
