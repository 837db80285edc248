// Several result documents as one, for `statebench report a.json b.json`: cells and
// recommendations side by side. Cell ids that collide get a "d<N>:" prefix (and the
// recommendations of that document follow); environments that differ are named in a warning.

import type { CellResult, Recommendation, ResultDocument } from '../core/result/schema.js';

const union = (lists: readonly (readonly string[])[]): string[] => [...new Set(lists.flat())];

export function combineDocuments(docs: readonly ResultDocument[]): ResultDocument {
  const [first, ...rest] = docs;
  if (!first) throw new Error('combineDocuments needs at least one document');
  if (rest.length === 0) return first;

  const seen = new Set<string>();
  const cells: CellResult[] = [];
  const recommendations: Recommendation[] = [];
  docs.forEach((doc, index) => {
    const collides = doc.cells.some((c) => seen.has(c.id)) || doc.recommendations.some((r) => recommendations.some((o) => o.id === r.id));
    const rename = (id: string): string => (collides ? `d${index + 1}:${id}` : id);
    for (const c of doc.cells) {
      cells.push({ ...c, id: rename(c.id) });
      seen.add(rename(c.id));
    }
    for (const r of doc.recommendations) recommendations.push({ ...r, id: rename(r.id), cellIds: r.cellIds.map(rename) });
  });

  const warnings = union(docs.map((d) => d.warnings));
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
