import { describe, expect, it } from 'vitest';
import { compareDocuments, DEFAULT_COMPARE_OPTIONS, type CompareOptions } from './compare.js';
import { parseThresholds } from './thresholds.js';
import { cell, documentOf, repeatsDocument } from '../../core/result/test-support/documents.js';

const opts = (over: Partial<CompareOptions> = {}): CompareOptions => ({ ...DEFAULT_COMPARE_OPTIONS, thresholds: parseThresholds([]), ...over });
const lat = (p50: number) => () => ({ p50, p99: p50 * 1.5, p999: p50 * 2 });
const metric = (c: ReturnType<typeof compareDocuments>, id: string) => c.pairs[0]?.metrics.find((m) => m.id === id);

// Both interval methods must reach the same verdicts on clear-cut inputs.
describe.each(['bootstrap', 'mann-whitney'] as const)('compareDocuments verdicts (%s)', (method) => {
  const base = repeatsDocument([1000, 1010, 990, 1005, 995], lat(20));
  const opts = (over: Partial<CompareOptions> = {}): CompareOptions => ({ ...DEFAULT_COMPARE_OPTIONS, thresholds: parseThresholds([]), method, ...over });

  it('finds a 20 % throughput drop a gating regression and exits 1', () => {
    const head = repeatsDocument([800, 808, 792, 804, 796], lat(20));
    const c = compareDocuments(base, head, opts());
    expect(metric(c, 'throughput')?.verdict).toBe('regressed');
    expect(metric(c, 'throughput')?.changePct).toBeCloseTo(-20, 6);
    expect(c.exitCode).toBe(1);
    expect(c.gatingRegressions.map((r) => r.metric)).toEqual(['throughput']);
  });

  it('finds a 20 % latency rise a regression and a fall an improvement', () => {
    const slower = compareDocuments(base, repeatsDocument([1000, 1010, 990, 1005, 995], lat(24)), opts());
    expect(metric(slower, 'read.p50')?.verdict).toBe('regressed');
    const faster = compareDocuments(base, repeatsDocument([1000, 1010, 990, 1005, 995], lat(16)), opts());
    expect(metric(faster, 'read.p99')?.verdict).toBe('improved');
    expect(faster.exitCode).toBe(0);
  });

  it('calls identical documents unchanged and exits 0', () => {
    const c = compareDocuments(base, base, opts());
    expect(c.pairs[0]?.metrics.every((m) => m.verdict === 'unchanged')).toBe(true);
    expect(c.counts.unchanged).toBe(c.pairs[0]?.metrics.length);
    expect(c.exitCode).toBe(0);
  });

  it('keeps a regression out of the exit code when --fail-on does not choose its metric', () => {
    const head = repeatsDocument([800, 808, 792, 804, 796], lat(20));
    const c = compareDocuments(base, head, opts({ failOn: ['p99'] }));
    expect(metric(c, 'throughput')?.verdict).toBe('regressed');
    expect(metric(c, 'throughput')?.gating).toBe(false);
    expect(metric(c, 'read.p99')?.gating).toBe(true);
    expect(c.exitCode).toBe(0);
  });

  it('applies a per-metric threshold', () => {
    const head = repeatsDocument([800, 808, 792, 804, 796], lat(20));
    const c = compareDocuments(base, head, opts({ thresholds: parseThresholds(['throughput=30%']) }));
    expect(metric(c, 'throughput')?.thresholdPct).toBe(30);
    expect(metric(c, 'throughput')?.verdict).toBe('unchanged');
    expect(metric(c, 'read.p50')?.thresholdPct).toBe(5);
  });

  it('compares write and space amplification when both sides report them', () => {
    const b = documentOf([0, 1, 2, 3].map((r) => cell({ repeat: r, throughput: 1000, writeAmp: 10 + r / 10, spaceAmp: 1.1 })));
    const h = documentOf([0, 1, 2, 3].map((r) => cell({ repeat: r, throughput: 1000, writeAmp: 13 + r / 10, spaceAmp: 1.1 })));
    const c = compareDocuments(b, h, opts());
    expect(metric(c, 'writeAmp')?.verdict).toBe('regressed');
    expect(metric(c, 'spaceAmp')?.verdict).toBe('unchanged');
  });
});

describe('compareDocuments with too few repeats', () => {
  it('is inconclusive and says how many repeats the bootstrap needs', () => {
    const c = compareDocuments(repeatsDocument([1000, 1000]), repeatsDocument([500, 500]), opts({ method: 'bootstrap' }));
    expect(metric(c, 'throughput')?.verdict).toBe('inconclusive');
    expect(c.pairs[0]?.notes.join('\n')).toMatch(/needs at least 3 repeats on each side; base has 2, head has 2/);
    expect(c.exitCode).toBe(0);
  });

  it('needs 4 repeats per side with mann-whitney', () => {
    const c = compareDocuments(repeatsDocument([1000, 1001, 999]), repeatsDocument([500, 501, 499]), opts({ method: 'mann-whitney' }));
    expect(c.settings.minRepeats).toBe(4);
    expect(metric(c, 'throughput')?.verdict).toBe('inconclusive');
    const enough = compareDocuments(repeatsDocument([1000, 1001, 999, 1002]), repeatsDocument([500, 501, 499, 502]), opts({ method: 'mann-whitney' }));
    expect(metric(enough, 'throughput')?.verdict).toBe('regressed');
  });

});

describe('compareDocuments pairing', () => {
  it('pairs repeats by backend, knobs and workload regardless of key order, and lists the unpaired groups', () => {
    const b = documentOf([
      ...[0, 1, 2].map((r) => cell({ repeat: r, throughput: 1000, knobs: { a: 1, b: 2 } })),
      ...[0, 1, 2].map((r) => cell({ repeat: r, throughput: 1000, backend: 'heap', knobs: {} })),
    ]);
    const h = documentOf([
      ...[0, 1, 2].map((r) => cell({ repeat: r, throughput: 1000, knobs: { b: 2, a: 1 } })),
      ...[0, 1, 2].map((r) => cell({ repeat: r, throughput: 1000, workload: { name: 'ycsb-a', records: 2000 } })),
    ]);
    const c = compareDocuments(b, h, opts());
    expect(c.pairs).toHaveLength(1);
    expect(c.pairs[0]?.baseCells).toHaveLength(3);
    const unpaired = c.unpaired.map((u) => `${u.side} ${u.benchmark}`).sort();
    expect(unpaired).toEqual(['base heap/ycsb-a', 'head delay/ycsb-a a=- b=- latencyUs=20 records=2000']);
  });

  it('lists a group whose cells all failed on one side as unpaired, with the reason', () => {
    const b = documentOf([0, 1, 2].map((r) => cell({ repeat: r, throughput: 1000 })));
    const h = documentOf([
      ...[0, 1, 2].map((r) => cell({ repeat: r, throughput: 1000 })),
      ...[0, 1].map((r) => cell({ repeat: r, throughput: 1000, backend: 'lsm', status: 'errored' })),
    ]);
    const c = compareDocuments(b, h, opts());
    expect(c.unpaired).toHaveLength(1);
    expect(c.unpaired[0]?.reason).toBe('only in head (2 errored)');
  });

  it('leaves errored repeats out of the statistics and says so', () => {
    const b = documentOf([0, 1, 2, 3].map((r) => cell({ repeat: r, throughput: 1000, status: r === 3 ? 'errored' : 'ok' })));
    const c = compareDocuments(b, b, opts());
    expect(c.pairs[0]?.metrics[0]?.base.n).toBe(3);
    expect(c.pairs[0]?.notes.join('\n')).toMatch(/left out 2 cell\(s\) not ok/);
  });

  it('refuses documents with no cells in common (exit 2)', () => {
    const b = repeatsDocument([1, 2, 3]);
    const h = repeatsDocument([1, 2, 3], undefined, { backend: 'heap' });
    expect(() => compareDocuments(b, h, opts())).toThrow(/no cells in common/);
  });

  it('refuses a --fail-on selector that matches no metric', () => {
    const d = repeatsDocument([1, 2, 3]);
    expect(() => compareDocuments(d, d, opts({ failOn: ['write'] }))).toThrow(/--fail-on: 'write' matches no metric/);
  });
});

describe('compareDocuments --ignore-knob', () => {
  it('pairs cells whose only difference is an ignored knob', () => {
    const b = documentOf([0, 1, 2, 3].map((r) => cell({ repeat: r, throughput: 1000, knobs: { latencyUs: 10, slowdownGet: 1 } })));
    const h = documentOf([0, 1, 2, 3].map((r) => cell({ repeat: r, throughput: 800, knobs: { latencyUs: 10, slowdownGet: 1.1 } })));
    expect(() => compareDocuments(b, h, opts())).toThrow(/no cells in common/);
    const c = compareDocuments(b, h, opts({ ignoreKnobs: ['delay.slowdownGet'] }));
    expect(c.pairs).toHaveLength(1);
    expect(c.unpaired).toHaveLength(0);
    expect(metric(c, 'throughput')?.verdict).toBe('regressed');
  });
});

describe('compareDocuments on tail percentiles from few timed ops', () => {
  const docOf = (p999: number, timed: number) =>
    documentOf([0, 1, 2, 3, 4].map((r) => cell({ repeat: r, throughput: 1000 + r, timed, ops: { read: { p50: 20 + r / 10, p99: 30 + r / 10, p999: p999 + r } } })));

  it('calls a p99.9 read from 1,000 timed ops inconclusive and says how many it needs', () => {
    const c = compareDocuments(docOf(50, 1000), docOf(100, 1000), opts());
    const m = metric(c, 'read.p999');
    expect(m?.verdict).toBe('inconclusive');
    expect(m?.note).toContain('needs 10,000 timed ops per cell');
    expect(c.exitCode).toBe(0);
    // p99 from 1,000 ops has 10 beyond it: still compared.
    expect(metric(c, 'read.p99')?.verdict).toBe('unchanged');
  });

  it('gates the same doubling of p99.9 once the cells timed enough ops', () => {
    const c = compareDocuments(docOf(50, 10_000), docOf(100, 10_000), opts());
    expect(metric(c, 'read.p999')?.verdict).toBe('regressed');
    expect(c.exitCode).toBe(1);
  });
});

