import { describe, expect, it } from 'vitest';
import { cell, documentOf } from '../../core/result/test-support/documents.js';
import type { ResultDocument } from '../../core/result/schema.js';
import { mergeDocuments } from './merge.js';

function shardDoc(ids: readonly string[], index: number, count: number, total: number): ResultDocument {
  const doc = documentOf(ids.map((id, i) => ({ ...cell({ throughput: 100 + i, repeat: i }), id })));
  return { ...doc, plan: { ...doc.plan, cellCount: total, shard: { index, count } } };
}

describe('merge', () => {
  const whole = ['a', 'b', 'c', 'd', 'e'];
  const s0 = shardDoc(['a', 'c', 'e'], 0, 2, 5);
  const s1 = shardDoc(['b', 'd'], 1, 2, 5);

  it("puts the shards' cells back in the whole plan's order, unchanged", () => {
    const merged = mergeDocuments([{ name: 's1', document: s1 }, { name: 's0', document: s0 }]);
    expect(merged.cells.map((c) => c.id)).toEqual(whole);
    expect(merged.cells.find((c) => c.id === 'd')).toEqual(s1.cells[1]);
    expect(merged.plan.shard).toBeNull();
    expect(merged.plan.cellCount).toBe(5);
  });
  it('refuses documents of different plans in one line naming the difference', () => {
    const other = { ...s1, plan: { ...s1.plan, seed: 7 } };
    expect(() => mergeDocuments([{ name: 's0.json', document: s0 }, { name: 'x.json', document: other }])).toThrow(
      /^merge: x.json is a run of a different plan than s0.json \(plan.seed: 42 vs 7\); only shards of one sweep merge$/,
    );
  });
  it('warns when a shard is missing', () => {
    const merged = mergeDocuments([{ name: 's0', document: s0 }]);
    expect(merged.warnings.some((w) => /2 of the plan's 5 cells are in none/.test(w))).toBe(true);
  });
  it('a cell in two documents keeps its ok measurement', () => {
    const failed = shardDoc(['b', 'd'], 1, 2, 5);
    const errored = { ...failed, cells: failed.cells.map((c) => ({ ...c, status: 'errored' as const, error: 'x' })) } as ResultDocument;
    const merged = mergeDocuments([{ name: 'err', document: errored }, { name: 's1', document: s1 }, { name: 's0', document: s0 }]);
    expect(merged.cells.filter((c) => c.id === 'b').map((c) => c.status)).toEqual(['ok']);
  });
});
