// Builds the report for a 100-cell sweep document (synthetic, 60 intervals per cell) and prints
// the build time and the size of report.html. Targets: < 2 s and < 5 MB.
// Run: npx tsx bench/reports-size.ts [runs=5]
// Each run builds from the JSON text afresh (parse, validate, model, charts, HTML, Markdown); the first run also pays for
// loading vega and reading the inlined libraries, so it is reported on its own.

import { ResultDocumentSchema } from '../core/result/schema.js';
import { sortedMedian } from '../core/stats.js';
import { buildCharts } from '../reports/charts/index.js';
import { renderHtml } from '../reports/html/page.js';
import { loadVegaAssets } from '../reports/html/vega-assets.js';
import { renderMarkdown } from '../reports/markdown/summary.js';
import { buildReportModel } from '../reports/model/report-model.js';
import { sweepDocument } from '../reports/test-support/fixtures.js';

const runs = Math.max(1, Number(process.argv[2] ?? 5));
const doc = sweepDocument(60);
const text = JSON.stringify(doc);
const docBytes = Buffer.byteLength(text);

function buildOnce(): { ms: number; htmlBytes: number; mdBytes: number; charts: number } {
  // From the text of results.json, as `statebench report` starts: parse and validate, then build.
  const start = performance.now();
  const model = buildReportModel(ResultDocumentSchema.parse(JSON.parse(text)));
  const charts = buildCharts(model);
  const html = renderHtml(model, charts, loadVegaAssets());
  const md = renderMarkdown(model, charts);
  return { ms: performance.now() - start, htmlBytes: Buffer.byteLength(html), mdBytes: Buffer.byteLength(md), charts: charts.length };
}

const first = buildOnce();
const times: number[] = [];
let last = first;
for (let i = 0; i < runs; i++) {
  last = buildOnce();
  times.push(last.ms);
}
times.sort((a, b) => a - b);
const median = sortedMedian(times);
const MB = 1024 * 1024;
console.log(`document: ${doc.cells.length} cells, ${(docBytes / MB).toFixed(2)} MiB of JSON`);
console.log(`charts: ${last.charts}`);
console.log(`build (parse + validate + report.html + summary.md): first ${first.ms.toFixed(0)} ms, median of ${runs} ${median.toFixed(0)} ms (min ${times[0]!.toFixed(0)}, max ${times[times.length - 1]!.toFixed(0)}) [target < 2000 ms]`);
console.log(`report.html: ${(last.htmlBytes / MB).toFixed(2)} MiB (${last.htmlBytes} bytes) [target < 5 MB]; summary.md: ${last.mdBytes} bytes`);
