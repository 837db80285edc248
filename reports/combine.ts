// Several result documents as one, for `statebench report a.json b.json`: cells and
// recommendations side by side, through the one document merger (core/result/join-documents.ts).
// A document whose cell or recommendation ids collide with an earlier one's gets a "d<N>:" prefix
// on all of them, so every cell is kept; environments that differ are named in a warning.

import type { ResultDocument } from '../core/result/schema.js';
import { joinDocuments, renameIds, union } from '../core/result/join-documents.js';

export function combineDocuments(docs: readonly ResultDocument[]): ResultDocument {
  const [first, ...rest] = docs;
  if (!first) throw new Error('combineDocuments needs at least one document');
  if (rest.length === 0) return first;

  const cellIds = new Set<string>();
  const recommendationIds = new Set<string>();
  const sideBySide = docs.map((doc, index) => {
    const collides = doc.cells.some((c) => cellIds.has(c.id)) || doc.recommendations.some((r) => recommendationIds.has(r.id));
    const placed = collides ? renameIds(doc, `d${index + 1}:`) : doc;
    for (const c of placed.cells) cellIds.add(c.id);
    for (const r of placed.recommendations) recommendationIds.add(r.id);
    return { name: `document ${index + 1}`, document: placed };
  });
  const { cells, recommendations, warnings } = joinDocuments(sideBySide);

  warnings.push(`combined ${docs.length} documents created ${docs.map((d) => d.createdAt).join(', ')}`);
  for (const field of ['hostname', 'cpuModel', 'os', 'kernel', 'node'] as const) {
    const values = union(docs.map((d) => [d.environment[field]]));
    if (values.length > 1) warnings.push(`the documents come from different environments: ${field} ${values.join(' / ')}`);
  }
  const engines = Object.assign({}, ...docs.map((d) => d.environment.engines)) as Record<string, string | null>;

  return {
    ...first,
    createdAt: docs.map((d) => d.createdAt).sort().at(-1) ?? first.createdAt,
    environment: { ...first.environment, engines },
    plan: {
      ...first.plan,
      backends: union(docs.map((d) => d.plan.backends)),
      workloads: union(docs.map((d) => d.plan.workloads)),
      sets: union(docs.map((d) => d.plan.sets)),
      repeat: Math.max(...docs.map((d) => d.plan.repeat)),
      cellCount: cells.length,
      shard: null,
    },
    cells,
    recommendations,
    warnings,
  };
}
