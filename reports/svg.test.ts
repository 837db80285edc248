import { describe, expect, it } from 'vitest';
import { buildCharts } from './charts/index.js';
import { buildReportModel } from './model/report-model.js';
import { renderSvg } from './svg.js';
import { sweepDocument } from './test-support/fixtures.js';
import { scalingDocument } from './test-support/scaling-document.js';
import { ttlDocument } from './test-support/ttl-document.js';

describe('renderSvg', () => {
  it('renders every chart of a sweep to an SVG with drawn marks, without a browser', async () => {
    const charts = buildCharts(buildReportModel(sweepDocument(10)));
    expect(charts.length).toBe(7);
    for (const chart of charts) {
      const svg = await renderSvg(chart);
      expect(svg.startsWith('<svg')).toBe(true);
      // Marks are groups with class mark-<type> holding paths, lines or text.
      const marks = svg.match(/class="mark-(symbol|line|rect|rule|area|text)[^"]*"/g) ?? [];
      expect(marks.length, chart.id).toBeGreaterThan(0);
      expect((svg.match(/<path /g) ?? []).length, chart.id).toBeGreaterThan(5);
    }
  });

  it('renders the scaling chart of a state-size sweep, its failure mark included', async () => {
    const chart = buildCharts(buildReportModel(scalingDocument())).find((c) => c.id === 'scaling');
    expect(chart).toBeDefined();
    const svg = await renderSvg(chart!);
    expect(svg.match(/class="mark-line[^"]*"/g)?.length).toBeGreaterThan(0);
    // The failure: a dashed rule and a cross (symbol) at the out-of-memory size, in each panel.
    expect((svg.match(/stroke-dasharray="4,3"/g) ?? []).length).toBeGreaterThanOrEqual(4);
    expect(svg).toMatch(/class="mark-symbol[^"]*"/);
  });

  it('renders the TTL chart: a line per cell in each figure\'s panel', async () => {
    const chart = buildCharts(buildReportModel(ttlDocument())).find((c) => c.id === 'ttl-cleanup');
    expect(chart).toBeDefined();
    const svg = await renderSvg(chart!);
    // Stored and expired: 3 cells each; SST bytes: the 2 lsm cells; filter drops and incremental cleanup: 1 each.
    expect(svg.match(/class="mark-line[^"]*"/g)?.length).toBe(3 + 3 + 2 + 1 + 1);
  });
});
