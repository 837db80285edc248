// report.html: one self-contained page. vega, vega-lite and vega-embed are inlined; the chart
// specs travel in a JSON data block; a Content-Security-Policy admits only the page's own scripts
// (by hash) and no network at all, as a second line behind escaping (page-shell.ts, shared with
// the history page).

import type { Chart } from '../charts/chart.js';
import { escapeHtml as h } from '../escape.js';
import { recommendationRows } from '../model/recommendation-rows.js';
import type { ReportModel } from '../model/report-model.js';
import { statusCounts, summaryRows } from '../model/summary-rows.js';
import { cellNotes } from '../model/cell-notes.js';
import { chartScripts, pageHead, pageScripts } from './page-shell.js';
import { cellsSection, chartsSection, environmentSection, recommendationsSection, summarySection } from './sections.js';
import type { VegaAssets } from './vega-assets.js';
import { microSection } from './micro-section.js';
import { scalingSection } from './scaling-section.js';
import { threadsSection } from './threads-section.js';
import { remoteSection } from './remote-section.js';
import { elementsSection } from './elements-section.js';
import { CHART_IDS } from '../../core/result/chart-ids.js';

export function renderHtml(model: ReportModel, charts: readonly Chart[], assets: VegaAssets): string {
  const doc = model.doc;
  const scripts = pageScripts(assets);
  const recs = recommendationRows(doc.recommendations, charts);
  const scaling = scalingSection(doc, charts.some((c) => c.id === CHART_IDS.scaling));
  const threads = threadsSection(model, charts.some((c) => c.id === CHART_IDS.threadScaling));
  const remote = remoteSection(model, charts.some((c) => c.id === CHART_IDS.remoteSweep));
  const elements = elementsSection(doc);
  const nav = [
    ['summary', 'Summary'],
    ...(model.micro ? [['micro', 'Micro-benchmarks']] : []),
    ...(recs.length > 0 ? [['recommendations', 'Recommendations']] : []),
    ...(scaling ? [['scaling', 'State size']] : []),
    ...(threads ? [['threads', 'Threads']] : []),
    ...(remote ? [['remote', 'Remote state']] : []),
    ...(elements ? [['elements', 'Per element']] : []),
    ['charts', 'Charts'],
    ['cells', 'Cell details'],
    ['environment', 'Environment'],
  ]
    .map(([id, label]) => `<a href="#${id}">${label}</a>`)
    .join('');
  return `${pageHead(`statebench report · ${doc.plan.backends.join(', ')} · ${doc.createdAt}`, scripts)}
<body>
<header><h1>statebench report</h1>
<p class="dim">${h(doc.plan.backends.join(', '))} × ${h(doc.plan.workloads.join(', '))} · ${doc.cells.length} cells · ${h(doc.environment.hostname)} · ${h(doc.createdAt)}</p>
<nav>${nav}</nav></header>
${summarySection(summaryRows(model), statusCounts(model), model.micro !== null, cellNotes(doc))}
${microSection(model.micro, charts)}
${recommendationsSection(recs)}
${scaling}
${threads}
${remote}
${elements}
${chartsSection(charts)}
${cellsSection(doc)}
${environmentSection(doc)}
${chartScripts(charts, scripts)}
</body>
</html>
`;
}
