// The scaling findings in the reports: each case in words with figures a reader finds in the
// cell table, the HTML section linking every figure to its cell, the Markdown section, and no
// section for a document of one state size.
import { describe, expect, it } from 'vitest';
import type { ResultDocument, ScalingFinding, SizeMeasurement } from '../core/result/schema.js';
import { buildCharts } from './charts/index.js';
import { renderHtml } from './html/page.js';
import { loadVegaAssets } from './html/vega-assets.js';
import { renderMarkdown } from './markdown/summary.js';
import { buildReportModel } from './model/report-model.js';
import { scalingFindingTexts } from './model/scaling-findings.js';
import { mixedDocument } from './test-support/fixtures.js';
import { scalingDocument } from './test-support/scaling-document.js';
import { renderTerminalSummary } from './terminal.js';

function m(backend: string, records: number, opsPerSec: number | null, status: SizeMeasurement['status'] = 'ok', reason: string | null = null): SizeMeasurement {
  return { backend, configuration: backend, records, status, cellIds: [`${backend}/w/records=${records}#0`], opsPerSec, reason };
}

function withFinding(crossover: ScalingFinding['crossover']): ResultDocument {
  return { ...mixedDocument(), findings: [{ kind: 'scaling', workload: 'w', sizes: [10_000, 50_000], crossover, cacheFalloff: [] }] };
}

const lines = (doc: ResultDocument): string[] => scalingFindingTexts(doc)[0]!.lines.map((l) => l.text);

describe('scaling findings in words', () => {
  it('heap slower: both figures at the crossover, and at the size below', () => {
    const doc = withFinding({ records: 50_000, reason: 'slower', heap: m('heap', 50_000, 250_000), other: m('lsm', 50_000, 280_000), before: { heap: m('heap', 10_000, 900_000), other: m('lsm', 10_000, 300_000) } });
    expect(lines(doc)).toEqual([
      'Heap stops leading at 50k records: lsm at 280,000 ops/s, heap at 250,000 ops/s.',
      'At 10k records, the size below, heap still led: heap at 900,000 ops/s, lsm at 300,000 ops/s.',
    ]);
    expect(scalingFindingTexts(doc)[0]!.lines[0]!.cellIds).toEqual(['heap/w/records=50000#0', 'lsm/w/records=50000#0']);
  });

  it('heap out of memory, over the budget, or leading everywhere', () => {
    const oom = withFinding({ records: 50_000, reason: 'errored', heap: m('heap', 50_000, null, 'errored', 'out of memory'), other: m('lsm', 50_000, 280_000), before: null });
    expect(lines(oom)).toEqual(['Heap fails at 50k records (out of memory); lsm at 280,000 ops/s there.', 'That is the smallest size measured: heap led at none.']);
    const budget = withFinding({ records: 50_000, reason: 'over-budget', heap: m('heap', 50_000, null, 'over-budget', 'over the memory budget: 9MiB > 8MiB'), other: null, before: null });
    expect(lines(budget)[0]).toBe('Heap exceeds the memory budget at 50k records (over the memory budget: 9MiB > 8MiB); no other configuration finished there either.');
    const leads = withFinding({ records: null, reason: null, heap: m('heap', 50_000, 900_000), other: m('lsm', 50_000, 300_000), before: null });
    expect(lines(leads)).toEqual(['Heap leads at every measured size, up to 50k records; there: heap at 900,000 ops/s, lsm at 300,000 ops/s.']);
    expect(lines(withFinding(null))[0]).toMatch(/^No heap crossover to find/);
  });

  it('a block cache below the threshold from its first measured size says so, not that it fell', () => {
    const doc: ResultDocument = {
      ...mixedDocument(),
      findings: [{ kind: 'scaling', workload: 'w', sizes: [10_000, 50_000], crossover: null, cacheFalloff: [{ backend: 'lsm', configuration: 'lsm', threshold: 0.9, records: 50_000, points: [{ records: 50_000, hitRatio: 0.123, cellIds: ['c'] }] }] }],
    };
    expect(lines(doc)[1]).toBe('lsm: the block-cache hit ratio is below 0.9 from the first size whose cells read through it, 50k records (0.123 at 50k): from there more than one block read in ten misses the cache.');
  });
});

describe('the State size section', () => {
  const model = buildReportModel(scalingDocument());
  const charts = buildCharts(model);

  it('in report.html: in the navigation, each figure linked to a cell of the cell table, the chart linked', () => {
    const html = renderHtml(model, charts, loadVegaAssets());
    expect(html).toContain('<a href="#scaling">State size</a>');
    const section = /<section id="scaling">[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
    expect(section).toContain('Heap fails at 1M records (cell process killed by SIGABRT: out of memory');
    expect(section).toContain('href="#chart-scaling"');
    const links = [...section.matchAll(/href="#cell-([^"]+)"/g)].map((x) => x[1]!);
    expect(links).toContain('heap/value-state/records=1M#0');
    for (const id of links) expect(html).toContain(`<tr id="cell-${id}"`);
    expect(html).toContain('<dt>records</dt><dd>10k, 100k, 1M</dd>');
  });

  it('in summary.md, with the cells named', () => {
    const text = renderMarkdown(model, charts);
    expect(text).toContain('### State size');
    expect(text).toMatch(/- lsm writeBufferSize=4MiB: the block-cache hit ratio falls below 0\.9 at 1M records \(0\.99 at 10k, 0\.95 at 100k, 0\.7 at 1M\)/);
    expect(text).toContain('`heap/value-state/records=100k#0`');
  });

  it('absent for a document of one state size', () => {
    const one = buildReportModel(mixedDocument());
    expect(renderMarkdown(one, buildCharts(one))).not.toContain('State size');
    expect(renderHtml(one, buildCharts(one), loadVegaAssets())).not.toContain('id="scaling"');
  });
});

describe('the size in the tables', () => {
  it('the terminal table has a records column when the size varies, and none otherwise', () => {
    const lines = renderTerminalSummary(scalingDocument()).split('\n');
    expect(lines[0]).toMatch(/^backend\s+workload\s+records\s+knobs\s/);
    expect(lines.find((l) => l.startsWith('heap ') && l.includes('errored'))).toMatch(/^heap\s+value-state\s+1M\s/);
    expect(renderTerminalSummary(mixedDocument()).split('\n')[0]).not.toContain('records');
    // The findings below the table.
    expect(lines).toContain('state size, value-state: At 100k records, the size below, heap still led: heap at 1,200,000 ops/s, lsm writeBufferSize=64MiB at 280,000 ops/s.');
    expect(renderTerminalSummary(mixedDocument())).not.toContain('state size');
  });

  it('summary.md and report.html name each configuration\'s size in its workload', () => {
    const model = buildReportModel(scalingDocument());
    const md = renderMarkdown(model, buildCharts(model));
    expect(md).toContain('| heap | value-state (1M records) |');
    expect(md).toContain('| lsm | value-state (10k records) | writeBufferSize=4MiB |');
  });
});

