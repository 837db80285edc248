// A thread sweep (--threads 1,2,4) in the reports: report.html's Threads section (each
// configuration at each thread count, each thread's share, an uneven split marked, cells and chart
// linked), summary.md's configuration × threads table, the summary rows told apart by threads=N,
// and the terminal table's threads column; none of it for a document without threads.
import { describe, expect, it } from 'vitest';
import { cell, documentOf } from '../core/result/test-support/documents.js';
import { buildCharts } from './charts/index.js';
import { renderHtml } from './html/page.js';
import { loadVegaAssets } from './html/vega-assets.js';
import { renderMarkdown } from './markdown/summary.js';
import { buildReportModel } from './model/report-model.js';
import { summaryRows } from './model/summary-rows.js';
import { mixedDocument } from './test-support/fixtures.js';
import { scalingDocument } from './test-support/scaling-document.js';
import { OVER_CORES, threadsDocument } from './test-support/threads-document.js';
import { renderTerminalSummary } from './terminal.js';

const model = buildReportModel(threadsDocument());
const charts = buildCharts(model);

describe('the Threads section of report.html', () => {
  const html = renderHtml(model, charts, loadVegaAssets());
  const section = /<section id="threads">[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';

  it('is in the navigation, links the chart and every cell it takes figures from', () => {
    expect(html).toContain('<a href="#threads">Threads</a>');
    expect(section).toContain('href="#chart-thread-scaling"');
    expect(html).toContain('id="chart-thread-scaling"');
    const links = [...section.matchAll(/href="#cell-([^"]+)"/g)].map((x) => x[1]!);
    expect(links).toHaveLength(18);
    for (const id of links) expect(html).toContain(`<tr id="cell-${id}"`);
  });

  it('has a row per configuration and thread count, then one per thread with its share; an uneven share is marked', () => {
    const rows = [...section.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((x) => [...x[1]!.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((c) => c[1]!.replace(/<div class="dim">[\s\S]*?<\/div>/, '').replace(/<[^>]+>/g, ''))).filter((r) => r.length > 0); // the header row has th only
    // heap: 1 + 2 + 4 rows; each lsm configuration the same.
    expect(rows).toHaveLength(21);
    expect(rows[0]).toEqual(['heap', '1', '1,000,000', 'base', '40', '–', '', '', '', '']);
    expect(rows[1]).toEqual(['', '2', '1,800,000', '1.8×', '48', '0', '900,000', '50 %', '909,000', '40']);
    expect(rows[2]).toEqual(['', '', '', '', '', '1', '900,000', '50 %', '909,000', '41']);
    expect(rows[7]).toEqual(['lsm writeBufferSize=4MiB', '1', '100,000', 'base', '40', '–', '', '', '', '']);
    expect(section).toMatch(/<td class="n warn" title="more than a fifth off an even split \(50 %\)">66\.7 %<\/td>/);
    expect(section).toMatch(/<td class="n warn" title="more than a fifth off an even split \(25 %\)">40 %<\/td>/);
    expect([...section.matchAll(/class="n warn"/g)]).toHaveLength(3);
  });

  it('keeps the warning above the core count in the notes on cells, and the counts in the plan', () => {
    expect(html).toContain(OVER_CORES.replace(/'/g, '&#39;'));
    expect(html).toContain('<dt>threads</dt><dd>1, 2, 4</dd>');
    expect(renderHtml(buildReportModel(mixedDocument()), [], loadVegaAssets())).not.toContain('<dt>threads</dt>');
  });
});

describe('summary.md', () => {
  const text = renderMarkdown(model, charts);

  it('has a configuration × threads table: ops/s summed, speed-up, p99 and each thread\'s share', () => {
    expect(text).toContain('### Threads');
    expect(text).toContain('| configuration | threads | ops/s (sum) | speed-up | p99 µs | per thread: ops/s in the window (share) |');
    expect(text).toContain('| heap | 1 | 1,000,000 | – | 40 | – |');
    expect(text).toContain('|  | 4 | 2,000,000 | 2× | 80 | #0 500,000 (25 %)<br>#1 500,000 (25 %)<br>#2 500,000 (25 %)<br>#3 500,000 (25 %) |');
    expect(text).toContain('| lsm writeBufferSize=64MiB | 1 | 150,000 | – | 40 | – |');
    expect(text).toContain('|  | 2 | 180,000 | 1.8× | 48 | #0 120,000 (**66.7 %**)<br>#1 60,000 (**33.3 %**) |');
  });

  it('tells the summary rows of each thread count apart', () => {
    expect(text).toContain('| heap | ycsb-a | threads=1 |');
    expect(text).toContain('| lsm | ycsb-a | writeBufferSize=4MiB threads=4 |');
    expect(summaryRows(model).map((r) => r.configuration)).toContain('lsm writeBufferSize=64MiB threads=2');
  });

  it('has no Threads section, and no threads in a label, for documents without threads', () => {
    for (const doc of [mixedDocument(), scalingDocument()]) {
      const one = buildReportModel(doc);
      expect(renderMarkdown(one, buildCharts(one))).not.toMatch(/threads/i);
      expect(renderHtml(one, buildCharts(one), loadVegaAssets())).not.toContain('id="threads"');
    }
  });

  it('lists a document of one thread count above one, without a chart', () => {
    const fours = buildReportModel(documentOf([0, 1].map((repeat) => ({ ...cell({ repeat, throughput: 10 }), threads: 4 }))));
    expect(buildCharts(fours).map((c) => c.id)).not.toContain('thread-scaling');
    const md = renderMarkdown(fours, buildCharts(fours));
    expect(md).toContain('**ycsb-a** at 4 thread(s):');
    expect(renderHtml(fours, buildCharts(fours), loadVegaAssets())).not.toContain('href="#chart-thread-scaling"');
  });
});

describe('the terminal table', () => {
  it('has a threads column when a cell ran more than one thread', () => {
    const lines = renderTerminalSummary(threadsDocument()).split('\n');
    expect(lines[0]).toMatch(/^backend\s+workload\s+threads\s+knobs\s/);
    expect(lines[2]).toMatch(/^heap\s+ycsb-a\s+1\s+-\s+0\s+ok\s+980,000\s/);
    expect(lines.filter((l) => /^lsm\s+ycsb-a\s+4\s+writeBufferSize=/.test(l))).toHaveLength(4);
  });

  it('and none for documents without threads', () => {
    expect(renderTerminalSummary(mixedDocument()).split('\n')[0]).not.toContain('threads');
    expect(renderTerminalSummary(scalingDocument()).split('\n')[0]).toMatch(/^backend\s+workload\s+records\s+knobs\s/);
  });
});
