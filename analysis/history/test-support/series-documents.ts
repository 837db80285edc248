// A history of small valid result documents for the history tests: one document per point, made
// a minute apart, each carrying a commit hash of its own; throughput and read p50 per point (one
// cell each, or `repeats` cells a little apart).

import { createRng } from '../../../core/rng.js';
import { cell, documentOf } from '../../../core/result/test-support/documents.js';
import type { ResultDocument } from '../../../core/result/schema.js';
import type { LabelledDocument } from '../order.js';

export interface SeriesPointFigures {
  readonly throughput: number;
  readonly readP50: number;
}

/** A fake commit hash of 40 hex digits for position i. */
export const commitOf = (i: number): string => (i + 1).toString(16).padStart(8, '0').repeat(5);

export function historyDocument(i: number, f: SeriesPointFigures, repeats = 1, timed?: number): ResultDocument {
  const cells = Array.from({ length: repeats }, (_, r) =>
    cell({ repeat: r, throughput: f.throughput * (1 + r * 1e-3), ops: { read: { p50: f.readP50 * (1 + r * 1e-3), p99: 40, p999: 60 } }, ...(timed !== undefined ? { timed } : {}) }),
  );
  const doc = documentOf(cells);
  return { ...doc, createdAt: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString(), environment: { ...doc.environment, gitCommit: commitOf(i) } };
}

/**
 * `n` documents with 1 % normal noise (seeded) around 10,000 ops/s and 20 µs; from `stepAt` on
 * (if given) throughput is multiplied by `factor` and read p50 divided by it.
 */
export function noisyHistory(n: number, o: { stepAt?: number; factor?: number; seed?: number; repeats?: number } = {}): LabelledDocument[] {
  const rng = createRng(o.seed ?? 1);
  const gauss = (): number => Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());
  return Array.from({ length: n }, (_, i) => {
    const level = o.stepAt !== undefined && i >= o.stepAt ? (o.factor ?? 0.9) : 1;
    const f = { throughput: 10_000 * level * (1 + 0.01 * gauss()), readP50: (20 / level) * (1 + 0.01 * gauss()) };
    return { label: `doc-${String(i).padStart(2, '0')}.json`, doc: historyDocument(i, f, o.repeats ?? 1) };
  });
}
