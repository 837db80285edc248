import { describe, expect, it } from 'vitest';
import { ResultDocumentSchema } from '../core/result/schema.js';
import { combineDocuments } from './combine.js';
import { makeDocument, mixedDocument } from './test-support/fixtures.js';

describe('combineDocuments', () => {
  it('keeps every cell, renames colliding ids with their recommendations, and stays schema-valid', () => {
    const a = mixedDocument();
    const b = ResultDocumentSchema.parse({ ...mixedDocument(), environment: { ...a.environment, hostname: 'other-host' } });
    const combined = ResultDocumentSchema.parse(combineDocuments([a, b]));
    expect(combined.cells).toHaveLength(a.cells.length + b.cells.length);
    expect(new Set(combined.cells.map((c) => c.id)).size).toBe(combined.cells.length);
    const renamed = combined.recommendations[2]!;
    expect(renamed.id).toBe('d2:lsm-l0-stall');
    for (const id of renamed.cellIds) expect(combined.cells.some((c) => c.id === id)).toBe(true);
    expect(combined.plan.cellCount).toBe(combined.cells.length);
    expect(combined.warnings.some((w) => w.includes('hostname fixture-host / other-host'))).toBe(true);
  });

  it('keeps ids that do not collide and unions backends', () => {
    const a = makeDocument({ backends: ['heap'], repeats: 1 });
    const b = ResultDocumentSchema.parse({ ...makeDocument({ backends: ['lsm'], repeats: 1 }), cells: makeDocument({ backends: ['lsm'], repeats: 1 }).cells.map((c) => ({ ...c, id: `x${c.id}` })) });
    const combined = combineDocuments([a, b]);
    expect(combined.cells.map((c) => c.id)).toEqual([...a.cells, ...b.cells].map((c) => c.id));
    expect(combined.plan.backends).toEqual(['heap', 'lsm']);
  });

  it('returns a single document unchanged', () => {
    const a = mixedDocument();
    expect(combineDocuments([a])).toBe(a);
  });
});
