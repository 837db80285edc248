import { describe, expect, it } from 'vitest';
import { parseThresholds } from '../compare/thresholds.js';
import { analyseHistory, DEFAULT_HISTORY_OPTIONS, type HistoryOptions } from './history.js';
import { orderDocuments, type LabelledDocument } from './order.js';
import { commitOf, historyDocument, noisyHistory } from './test-support/series-documents.js';

const options: HistoryOptions = { ...DEFAULT_HISTORY_OPTIONS, thresholds: parseThresholds([]) };
const judge = (docs: readonly LabelledDocument[], o: Partial<HistoryOptions> = {}) => analyseHistory(orderDocuments(docs, null), { ...options, ...o });
const seriesOf = (h: ReturnType<typeof judge>, id: string) => h.series.find((s) => s.id === id);

describe('statebench history: change points in a series of documents', () => {
  it('finds a 10 % throughput drop where it was planted, with the levels, the interval, the commits around it, and fails the gate', () => {
    const h = judge(noisyHistory(40, { stepAt: 25, factor: 0.9 }));
    const tput = seriesOf(h, 'throughput');
    expect(tput?.status).toBe('judged');
    expect(tput?.changePoints).toHaveLength(1);
    const cp = tput?.changePoints[0];
    expect(Math.abs((cp?.position ?? 0) - 25)).toBeLessThanOrEqual(1);
    expect(cp?.before.median).toBeGreaterThan(9_800);
    expect(cp?.after.median).toBeLessThan(9_200);
    expect(cp?.changePct).toBeCloseTo(-10, 0);
    expect(cp?.ciLowPct).toBeLessThan(cp?.changePct ?? 0);
    expect(cp?.ciHighPct).toBeGreaterThan(cp?.changePct ?? 0);
    expect(cp?.verdict).toBe('regressed');
    expect(cp?.commitBefore).toBe(commitOf((cp?.position ?? 0) - 1));
    expect(cp?.commitAfter).toBe(commitOf(cp?.position ?? 0));
    expect(cp?.pValue).toBeLessThanOrEqual(0.001);
    expect(seriesOf(h, 'read.p50')?.changePoints[0]?.verdict).toBe('regressed');
    expect(h.regressions.map((r) => r.metric).sort()).toEqual(['read p50', 'throughput']);
    expect(h.exitCode).toBe(1);
  });

  it('passes on an improvement, on a series of noise, and when --fail-on leaves the regressed metrics out', () => {
    const better = judge(noisyHistory(40, { stepAt: 20, factor: 1.1 }));
    expect(seriesOf(better, 'throughput')?.changePoints[0]?.verdict).toBe('improved');
    expect(better.exitCode).toBe(0);
    const flat = judge(noisyHistory(40, { seed: 5 }));
    expect(flat.series.flatMap((s) => s.changePoints)).toEqual([]);
    expect(flat.exitCode).toBe(0);
    expect(judge(noisyHistory(40, { stepAt: 25, factor: 0.9 }), { failOn: ['none'] }).exitCode).toBe(0);
  });

  it('drops a significant change wholly within the threshold (a drift of 2 %), and keeps it under a 1 % threshold', () => {
    const docs = noisyHistory(40, { stepAt: 20, factor: 0.98, seed: 9 }).map((d, i) => ({
      ...d,
      // Noise of 0.1 % instead of 1 %: the 2 % shift is plainly real.
      doc: historyDocument(i, { throughput: (i >= 20 ? 9_800 : 10_000) * (1 + ((i * 7919) % 11) * 1e-4), readP50: 20 }),
    }));
    const tput = seriesOf(judge(docs), 'throughput');
    expect(tput).toMatchObject({ changePoints: [], negligibleChanges: 1 });
    expect(tput?.segments).toHaveLength(1);
    const strict = seriesOf(judge(docs, { thresholds: parseThresholds(['1%']) }), 'throughput');
    expect(strict?.changePoints.map((c) => [c.position, c.verdict])).toEqual([[20, 'regressed']]);
    expect(strict?.negligibleChanges).toBe(0);
  });

  it('is reproducible: the same documents and seed give the same history', () => {
    const docs = noisyHistory(30, { stepAt: 15, factor: 0.95, seed: 3 });
    expect(judge(docs)).toEqual(judge(docs));
  });

  it('says why a series is not judged, and names the documents lacking a metric instead of guessing', () => {
    const short = judge(noisyHistory(7));
    expect(seriesOf(short, 'throughput')).toMatchObject({ status: 'too-few-points', changePoints: [] });
    expect(seriesOf(short, 'throughput')?.note).toMatch(/^not judged: 7 point\(s\); a change point needs 4 on each side, so at least 8$/);

    const docs = noisyHistory(12);
    const other = historyDocument(12, { throughput: 10_000, readP50: 20 });
    docs.push({ label: 'heap-only.json', doc: { ...other, cells: other.cells.map((c) => ({ ...c, backend: 'heap' })) } });
    const gappy = judge(docs);
    expect(seriesOf(gappy, 'throughput')?.note).toBe('no value in 1 of 13 documents, left out: heap-only.json (no cell of the group)');
    expect(seriesOf(gappy, 'throughput')?.points).toHaveLength(12);

    const fewOps = [0, 1, 2, 3, 4, 5, 6, 7, 8].map((i) => ({ label: `d${i}`, doc: historyDocument(i, { throughput: 1, readP50: 20 }, 1, 500) }));
    const tail = seriesOf(judge(fewOps), 'read.p99');
    expect(tail?.status).toBe('too-few-timed');
    expect(tail?.note).toBe('not judged: read p99 needs 1,000 timed ops per cell, a cell here has 500');
  });

  it('takes the median of the repeats of each document as its point', () => {
    const h = judge(noisyHistory(8, { repeats: 3 }));
    expect(seriesOf(h, 'throughput')?.points.every((p) => p.repeats === 3)).toBe(true);
  });
});

describe('the order of the documents', () => {
  const docs = noisyHistory(4);
  // Made in another order than committed: doc-00's commit comes last in the repository.
  const commits = [commitOf(1), commitOf(2), commitOf(3), commitOf(0)];
  it('follows commit order when the repository knows every commit, shortened hashes included', () => {
    const o = orderDocuments(docs, commits);
    expect(o.orderedBy).toBe('git');
    expect(o.documents.map((d) => d.label)).toEqual(['doc-01.json', 'doc-02.json', 'doc-03.json', 'doc-00.json']);
    const short = docs.map((d) => ({ ...d, doc: { ...d.doc, environment: { ...d.doc.environment, gitCommit: d.doc.environment.gitCommit?.slice(0, 10) ?? null } } }));
    expect(orderDocuments(short, commits).orderedBy).toBe('git');
  });
  it('falls back to createdAt, saying why, when a commit is unknown or git could not be read', () => {
    const o = orderDocuments(docs, commits.slice(0, 3));
    expect(o.orderedBy).toBe('createdAt');
    expect(o.documents.map((d) => d.label)).toEqual(['doc-00.json', 'doc-01.json', 'doc-02.json', 'doc-03.json']);
    expect(o.note).toBe(`ordered by createdAt: 1 of 4 documents carry no commit the repository knows: doc-00.json (${commitOf(0)})`);
    expect(orderDocuments(docs, null, 'git cannot read a repository at /x').note).toBe('ordered by createdAt: git cannot read a repository at /x');
    expect(orderDocuments([...docs].reverse(), null).documents.map((d) => d.label)).toEqual(['doc-00.json', 'doc-01.json', 'doc-02.json', 'doc-03.json']);
  });
});
