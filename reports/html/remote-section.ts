// The "Remote state" section of report.html: the findings of a remote-state sweep and, per
// workload and store, each remote configuration beside its local baseline. Every string from the
// document passes through escapeHtml.

import { CHART_IDS } from '../../core/result/chart-ids.js';
import { formatNumber } from '../../core/numbers.js';
import { escapeHtml as h } from '../escape.js';
import type { ReportModel } from '../model/report-model.js';
import { REMOTE_TEXT, fileCacheLabel, readsLabel, remoteFindings, remotePoints } from '../model/remote-sweep.js';

const num = (v: number | null | undefined, digits = 3): string => h(formatNumber(v, digits));
const HEADERS = ['workload (store)', 'file cache', 'reads', 'remote ops/s', 'local ops/s', 'relative', 'file cache hit ratio', 'read wait on the store (ms)'];

export function remoteSection(model: ReportModel, hasChart: boolean): string {
  const points = remotePoints(model);
  if (points.length === 0) return '';
  const chart = hasChart ? ` The <a href="#chart-${CHART_IDS.remoteSweep}">remote-state chart</a> draws them.` : '';
  const findings = remoteFindings(points).map((f) => `<li>${h(f)}</li>`).join('');
  const rows = points.map((p) => {
    const repeats = p.remote.config.ok.map((c) => `<a href="#cell-${h(c.id)}" title="${h(c.id)}">#${c.repeat}</a>`).join(' ');
    return (
      `<tr><td>${h(`${p.workload} (${p.store})`)}<div class="dim">repeats ${repeats}</div></td><td>${h(fileCacheLabel(p.fileCacheBytes))}</td><td>${h(readsLabel(p.readsInFlight))}</td>` +
      `<td class="n">${num(p.throughput)}</td><td class="n">${num(p.localThroughput)}</td><td class="n">${num(p.relative, 2)}</td>` +
      `<td class="n">${num(p.fileCacheHitRatio, 2)}</td><td class="n">${num(p.remoteReadWaitMs)}</td></tr>`
    );
  });
  const head = HEADERS.map((t, i) => `<th${i >= 3 ? ' class="n"' : ''}>${h(t)}</th>`).join('');
  return (
    `<section id="remote"><h2>Remote state</h2><p>${h(REMOTE_TEXT)}${chart}</p><ul>${findings}</ul>` +
    `<div class="scroll"><table><thead><tr>${head}</tr></thead><tbody>${rows.join('\n')}</tbody></table></div></section>`
  );
}
