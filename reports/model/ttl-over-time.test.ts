// The TTL figures over time, read back from a document's time series, and the line the terminal
// and Markdown summaries print for each cell and TTL state.
import { describe, expect, it } from 'vitest';
import { ttlDocument } from '../test-support/ttl-document.js';
import { ttlLine, ttlSeries } from './ttl-over-time.js';
import { renderTerminalSummary } from '../terminal.js';
import { renderMarkdown } from '../markdown/summary.js';
import { buildReportModel } from './report-model.js';

describe('TTL state over time', () => {
  it('reads each cell\'s TTL state figures from its time series', () => {
    const series = ttlSeries(ttlDocument());
    expect(series.map((s) => [s.cellId, s.state, s.cleanup, s.points.length])).toEqual([
      ['lsm/ttl-dedupe/background#0', 'seen', 'background', 20],
      ['lsm/ttl-dedupe/none#0', 'seen', 'none', 20],
      ['heap/ttl-dedupe/background#0', 'seen', 'background', 20],
    ]);
    expect(series[1]?.points.at(-1)).toEqual({ tMs: 20_000, stored: 90_000, expired: 60_000, sstBytes: 9_900_000 });
  });

  it('says at the end what is stored, expired, on disk and removed, and the peak', () => {
    const [lsm, , heap] = ttlSeries(ttlDocument());
    expect(ttlLine(lsm!)).toBe(
      'lsm/ttl-dedupe/background#0, TTL state seen (ttlCleanup background): at the end 30,600 stored, 900 of them expired, 3.21 MiB of SST files, 56,000 dropped by the compaction filter; stored at most 30,600 (at 5.0 s)',
    );
    expect(ttlLine(heap!)).toContain('60,000 removed by incremental cleanup');
  });

  it('prints the line in the terminal and Markdown summaries', () => {
    const doc = ttlDocument();
    expect(renderTerminalSummary(doc)).toContain('ttl: lsm/ttl-dedupe/none#0, TTL state seen (ttlCleanup none): at the end 90,000 stored, 60,000 of them expired');
    expect(renderMarkdown(buildReportModel(doc), [])).toContain('### TTL state over time');
  });
});
