// report.html: one self-contained page. vega, vega-lite and vega-embed are inlined; the chart
// specs travel in a JSON data block; a Content-Security-Policy admits only the page's own scripts
// (by hash) and no network at all, as a second line behind escaping.

import { createHash } from 'node:crypto';
import type { Chart } from '../charts/chart.js';
import { escapeHtml as h, jsonForScript } from '../escape.js';
import { recommendationRows } from '../model/recommendation-rows.js';
import type { ReportModel } from '../model/report-model.js';
import { statusCounts, summaryRows } from '../model/summary-rows.js';
import { cellNotes } from '../model/cell-notes.js';
import { BOOT_SCRIPT, DATA_ELEMENT_ID } from './boot-script.js';
import { PAGE_CSS } from './page-style.js';
import { cellsSection, chartsSection, environmentSection, recommendationsSection, summarySection } from './sections.js';
import type { VegaAssets } from './vega-assets.js';
import { microSection } from './micro-section.js';
import { scalingSection } from './scaling-section.js';
import { threadsSection } from './threads-section.js';
import { CHART_IDS } from '../../core/result/chart-ids.js';

function scriptHash(source: string): string {
  return `'sha256-${createHash('sha256').update(source, 'utf8').digest('base64')}'`;
}

export function renderHtml(model: ReportModel, charts: readonly Chart[], assets: VegaAssets): string {
  const doc = model.doc;
  const scripts = [assets.vega, assets.vegaLite, assets.vegaEmbed, BOOT_SCRIPT];
  // 'unsafe-eval': vega compiles its expressions with new Function.
  const csp = [
    "default-src 'none'",
    `script-src ${scripts.map(scriptHash).join(' ')} 'unsafe-eval'`,
    "style-src 'unsafe-inline'",
    'img-src data:',
    'font-src data:',
  ].join('; ');
  const recs = recommendationRows(doc.recommendations, charts);
  const scaling = scalingSection(doc, charts.some((c) => c.id === CHART_IDS.scaling));
  const threads = threadsSection(model, charts.some((c) => c.id === CHART_IDS.threadScaling));
  const nav = [
    ['summary', 'Summary'],
    ...(model.micro ? [['micro', 'Micro-benchmarks']] : []),
    ...(recs.length > 0 ? [['recommendations', 'Recommendations']] : []),
    ...(scaling ? [['scaling', 'State size']] : []),
    ...(threads ? [['threads', 'Threads']] : []),
    ['charts', 'Charts'],
    ['cells', 'Cell details'],
    ['environment', 'Environment'],
  ]
    .map(([id, label]) => `<a href="#${id}">${label}</a>`)
    .join('');
  const data = charts.map((c) => ({ id: c.id, spec: c.spec }));
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${h(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>statebench report · ${h(doc.plan.backends.join(', '))} · ${h(doc.createdAt)}</title>
<style>${PAGE_CSS}</style>
</head>
<body>
<header><h1>statebench report</h1>
<p class="dim">${h(doc.plan.backends.join(', '))} × ${h(doc.plan.workloads.join(', '))} · ${doc.cells.length} cells · ${h(doc.environment.hostname)} · ${h(doc.createdAt)}</p>
<nav>${nav}</nav></header>
${summarySection(summaryRows(model), statusCounts(model), model.micro !== null, cellNotes(doc))}
${microSection(model.micro, charts)}
${recommendationsSection(recs)}
${scaling}
${threads}
${chartsSection(charts)}
${cellsSection(doc)}
${environmentSection(doc)}
<script type="application/json" id="${DATA_ELEMENT_ID}">${jsonForScript(data)}</script>
${scripts.map((s) => `<script>${s}</script>`).join('\n')}
</body>
</html>
`;
}
