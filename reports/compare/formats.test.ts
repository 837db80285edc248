import { describe, expect, it } from 'vitest';
import { compareDocuments, DEFAULT_COMPARE_OPTIONS } from '../../analysis/compare/compare.js';
import { parseThresholds } from '../../analysis/compare/thresholds.js';
import { cell, documentOf } from '../../core/result/test-support/documents.js';
import { toBmf } from './bmf.js';
import { toGab } from './gab.js';
import { COMPARISON_FORMAT } from './json.js';
import { comparisonToMarkdown } from './markdown.js';
import { renderComparison } from './render.js';
import { comparisonToText } from './text.js';

const repeats = [0, 1, 2, 3, 4];
const base = documentOf([
  ...repeats.map((r) => cell({ repeat: r, throughput: 1000 + r, ops: { read: { p50: 20 + r / 10, p99: 30, p999: 40 } }, writeAmp: 5 })),
  ...repeats.map((r) => cell({ repeat: r, backend: 'heap', knobs: {}, throughput: 9000 })),
]);
const head = documentOf([
  ...repeats.map((r) => cell({ repeat: r, throughput: 800 + r, ops: { read: { p50: 20 + r / 10, p99: 30, p999: 40 } }, writeAmp: 5 })),
  ...repeats.map((r) => cell({ repeat: r, backend: 'lmdb', knobs: {}, throughput: 7000 })),
]);
const comparison = compareDocuments(base, head, { ...DEFAULT_COMPARE_OPTIONS, thresholds: parseThresholds([]), baseLabel: 'base.json', headLabel: 'head.json' });

describe('comparison as text', () => {
  const text = comparisonToText(comparison);
  it('has a row per metric with the verdict, the unpaired groups and a FAIL summary', () => {
    expect(text).toMatch(/delay\/ycsb-a\s+throughput\s+1,002 ops\/s \(n=5\)\s+802 ops\/s \(n=5\)\s+-20\.0 %\s+\[-20\.\d %, -19\.\d %\]\s+±5%\s+regressed/);
    expect(text).toMatch(/read p99\.9 .* unchanged/);
    expect(text).toContain('base: heap/ycsb-a: only in base.json (5 cell(s))');
    expect(text).toContain('head: lmdb/ycsb-a: only in head.json (5 cell(s))');
    expect(text).toMatch(/^FAIL: 1 gating regression\(s\)/m);
  });
});

describe('comparison as Markdown', () => {
  const md = comparisonToMarkdown(comparison);
  it('leads with the outcome, tables the regression and folds the unchanged metrics', () => {
    expect(md.split('\n')[0]).toBe('## statebench compare :x:');
    expect(md).toMatch(/\| delay\/ycsb-a \| throughput \| .* \| regressed \|/);
    expect(md).toMatch(/<details><summary>\d+ unchanged or inconclusive metric\(s\)<\/summary>/);
    expect(md).toContain('**Unpaired (not compared)**');
    expect(md).toContain('- head: lmdb/ycsb-a: only in head.json (5 cell(s))');
  });

  it('escapes table cells taken from documents', () => {
    const odd = documentOf(repeats.map((r) => cell({ repeat: r, throughput: 1, workload: { name: 'a|b<script>' } })));
    const c = compareDocuments(odd, odd, { ...DEFAULT_COMPARE_OPTIONS, thresholds: parseThresholds([]) });
    const out = comparisonToMarkdown(c);
    expect(out).toContain('a\\|b&lt;script&gt;');
    expect(out).not.toContain('<script>');
  });
});

describe('comparison as JSON', () => {
  it('carries the format tag, the verdicts, the unpaired groups and the exit code', () => {
    const [file] = renderComparison('json', comparison, head);
    const parsed = JSON.parse(file?.content ?? '');
    expect(parsed.format).toBe(COMPARISON_FORMAT);
    expect(parsed.exitCode).toBe(1);
    expect(parsed.unpaired.map((u: { side: string }) => u.side).sort()).toEqual(['base', 'head']);
    expect(parsed.pairs[0].metrics[0]).toMatchObject({ id: 'throughput', verdict: 'regressed', gating: true });
  });
});

describe('Bencher Metric Format', () => {
  it('maps benchmark -> measure -> value, lower_value, upper_value over the repeats', () => {
    const bmf = toBmf(base);
    expect(Object.keys(bmf).sort()).toEqual(['delay/ycsb-a', 'heap/ycsb-a']);
    expect(bmf['delay/ycsb-a']?.throughput).toEqual({ value: 1002, lower_value: 1000, upper_value: 1004 });
    expect(bmf['delay/ycsb-a']?.['read.p50']?.lower_value).toBe(20);
    expect(bmf['delay/ycsb-a']?.writeAmp?.value).toBe(5);
  });

  it("is HEAD's figures for a comparison", () => {
    const [file] = renderComparison('bmf', comparison, head);
    expect(JSON.parse(file?.content ?? '')).toEqual(toBmf(head));
  });
});

describe('github-action-benchmark', () => {
  it('puts throughput in biggerIsBetter and latencies and amplification in smallerIsBetter', () => {
    const gab = toGab(base);
    expect(gab.biggerIsBetter.map((e) => e.name).sort()).toEqual(['delay/ycsb-a throughput', 'heap/ycsb-a throughput']);
    expect(gab.smallerIsBetter.map((e) => e.name)).toContain('delay/ycsb-a read p99.9');
    expect(gab.smallerIsBetter.map((e) => e.name)).toContain('delay/ycsb-a writeAmp');
    const tput = gab.biggerIsBetter.find((e) => e.name === 'delay/ycsb-a throughput');
    expect(tput).toEqual({ name: 'delay/ycsb-a throughput', unit: 'ops/s', value: 1002, range: '± 2', extra: 'repeats: 5' });
  });

  it('adds the change against BASE to each entry in a comparison, and writes the two arrays as files with --out', () => {
    const files = renderComparison('gab', comparison, head, 'out/gab.json');
    expect(files.map((f) => f.path)).toEqual(['out/gab.json', 'out/gab.bigger.json', 'out/gab.smaller.json']);
    const bigger = JSON.parse(files[1]?.content ?? '');
    const tput = bigger.find((e: { name: string }) => e.name === 'delay/ycsb-a throughput');
    expect(tput.extra).toMatch(/^repeats: 5\nvs base\.json: -20\.0 % \[.*\] regressed$/);
    expect(JSON.parse(files[2]?.content ?? '')).toBeInstanceOf(Array);
  });
});
