import { describe, expect, it } from 'vitest';
import { parseThresholds } from '../../analysis/compare/thresholds.js';
import { analyseHistory, DEFAULT_HISTORY_OPTIONS } from '../../analysis/history/history.js';
import { orderDocuments } from '../../analysis/history/order.js';
import { noisyHistory } from '../../analysis/history/test-support/series-documents.js';
import { historyCharts } from './chart.js';
import { HISTORY_FORMAT, historyToJson } from './json.js';
import { historyToMarkdown } from './markdown.js';
import { historyToText } from './text.js';

const docs = noisyHistory(40, { stepAt: 25, factor: 0.9 });
const history = analyseHistory(orderDocuments(docs, null), { ...DEFAULT_HISTORY_OPTIONS, thresholds: parseThresholds([]) });

describe('history as text', () => {
  const text = historyToText(history);
  it('has a row per series with its newest change, every change point with its levels and commits, and a FAIL line', () => {
    expect(text.split('\n')[0]).toBe('statebench history: 40 documents in the order they were made (createdAt), doc-00.json ... doc-39.json');
    expect(text).toMatch(/delay\/ycsb-a\s+throughput\s+40\s+[89],\d{3} ops\/s\s+1\s+#2[456] doc-2[456]\.json, commits \w{10}\.\.\w{10}\s+-(9|10)\.\d %\s+\[-\d+\.\d %, -\d+\.\d %\]\s+±5%\s+regressed/);
    expect(text).toMatch(/^ {2}delay\/ycsb-a throughput at #2[456] doc-2[456]\.json, commits \w+\.\.\w+: median \d+,\d{3} -> [89],\d{3} ops\/s \(\d+ -> \d+ documents\), -\d+\.\d % \[.*\], regressed, p = /m);
    expect(text).toMatch(/read p99 .* no change$/m);
    expect(text).toMatch(/^FAIL: 2 series end in a regression \(delay\/ycsb-a throughput; delay\/ycsb-a read p50\); 2 change point\(s\) in 4 judged series, 0 not judged$/m);
  });
});

describe('history as Markdown', () => {
  const md = historyToMarkdown(history);
  it('leads with the outcome, tables the series with change points and folds the rest', () => {
    expect(md.split('\n')[0]).toBe('## statebench history :x:');
    expect(md).toMatch(/\| delay\/ycsb-a \| throughput \| 40 \| .* \| regressed \|/);
    expect(md).toContain('<details><summary>2 series without a change point</summary>');
    expect(md).toContain('**Change points**');
  });
});

describe('history as JSON and charts', () => {
  it('carries the format tag, the series with their change points, and the exit code', () => {
    const parsed = JSON.parse(historyToJson(history));
    expect(parsed.format).toBe(HISTORY_FORMAT);
    expect(parsed.exitCode).toBe(1);
    expect(parsed.series[0]).toMatchObject({ id: 'throughput', status: 'judged' });
    expect(parsed.series[0].changePoints[0]).toMatchObject({ verdict: 'regressed' });
  });
  it('draws one chart per series with points, with a change-point layer only where there is one', () => {
    const charts = historyCharts(history);
    expect(charts.map((c) => c.id)).toEqual(history.series.map((s) => `history-delay-ycsb-a-${s.id.replace(/\./g, '-')}`));
    const layers = (i: number): number => (charts[i]?.spec as { layer: unknown[] }).layer.length;
    expect(charts.map((_, i) => layers(i))).toEqual([4, 4, 3, 3]);
  });
});
