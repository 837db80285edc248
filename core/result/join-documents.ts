// The one merger of result documents: `statebench merge` (the shards of one plan) and `statebench
// report a.json b.json` (documents side by side) both join their documents' cells,
// recommendations and warnings here; each then fills in the plan and environment its case calls
// for. A cell id in two documents keeps one cell, the best measured; a report that wants both
// renames one document's ids first (renameIds), so nothing collides.

import { canonicalJson } from '../canonical-json.js';
import type { CellResult, Recommendation, ResultDocument } from './schema.js';

export interface NamedDocument {
  /** How warnings name the document (its path). */
  readonly name: string;
  readonly document: ResultDocument;
}

export interface JoinedParts {
  /** One cell per id, in the order the ids first appear. */
  readonly cells: CellResult[];
  /** Each distinct recommendation once, in order. */
  readonly recommendations: Recommendation[];
  /** The documents' warnings once each, then one per id measured ok twice. */
  readonly warnings: string[];
}

const rank: Record<CellResult['status'], number> = { ok: 3, interrupted: 2, errored: 1, skipped: 0 };

/** Distinct values in the order they first appear. */
export const union = <T>(lists: readonly (readonly T[])[]): T[] => [...new Set(lists.flat())];

export function joinDocuments(inputs: readonly NamedDocument[]): JoinedParts {
  const warnings = union(inputs.map((i) => i.document.warnings));
  // One cell per id: a cell measured in two documents (a shard re-run) keeps its best status.
  const byId = new Map<string, { cell: CellResult; from: string }>();
  for (const input of inputs) {
    for (const cell of input.document.cells) {
      const prev = byId.get(cell.id);
      if (!prev || rank[cell.status] > rank[prev.cell.status]) {
        byId.set(cell.id, { cell, from: input.name });
      } else if (prev.cell.status === 'ok' && cell.status === 'ok') {
        warnings.push(`merge: cell ${cell.id} is in ${prev.from} and ${input.name}; kept the one from ${prev.from}`);
      }
    }
  }
  const seen = new Set<string>();
  const recommendations = inputs.flatMap((i) => i.document.recommendations).filter((r) => {
    const key = canonicalJson(r);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { cells: [...byId.values()].map((v) => v.cell), recommendations, warnings };
}

/** A document with `prefix` before every cell and recommendation id (and the cell ids recommendations name). */
export function renameIds(doc: ResultDocument, prefix: string): ResultDocument {
  const rename = (id: string): string => `${prefix}${id}`;
  return {
    ...doc,
    cells: doc.cells.map((c) => ({ ...c, id: rename(c.id) })),
    recommendations: doc.recommendations.map((r) => ({ ...r, id: rename(r.id), cellIds: r.cellIds.map(rename) })),
  };
}
