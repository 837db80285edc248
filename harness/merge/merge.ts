// Merges the documents of one plan's shards into the document of the whole run, through the one
// document merger (core/result/join-documents.ts). Lossless: cells are kept exactly as measured
// (their encoded HDR histograms included, never averaged or re-summarised), in the whole plan's
// order where the cell ids tell it. Documents of different plans do not merge: that is bad
// input, named in one line.

import { UsageError } from '../../core/errors.js';
import { canonicalJson } from '../../core/canonical-json.js';
import type { CellResult, Plan, ResultDocument } from '../../core/result/schema.js';
import { joinDocuments, union, type NamedDocument } from '../../core/result/join-documents.js';

/** The plan without its shard: what every shard of one run shares. */
export function planIdentity(plan: Plan): string {
  const { shard: _shard, ...rest } = plan;
  return canonicalJson(rest);
}

export function mergeDocuments(inputs: readonly NamedDocument[]): ResultDocument {
  const first = inputs[0];
  if (!first) throw new UsageError('merge: no documents given; name the shard results.json files');
  const identity = planIdentity(first.document.plan);
  for (const input of inputs.slice(1)) {
    if (planIdentity(input.document.plan) !== identity) {
      throw new UsageError(`merge: ${input.name} is a run of a different plan than ${first.name} (${planDifference(first.document.plan, input.document.plan)}); only shards of one sweep merge`);
    }
  }
  const joined = joinDocuments(inputs);
  const warnings = joined.warnings;
  const hosts = union(inputs.map((i) => [i.document.environment.hostname]));
  const cpus = union(inputs.map((i) => [i.document.environment.cpuModel]));
  if (hosts.length > 1) warnings.push(`merge: shards ran on ${hosts.length} machines (${hosts.join(', ')}); cells of different machines compare less well`);
  if (cpus.length > 1) warnings.push(`merge: shards ran on different CPUs (${cpus.join('; ')})`);
  const missing = first.document.plan.cellCount - joined.cells.length;
  if (missing > 0) warnings.push(`merge: ${missing} of the plan's ${first.document.plan.cellCount} cells are in none of the documents (a shard missing?)`);

  const byId = new Map(joined.cells.map((c) => [c.id, c]));
  const cells = planOrder(inputs, [...byId.keys()]).map((id) => byId.get(id) as CellResult);
  // Each shard's findings saw only its own cells: the merged document's are found again from all
  // of them (statebench merge does).
  const { findings: _partial, ...whole } = first.document;
  return {
    ...whole,
    createdAt: new Date().toISOString(),
    plan: { ...first.document.plan, shard: null },
    cells,
    recommendations: joined.recommendations,
    warnings,
  };
}

function planDifference(a: Plan, b: Plan): string {
  const { shard: _a, ...ra } = a;
  const { shard: _b, ...rb } = b;
  const keys = [...new Set([...Object.keys(ra), ...Object.keys(rb)])].sort();
  const diff = keys.find((k) => canonicalJson((ra as Record<string, unknown>)[k]) !== canonicalJson((rb as Record<string, unknown>)[k]));
  if (diff === undefined) return 'plans differ';
  const show = (v: unknown): string => (v === undefined ? 'unset' : canonicalJson(v));
  return `plan.${diff}: ${show((ra as Record<string, unknown>)[diff])} vs ${show((rb as Record<string, unknown>)[diff])}`;
}

/**
 * Shard i of N holds the whole plan's cells i, i+N, i+2N ... in order, so when every input is a
 * distinct shard of the same N, cell j of shard i goes back to position j*N + i.
 */
function planOrder(inputs: readonly NamedDocument[], fallback: readonly string[]): string[] {
  const shards = inputs.map((i) => i.document.plan.shard);
  const n = shards[0]?.count;
  const distinct = new Set(shards.map((s) => s?.index));
  if (n === undefined || shards.some((s) => !s || s.count !== n) || distinct.size !== shards.length) return [...fallback];
  const placed: { pos: number; id: string }[] = [];
  for (const input of inputs) {
    const index = (input.document.plan.shard as { index: number }).index;
    input.document.cells.forEach((c, j) => placed.push({ pos: j * n + index, id: c.id }));
  }
  placed.sort((a, b) => a.pos - b.pos);
  return [...new Set(placed.map((p) => p.id))];
}
