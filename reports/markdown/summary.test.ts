import { describe, expect, it } from 'vitest';
import { buildCharts } from '../charts/index.js';
import { buildReportModel } from '../model/report-model.js';
import { hostileDocument, mixedDocument } from '../test-support/fixtures.js';
import { renderMarkdown } from './summary.js';

function markdown(doc = mixedDocument(), images?: Map<string, string>): string {
  const model = buildReportModel(doc);
  return renderMarkdown(model, buildCharts(model), images ? { chartImages: images } : {});
}

/** Columns of a Markdown table row: split on pipes that are not escaped. */
function columns(row: string): number {
  return row.replace(/\\\\/g, '').split(/(?<!\\)\|/).length - 2;
}

describe('summary.md', () => {
  it('has a summary row per configuration and the recommendations table', () => {
    const md = markdown();
    const summaryRows = md.split('\n').filter((l) => /^\| (heap|lmdb|lsm) \|/.test(l));
    expect(summaryRows).toHaveLength(6);
    expect(md).toContain('### Recommendations');
    expect(md).toContain('increase writeBufferSize to 128MiB');
    expect(md).toContain('confirmed: throughputOpsPerSec +18.2 %');
  });

  it('keeps every table row whole when strings hold pipes, backticks, markup and newlines', () => {
    const md = markdown(hostileDocument());
    const tables = md.split('\n\n').filter((block) => block.startsWith('|'));
    expect(tables.length).toBeGreaterThanOrEqual(3);
    for (const table of tables) {
      const rows = table.split('\n').filter((r) => r !== '');
      const width = columns(rows[0]!);
      for (const row of rows) expect(columns(row)).toBe(width);
    }
    expect(md).not.toMatch(/<(?!br>)/);
    expect(md).toContain('a \\| b \\`code\\` &lt;b&gt;bold&lt;/b&gt;<br>second line');
  });

  it('links the chart images when SVGs are written beside it', () => {
    const md = markdown(mixedDocument(), new Map([['throughput', 'charts/throughput.svg']]));
    expect(md).toContain('![Throughput per configuration](charts/throughput.svg)');
  });
});
