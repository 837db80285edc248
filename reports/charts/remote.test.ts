// The remote-state sweep in the reports: each remote configuration over its local baseline (the
// local cells with the same knobs but the store's), the finding at the smallest file cache and
// fewest reads in flight that reach 0.8 of local, the chart, summary.md's part; nothing for a
// document without remote cells.
import { describe, expect, it } from 'vitest';
import { buildReportModel } from '../model/report-model.js';
import { remoteFindings, remotePoints } from '../model/remote-sweep.js';
import { remoteMarkdown } from '../markdown/remote-section.js';
import { compileChart, dataRows } from '../test-support/compile.js';
import { makeDocument } from '../test-support/fixtures.js';
import { CACHES, READS, RELATIVE, remoteDocument } from '../test-support/remote-document.js';
import { buildCharts } from './index.js';
import { remoteSweepChart } from './remote.js';

const model = buildReportModel(remoteDocument());

describe('remote-state sweep', () => {
  it('pairs every remote configuration with local lsm with synchronous gets: same workload and knobs, the store and reads in flight left out', () => {
    const points = remotePoints(model);
    expect(points.map((p) => [p.fileCacheBytes, p.readsInFlight])).toEqual(CACHES.flatMap((c) => READS.map((r) => [c, r])));
    for (const p of points) {
      // Local with synchronous gets, whatever the remote cell keeps in flight (not local with 16 in flight, at 50k).
      expect(p.localThroughput).toBe(100_000);
      expect(p.relative).toBeCloseTo(RELATIVE[p.fileCacheBytes]?.[p.readsInFlight] as number, 6);
      expect(p.store).toBe('2ms, 200MiB/s');
    }
    expect(points.find((p) => p.fileCacheBytes > 0)?.fileCacheHitRatio).toBe(0.95);
  });

  it('without local cells of synchronous gets, compares with local cells keeping as many reads in flight', () => {
    const doc = remoteDocument();
    const noSync = { ...doc, cells: doc.cells.filter((c) => c.knobs.remote === true || c.knobs.asyncReads !== 0) };
    const points = remotePoints(buildReportModel(noSync));
    expect(points.map((p) => [p.fileCacheBytes, p.readsInFlight, p.localThroughput])).toEqual([[0, 16, 50_000], [1024 ** 3, 16, 50_000]]);
  });

  it('finds the smallest file cache, then the fewest reads in flight, that reach 0.8 of local', () => {
    expect(remoteFindings(remotePoints(model))).toEqual([
      'ycsb-c (2ms, 200MiB/s): with a 1GiB file cache and 16 reads in flight, remote reaches 0.9 of local (no file cache and synchronous reads: 0.01)',
    ]);
    const short = remotePoints(model).filter((p) => p.relative < 0.8);
    expect(remoteFindings(short)).toEqual([
      'ycsb-c (2ms, 200MiB/s): no measured point reaches 0.8 of local; the best, with a 1GiB file cache and synchronous reads, reaches 0.6 (no file cache and synchronous reads: 0.01)',
    ]);
  });

  it('charts relative throughput against reads in flight, one line per file cache, and compiles without warnings', () => {
    const chart = remoteSweepChart(model);
    expect(chart?.id).toBe('remote-sweep');
    expect(compileChart(chart!).warnings).toEqual([]);
    const rows = dataRows(chart!);
    expect(rows.map((r) => [r.cache, r.reads])).toEqual([
      ['no file cache', 'sync'],
      ['no file cache', '16'],
      ['1GiB file cache', 'sync'],
      ['1GiB file cache', '16'],
    ]);
    expect(buildCharts(model).map((c) => c.id)).toContain('remote-sweep');
  });

  it('writes summary.md\'s part: the finding and a row per remote configuration', () => {
    const lines = remoteMarkdown(model, (h, _a, rows) => [h.join('|'), ...rows.map((r) => r.join('|'))].join('\n'));
    expect(lines[0]).toBe('### Remote state');
    expect(lines.join('\n')).toContain('- ycsb-c (2ms, 200MiB/s): with a 1GiB file cache and 16 reads in flight, remote reaches 0.9 of local');
    expect(lines.join('\n')).toContain('ycsb-c (2ms, 200MiB/s)|1GiB file cache|16 reads in flight|90,000|100,000|0.9|0.95|100');
  });

  it('has nothing to say about a document without remote cells', () => {
    const plain = buildReportModel(makeDocument());
    expect(remotePoints(plain)).toEqual([]);
    expect(remoteSweepChart(plain)).toBeNull();
    expect(remoteMarkdown(plain, () => '')).toEqual([]);
  });
});
