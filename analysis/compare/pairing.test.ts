// Pairing across a state-size sweep: a cell pairs only with the cell of its own size (the size
// is part of the workload it pairs by), and the labels name the size where it varies; and across
// a thread sweep, below.
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../core/canonical-json.js';
import type { CellResult } from '../../core/result/schema.js';
import { cell, documentOf } from '../../core/result/test-support/documents.js';
import { compareDocuments, DEFAULT_COMPARE_OPTIONS } from './compare.js';
import { groupKey, pairDocuments } from './pairing.js';
import { parseThresholds } from './thresholds.js';

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

// Pairing across a thread sweep (--threads 1,2,4): the thread count is part of the identity, but
// only above one, so a one-thread cell keeps the key and label it had before --threads existed.
describe('pairing by thread count', () => {
  const threaded = (threads: number | undefined, repeat: number, throughput: number): CellResult => {
    const c = cell({ repeat, throughput });
    return threads === undefined ? c : { ...c, threads };
  };
  const threadSweep = (throughput: number) => documentOf([1, 2, 4].flatMap((t) => [0, 1].map((r) => threaded(t, r, throughput * t))));

  it('a one-thread cell keeps the key of a document from before --threads', () => {
    const old = cell({ throughput: 1 });
    expect(groupKey({ ...old, threads: 1 })).toBe(groupKey(old));
    expect(groupKey(old)).toBe(canonicalJson({ backend: old.backend, knobs: old.knobs, workload: old.workload }));
    expect(groupKey({ ...old, threads: 2 })).not.toBe(groupKey(old));
  });

  it('pairs a document without threads with the one-thread cells of a thread sweep, unchanged labels', () => {
    const before = documentOf([0, 1].map((r) => threaded(undefined, r, 100)));
    const { pairs, unpaired } = pairDocuments(before, threadSweep(110));
    expect(pairs).toHaveLength(1);
    expect(pairs[0]!.identity.benchmark).toBe('delay/ycsb-a');
    expect(pairs[0]!.identity.threads).toBeUndefined();
    expect(pairs[0]!.head.cells.map((c) => c.threads)).toEqual([1, 1]);
    expect(unpaired.map((u) => [u.side, u.identity.threads, u.identity.benchmark])).toEqual([
      ['head', 2, 'delay/ycsb-a threads=2'],
      ['head', 4, 'delay/ycsb-a threads=4'],
    ]);
  });

  it('pairs each thread count with the same count only, labelled threads=N above one', () => {
    const { pairs, unpaired } = pairDocuments(threadSweep(100), threadSweep(105));
    expect(unpaired).toEqual([]);
    expect(pairs.map((p) => [p.identity.benchmark, p.identity.threads])).toEqual([
      ['delay/ycsb-a', undefined],
      ['delay/ycsb-a threads=2', 2],
      ['delay/ycsb-a threads=4', 4],
    ]);
    for (const p of pairs) {
      const counts = new Set([...p.base.cells, ...p.head.cells].map((c) => c.threads ?? 1));
      expect(counts).toEqual(new Set([p.identity.threads ?? 1]));
      expect(p.base.cells).toHaveLength(2);
    }
  });

  it('never pairs two threads with one: alone the two are unpaired, and compare finds nothing in common', () => {
    const one = documentOf([0, 1, 2, 3].map((r) => threaded(1, r, 100)));
    const two = documentOf([0, 1, 2, 3].map((r) => threaded(2, r, 190)));
    const { pairs, unpaired } = pairDocuments(one, two);
    expect(pairs).toEqual([]);
    expect(unpaired.map((u) => [u.side, u.identity.benchmark, u.identity.threads])).toEqual([
      ['base', 'delay/ycsb-a', undefined],
      ['head', 'delay/ycsb-a threads=2', 2],
    ]);
    const opts = { ...DEFAULT_COMPARE_OPTIONS, thresholds: parseThresholds([]) };
    expect(() => compareDocuments(one, two, opts)).toThrow(/thread count/);
    // Beside a pair, the threads=2 group is listed as unpaired, with its thread count.
    const c = compareDocuments(one, documentOf([...one.cells, ...two.cells]), opts);
    expect(c.pairs.map((p) => p.benchmark)).toEqual(['delay/ycsb-a']);
    expect(c.unpaired.map((u) => [u.side, u.benchmark, u.threads])).toEqual([['head', 'delay/ycsb-a threads=2', 2]]);
  });
});
