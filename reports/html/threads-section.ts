// The "Threads" section of report.html: per workload run with more than one thread, each
// configuration at each thread count (throughput summed over the threads, speed-up, p99) and
// each thread's share of the sum, so an uneven split shows. Every string from the document
// passes through escapeHtml.

import { CHART_IDS } from '../../core/result/chart-ids.js';
import { escapeHtml as h } from '../escape.js';
import { formatNumber } from '../../core/numbers.js';
import type { ReportModel } from '../model/report-model.js';
import { THREADS_TEXT, threadedWorkloads, unevenShare, type ThreadPoint } from '../model/thread-scaling.js';

const num = (v: number | null | undefined): string => h(formatNumber(v));
const HEADERS = ['configuration', 'threads', 'ops/s (sum)', 'speed-up', 'p99 (µs)', 'thread', 'ops/s in the window', 'share of the sum', 'own ops/s', 'thread p99 (µs)'];
const FIRST_NUMERIC = 1;

function pointRows(label: string, p: ThreadPoint, fewest: number, first: boolean): string[] {
  // Each repeat behind the figures, linked to its row of the cell table (the id in the tooltip).
  const ok = p.stats.config.ok;
  const cells = ok.length > 0 ? `<div class="dim">repeats ${ok.map((c) => `<a href="#cell-${h(c.id)}" title="${h(c.id)}">#${c.repeat}</a>`).join(' ')}</div>` : '';
  const head = [
    `<td>${first ? h(label) : ''}${cells}</td>`,
    `<td class="n">${p.threads}</td>`,
    `<td class="n">${num(p.throughput)}</td>`,
    `<td class="n">${p.speedup === null ? (p.threads === fewest ? '<span class="dim">base</span>' : '–') : `${num(p.speedup)}×`}</td>`,
    `<td class="n">${num(p.p99Us)}</td>`,
  ];
  const blank = head.map(() => '<td></td>');
  if (p.perThread.length === 0) return [`<tr>${head.join('')}<td class="n">–</td><td></td><td></td><td></td><td></td></tr>`];
  return p.perThread.map((t, i) => {
    const share = t.share === null ? '–' : `${formatNumber(t.share * 100)} %`;
    const marked = unevenShare(t.share, p.threads) ? ` class="n warn" title="more than a fifth off an even split (${h(formatNumber(100 / p.threads))} %)"` : ' class="n"';
    return (
      `<tr>${(i === 0 ? head : blank).join('')}<td class="n">${t.thread}</td><td class="n">${num(t.windowOpsPerSec)}</td>` +
      `<td${marked}>${h(share)}</td><td class="n">${num(t.ownOpsPerSec)}</td><td class="n">${num(t.p99Us)}</td></tr>`
    );
  });
}

export function threadsSection(model: ReportModel, hasChart: boolean): string {
  const workloads = threadedWorkloads(model);
  if (workloads.length === 0) return '';
  const chart = hasChart ? ` The <a href="#chart-${CHART_IDS.threadScaling}">scaling-with-threads chart</a> draws every configuration against its thread count.` : '';
  const tables = workloads.map((w) => {
    const rows = w.lines.flatMap((line) => line.points.flatMap((p, i) => pointRows(line.label, p, line.fewestThreads, i === 0)));
    const head = HEADERS.map((t, i) => `<th${i >= FIRST_NUMERIC ? ' class="n"' : ''}>${h(t)}</th>`).join('');
    return (
      `<h3>${h(w.workload)} <span class="dim">at ${h(w.threadCounts.join(', '))} thread(s)</span></h3>` +
      `<div class="scroll"><table class="threads"><thead><tr>${head}</tr></thead><tbody>${rows.join('\n')}</tbody></table></div>`
    );
  });
  return `<section id="threads"><h2>Threads</h2><p>${h(THREADS_TEXT)}${chart}</p>${tables.join('')}</section>`;
}
