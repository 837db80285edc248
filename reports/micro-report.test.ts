// Reports of a real micro-benchmark document (`statebench micro -b heap`, built CLI): the micro
// cells get their own table and chart and are not counted as failed workload cells.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatNs } from './micro-terminal.js';
import type { MicroTask, ResultDocument } from '../core/result/schema.js';
import { runCliProcess } from '../harness/test-support/cli.js';
import { buildCharts } from './charts/index.js';
import { microChart } from './charts/micro.js';
import { renderHtml } from './html/page.js';
import { loadVegaAssets } from './html/vega-assets.js';
import { renderMarkdown } from './markdown/summary.js';
import { buildReportModel, type ReportModel } from './model/report-model.js';
import { statusCounts, summaryRows } from './model/summary-rows.js';
import { compileChart, dataRows } from './test-support/compile.js';
import { runMicro } from './test-support/micro-document.js';

let run: Awaited<ReturnType<typeof runMicro>>;
let doc: ResultDocument;
let model: ReportModel;
let tasks: [string, MicroTask][];

beforeAll(async () => {
  run = await runMicro();
  doc = run.doc;
  model = buildReportModel(doc);
  const cell = doc.cells[0]!;
  tasks = cell.status === 'skipped' ? [] : Object.entries(cell.micro ?? {});
});

/** Tasks other than the null baseline that the run flagged as at the timer's resolution. */
const flagged = (): number => tasks.filter(([name, t]) => name !== 'null' && t.atTimerResolution).length;

describe('the report model of a micro document', () => {
  it('counts the micro cell as ok and gives it no (empty) summary row', () => {
    expect(doc.cells).toHaveLength(1);
    expect(statusCounts(model)).toMatchObject({ total: 1, ok: 1, errored: 0, skipped: 0 });
    expect(summaryRows(model)).toEqual([]);
    expect(model.micro?.cells.map((c) => c.cellId)).toEqual([doc.cells[0]!.id]);
  });

  it('keeps every task, marks the null baseline, and spreads the batch over its keys', () => {
    const cell = model.micro!.cells[0]!;
    expect(cell.tasks.map((t) => t.task)).toEqual(tasks.map(([name]) => name));
    expect(cell.tasks.find((t) => t.task === 'null')?.baseline).toBe(true);
    const batch = cell.tasks.find((t) => t.task === 'batch-put-100')!;
    const raw = tasks.find(([name]) => name === 'batch-put-100')![1];
    expect(batch.opsPerCall).toBe(100);
    expect(batch.perOperation?.meanNs).toBeCloseTo(raw.meanNs! / 100, 9);
    expect(batch.perOperation?.opsPerSec).toBeCloseTo(raw.opsPerSec! * 100, 6);
    expect(cell.tasks.filter((t) => t.task !== 'batch-put-100').every((t) => t.perOperation === null)).toBe(true);
    expect(cell.state).toMatchObject({ records: 1000, keySize: 16, valueSize: 100, logicalBytes: 116_000, diskBytes: null });
  });
});

describe('report.html of a micro document', () => {
  it('has a micro-benchmark table with a row per task, the per-key row and the timer flags', () => {
    const html = renderHtml(model, buildCharts(model), loadVegaAssets());
    const section = /<section id="micro">([\s\S]*?)<\/section>/.exec(html)?.[1] ?? '';
    for (const [name, t] of tasks) {
      expect(section).toContain(`<td>${name}</td><td class="n">${formatNs(t.meanNs)}</td>`);
    }
    const batch = tasks.find(([name]) => name === 'batch-put-100')![1];
    expect(section).toContain(`<td>per key (/100)</td><td class="n">${formatNs(batch.meanNs! / 100)}</td>`);
    expect(section.match(/at timer resolution \(within/g)?.length ?? 0).toBe(flagged());
    expect(section).toContain('1,000 records × (16 B keys + 100 B values) = 113 KiB; in memory');
    expect(html).toContain('<a href="#micro">Micro-benchmarks</a>');
    const markup = html.replace(/<script[^>]*>[\s\S]*?<\/script>/g, '');
    expect(markup).not.toMatch(/0\/1/);
  });
});

describe('summary.md of a micro document', () => {
  it('has the micro table (tasks and the per-key row, all rows whole) and no failed summary row', () => {
    const md = renderMarkdown(model, buildCharts(model));
    expect(md).toContain('1 cells (1 ok)');
    expect(md).toContain('### Micro-benchmarks');
    const table = md.split('\n\n').find((b) => b.startsWith('| configuration |'))!;
    const rows = table.split('\n').filter((r) => r !== '');
    // Header, alignment, a row per task and the batch's per-key row.
    expect(rows).toHaveLength(2 + tasks.length + 1);
    const width = rows[0]!.split('|').length;
    for (const r of rows) expect(r.split('|').length).toBe(width);
    expect(table.match(/at timer resolution/g)?.length ?? 0).toBe(flagged());
    expect(md).not.toMatch(/0\/1/);
  });
});

describe('the micro chart', () => {
  it('compiles without warnings, on a log scale, with one dot per task in ns per operation', () => {
    const chart = microChart(model)!;
    expect(buildCharts(model).map((c) => c.id)).toEqual(['micro']);
    const { warnings } = compileChart(chart);
    expect(warnings).toEqual([]);
    expect(JSON.stringify(chart.spec)).toContain('"type":"log"');
    const rows = dataRows(chart);
    expect(rows).toHaveLength(tasks.filter(([, t]) => (t.meanNs ?? 0) > 0).length);
    const batch = rows.find((r) => r.task === 'batch-put-100 (per key)')!;
    const raw = tasks.find(([name]) => name === 'batch-put-100')![1];
    // The chart keeps 4 significant digits: at most half a unit of the 4th digit off, whatever the size.
    const perKey = raw.meanNs! / 100;
    expect(Math.abs((batch.mean as number) - perKey) / perKey).toBeLessThanOrEqual(5e-4);
    expect(rows.filter((r) => r.flag === 'at timer resolution')).toHaveLength(flagged());
  });
});

describe('statebench report on a micro document', () => {
  it('writes html, md, bmf and gab; BMF carries the micro metrics', async () => {
    const out = join(run.dir, 'report');
    const r = await runCliProcess(['report', run.path, '--out', out, '--format', 'html,md,bmf,gab']);
    expect(r.code).toBe(0);
    for (const f of ['report.html', 'summary.md', 'bmf.json', 'gab.bigger.json', 'gab.smaller.json']) expect(existsSync(join(out, f)), f).toBe(true);
    const bmf = JSON.parse(readFileSync(join(out, 'bmf.json'), 'utf8')) as Record<string, Record<string, { value: number }>>;
    const measures = Object.values(bmf).flatMap((m) => Object.keys(m));
    const measurable = tasks.filter(([name, t]) => name !== 'null' && !t.atTimerResolution).map(([name]) => `micro.${name}.mean`);
    expect(measures).toEqual(expect.arrayContaining(measurable));
  });
});
