// The cells' own notes (their warnings: a run phase that never flushed or compacted, --verify's
// cost ...), each text once with the cells that carry it, so that the terminal summary and
// summary.md can list them under their tables; report.html shows them in its cell table too.

import type { ResultDocument } from '../../core/result/schema.js';

export interface CellNote {
  readonly text: string;
  readonly cellIds: readonly string[];
}

/** Each distinct note, in the order first met, with the ids of the cells that carry it. */
export function cellNotes(doc: ResultDocument): CellNote[] {
  const byText = new Map<string, string[]>();
  for (const cell of doc.cells) {
    for (const text of cell.warnings) {
      const ids = byText.get(text) ?? [];
      if (!ids.includes(cell.id)) ids.push(cell.id);
      byText.set(text, ids);
    }
  }
  return [...byText].map(([text, cellIds]) => ({ text, cellIds }));
}

/** "a, b, c and 7 more": the cells of a note, at most `shown` of them by name. */
export function cellList(ids: readonly string[], shown = 4): string {
  if (ids.length <= shown) return ids.join(', ');
  return `${ids.slice(0, shown).join(', ')} and ${ids.length - shown} more`;
}
