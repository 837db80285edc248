// The micro-benchmark section of report.html: per configuration, the state it measured against
// and a row per task (batch tasks also per key), the timer-resolution flag on the tasks it marks.
// Every string from the document passes through escapeHtml.

import type { Chart } from '../charts/chart.js';
import { CHART_IDS } from '../../core/result/chart-ids.js';
import { escapeHtml as h } from '../escape.js';
import type { MicroModel } from '../model/micro.js';
import { describeState, FLAG_TEXT, MICRO_HEADERS, microBudget, microTableRows } from '../model/micro-table.js';

export function microSection(micro: MicroModel | null, charts: readonly Chart[]): string {
  if (!micro) return '';
  const headers = ['configuration', ...(micro.withRepeat ? ['repeat'] : []), ...MICRO_HEADERS];
  const body: string[] = [];
  for (const cell of micro.cells) {
    const rows = microTableRows(cell);
    const status = cell.problem ? `<div class="warn">${h(cell.status)}: ${h(cell.problem)}</div>` : '';
    const head =
      `<td rowspan="${Math.max(1, rows.length)}"><a href="#cell-${h(cell.cellId)}">${h(cell.configuration)}</a>` +
      `<div class="dim">${h(describeState(cell.state))}</div>${status}</td>` +
      (micro.withRepeat ? `<td class="n" rowspan="${Math.max(1, rows.length)}">${cell.repeat}</td>` : '');
    if (rows.length === 0) {
      body.push(`<tr class="bad">${head}<td colspan="${MICRO_HEADERS.length}">no tasks measured</td></tr>`);
      continue;
    }
    rows.forEach((r, i) => {
      const cls = [r.perOperation ? 'per-op' : '', r.flag === 'baseline' ? 'baseline' : ''].filter((c) => c !== '').join(' ');
      const flag = r.flag === 'timer' ? `<span class="warn">${h(FLAG_TEXT.timer)}</span>` : h(FLAG_TEXT[r.flag]);
      body.push(
        `<tr${cls ? ` class="${cls}"` : ''}>${i === 0 ? head : ''}<td>${h(r.task)}</td>` +
          `<td class="n">${h(r.mean)}</td><td class="n">${h(r.p50)}</td><td class="n">${h(r.p99)}</td>` +
          `<td class="n">${h(r.opsPerSec)}</td><td class="n">${h(r.rme)}</td><td class="n">${h(r.samples)}</td><td>${flag}</td></tr>`,
      );
    });
  }
  const head = headers.map((t, i) => `<th${i >= headers.length - MICRO_HEADERS.length + 1 && t !== 'flag' ? ' class="n"' : ''}>${h(t)}</th>`).join('');
  const chart = charts.some((c) => c.id === CHART_IDS.micro) ? ` The <a href="#chart-${CHART_IDS.micro}">micro chart</a> sets them side by side per operation.` : '';
  return (
    `<section id="micro"><h2>Micro-benchmarks</h2>` +
    `<p>${h(microBudget(micro))}. A batch task's second row spreads its calls over the keys it writes (per key). ` +
    `Tasks flagged at timer resolution take about as long as the empty null task: their figures bound the cost from above, they do not measure it.${chart}</p>` +
    `<div class="scroll"><table class="micro"><thead><tr>${head}</tr></thead><tbody>${body.join('\n')}</tbody></table></div></section>`
  );
}
