// Pairing across a state-size sweep: a cell pairs only with the cell of its own size (the size
// is part of the workload it pairs by), and the labels name the size where it varies.
import { describe, expect, it } from 'vitest';
import { cell, documentOf } from '../../core/result/test-support/documents.js';
import { pairDocuments } from './pairing.js';

const sweep = (throughput: number) =>
  documentOf([10_000, 50_000].flatMap((records) => [0, 1].map((repeat) => cell({ backend: 'heap', repeat, throughput, workload: { name: 'value-state', records } }))));

describe('pairing a size sweep', () => {
  it('pairs each size with the same size only, labelled by the size', () => {
    const { pairs, unpaired } = pairDocuments(sweep(100), sweep(110));
    expect(unpaired).toEqual([]);
    expect(pairs.map((p) => p.identity.benchmark).sort()).toEqual(['heap/value-state records=10000', 'heap/value-state records=50000']);
    for (const p of pairs) {
      const sizes = new Set([...p.base.cells, ...p.head.cells].map((c) => c.workload.records));
      expect(sizes.size).toBe(1);
      expect(p.base.cells).toHaveLength(2);
    }
  });

  it('a size only one side measured stays unpaired, never matched to another size', () => {
    const head = documentOf([cell({ backend: 'heap', throughput: 1, workload: { name: 'value-state', records: 20_000 } })]);
    const { pairs, unpaired } = pairDocuments(sweep(100), head);
    expect(pairs).toEqual([]);
    expect(unpaired.map((u) => [u.side, u.group.workload.records])).toEqual([['base', 10_000], ['base', 50_000], ['head', 20_000]]);
  });
});
