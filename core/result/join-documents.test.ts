// The one document merger: one cell per id (the best measured), each recommendation and warning
// once; renameIds keeps side-by-side documents apart.
import { describe, expect, it } from 'vitest';
import type { Recommendation, ResultDocument } from './schema.js';
import { cell, documentOf } from './test-support/documents.js';
import { joinDocuments, renameIds } from './join-documents.js';

const rec = (id: string, cellIds: string[]): Recommendation => ({
  id,
  backend: 'delay',
  cellIds,
  title: id,
  suggestion: { knob: null, action: 'nothing', value: null, rationale: 'test' },
  evidence: [],
  verification: null,
  purpose: 'speed',
} as unknown as Recommendation);

function doc(ids: string[], status: 'ok' | 'errored', warnings: string[], recommendations: Recommendation[] = []): ResultDocument {
  const cells = ids.map((id) => (status === 'ok' ? { ...cell({ throughput: 100 }), id } : { ...cell({ throughput: 100 }), id, status: 'errored' as const, error: 'x' }));
  return { ...documentOf(cells as ResultDocument['cells']), warnings, recommendations };
}

describe('joinDocuments', () => {
  it('keeps one cell per id, the best measured, in the order the ids first appear', () => {
    const joined = joinDocuments([
      { name: 'a', document: doc(['x', 'y'], 'errored', []) },
      { name: 'b', document: doc(['y', 'z'], 'ok', []) },
    ]);
    expect(joined.cells.map((c) => [c.id, c.status])).toEqual([['x', 'errored'], ['y', 'ok'], ['z', 'ok']]);
  });

  it('names a cell measured ok twice, and gives each warning and recommendation once', () => {
    const r = rec('r1', ['x']);
    const joined = joinDocuments([
      { name: 'a.json', document: doc(['x'], 'ok', ['w1', 'w2'], [r]) },
      { name: 'b.json', document: doc(['x'], 'ok', ['w2', 'w3'], [r]) },
    ]);
    expect(joined.warnings).toEqual(['w1', 'w2', 'w3', 'merge: cell x is in a.json and b.json; kept the one from a.json']);
    expect(joined.recommendations).toEqual([r]);
  });

  it('keeps both documents whole once one has its ids renamed', () => {
    const a = doc(['x'], 'ok', [], [rec('r1', ['x'])]);
    const b = renameIds(a, 'd2:');
    expect(b.recommendations[0]).toMatchObject({ id: 'd2:r1', cellIds: ['d2:x'] });
    const joined = joinDocuments([{ name: 'a', document: a }, { name: 'b', document: b }]);
    expect(joined.cells.map((c) => c.id)).toEqual(['x', 'd2:x']);
    expect(joined.recommendations.map((r) => r.id)).toEqual(['r1', 'd2:r1']);
  });
});
