// history.html: one self-contained page, as report.html is: the outcome, a table of the series,
// every change point, one trend chart per series (Vega-Lite, drawn in the page) and the documents
// in the order judged. Every string from a document passes through escapeHtml.

import type { History } from '../../analysis/history/types.js';
import { escapeHtml as h } from '../escape.js';
import { chartScripts, pageHead, pageScripts } from '../html/page-shell.js';
import { chartsSection } from '../html/sections.js';
import type { VegaAssets } from '../html/vega-assets.js';
import { historyCharts } from './chart.js';
import { changeLines, noteLines, orderLine, SERIES_COLUMNS, seriesCells, settingsLine, summaryLine } from './rows.js';

function table(headers: readonly string[], rows: readonly string[][], numeric: (i: number) => boolean): string {
  const head = headers.map((t, i) => `<th${numeric(i) ? ' class="n"' : ''}>${h(t)}</th>`).join('');
  const body = rows.map((r) => `<tr${r.includes('regressed') ? ' class="bad"' : ''}>${r.map((c, i) => `<td${numeric(i) ? ' class="n"' : ''}>${h(c)}</td>`).join('')}</tr>`);
  return `<div class="scroll"><table><thead><tr>${head}</tr></thead><tbody>${body.join('\n')}</tbody></table></div>`;
}

const list = (items: readonly string[], cls = ''): string => `<ul>${items.map((i) => `<li${cls ? ` class="${cls}"` : ''}>${h(i)}</li>`).join('')}</ul>`;

export function historyToHtml(history: History, assets: VegaAssets): string {
  const scripts = pageScripts(assets);
  const charts = historyCharts(history);
  const changes = changeLines(history);
  const notes = noteLines(history);
  const docs = history.documents.map((d, i) => [String(i), d.label, d.createdAt, d.gitCommit ?? '-']);
  return `${pageHead(`statebench history · ${history.documents.length} documents`, scripts)}
<body>
<header><h1>statebench history</h1>
<p class="dim">${h(orderLine(history))}</p>
<nav><a href="#summary">Summary</a><a href="#charts">Charts</a><a href="#documents">Documents</a></nav></header>
<section id="summary"><h2>Summary</h2>
<p class="${history.exitCode === 1 ? 'warn' : ''}"><strong>${h(summaryLine(history))}</strong></p>
${table(SERIES_COLUMNS, history.series.map((s) => seriesCells(history, s)), (i) => i === 2 || i === 3 || i === 4 || i === 6)}
${changes.length ? `<h3>Change points</h3>${list(changes)}` : '<p>No change point in any series.</p>'}
${notes.length ? `<h3>Notes</h3>${list(notes, 'warn')}` : ''}
<p class="dim">${h(settingsLine(history))}</p>
</section>
${chartsSection(charts)}
<section id="documents"><h2>Documents</h2>
${table(['#', 'document', 'createdAt', 'git commit'], docs, (i) => i === 0)}
</section>
${chartScripts(charts, scripts)}
</body>
</html>
`;
}
