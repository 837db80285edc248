// The report formats `statebench report --format` knows, as a table: a format renders files
// (relative paths and contents) from a document; the writer decides where they go.
// To add a format, add one entry to REPORT_FORMATS.

import type { ResultDocument } from '../core/result/schema.js';
import type { Chart } from './charts/chart.js';
import { buildCharts } from './charts/index.js';
import { toBmf } from './compare/bmf.js';
import { toGab } from './compare/gab.js';
import { renderHtml } from './html/page.js';
import { loadVegaAssets } from './html/vega-assets.js';
import { renderMarkdown } from './markdown/summary.js';
import { buildReportModel, type ReportModel } from './model/report-model.js';
import { renderSvg } from './svg.js';

export interface ReportFile {
  /** Relative to the output directory, '/'-separated. */
  readonly path: string;
  readonly content: string;
}

/** What a format renders from; the model and charts are built once, on first use. */
export interface ReportInput {
  readonly doc: ResultDocument;
  /** Every format asked for in this call (the Markdown links the SVGs when both are written). */
  readonly formats: ReadonlySet<string>;
  model(): ReportModel;
  charts(): readonly Chart[];
}

export interface ReportFormat {
  readonly name: string;
  readonly describe: string;
  render(input: ReportInput): ReportFile[] | Promise<ReportFile[]>;
}

export const SVG_DIR = 'charts';

export const REPORT_FORMATS: readonly ReportFormat[] = [
  {
    name: 'html',
    describe: 'report.html: one self-contained page (summary, recommendations, charts, cells, environment)',
    render: (input) => [{ path: 'report.html', content: renderHtml(input.model(), input.charts(), loadVegaAssets()) }],
  },
  {
    name: 'md',
    describe: 'summary.md: the summary and recommendations as Markdown tables',
    render: (input) => {
      const images = input.formats.has('svg') ? new Map(input.charts().map((c) => [c.id, `${SVG_DIR}/${c.id}.svg`])) : undefined;
      return [{ path: 'summary.md', content: renderMarkdown(input.model(), input.charts(), images ? { chartImages: images } : {}) }];
    },
  },
  {
    name: 'svg',
    describe: `${SVG_DIR}/<chart>.svg: every chart, rendered without a browser`,
    render: async (input) => {
      const files: ReportFile[] = [];
      // One at a time: each render holds a whole scenegraph.
      for (const chart of input.charts()) files.push({ path: `${SVG_DIR}/${chart.id}.svg`, content: await renderSvg(chart) });
      return files;
    },
  },
  {
    name: 'json',
    describe: 'report.json: the (combined) result document',
    render: (input) => [{ path: 'report.json', content: `${JSON.stringify(input.doc, null, 2)}\n` }],
  },
  {
    name: 'bmf',
    describe: "bmf.json: Bencher Metric Format (benchmark -> measure -> value, lower_value, upper_value over the repeats)",
    render: (input) => [{ path: 'bmf.json', content: jsonFile(toBmf(input.doc)) }],
  },
  {
    name: 'gab',
    describe: 'gab.bigger.json and gab.smaller.json: github-action-benchmark customBiggerIsBetter / customSmallerIsBetter',
    render: (input) => {
      const gab = toGab(input.doc);
      return [
        { path: 'gab.bigger.json', content: jsonFile(gab.biggerIsBetter) },
        { path: 'gab.smaller.json', content: jsonFile(gab.smallerIsBetter) },
      ];
    },
  },
];

const jsonFile = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

export function formatNames(): string[] {
  return REPORT_FORMATS.map((f) => f.name);
}

export function createReportInput(doc: ResultDocument, formats: Iterable<string>): ReportInput {
  let model: ReportModel | undefined;
  let charts: Chart[] | undefined;
  return {
    doc,
    formats: new Set(formats),
    model: () => (model ??= buildReportModel(doc)),
    charts() {
      return (charts ??= buildCharts(this.model()));
    },
  };
}

/** Renders the named formats, in table order; unknown names throw (the CLI checks them first). */
export async function renderFormats(doc: ResultDocument, names: readonly string[]): Promise<ReportFile[]> {
  const input = createReportInput(doc, names);
  const files: ReportFile[] = [];
  for (const format of REPORT_FORMATS) {
    if (input.formats.has(format.name)) files.push(...(await format.render(input)));
  }
  const unknown = names.filter((n) => !REPORT_FORMATS.some((f) => f.name === n));
  if (unknown.length > 0) throw new Error(`unknown report format ${unknown.join(', ')}`);
  return files;
}
