// The HTML sections of report.html. Every string from the document passes through escapeHtml.

import type { CellResult, ResultDocument } from '../../core/result/schema.js';
import type { Chart } from '../charts/chart.js';
import { escapeHtml as h } from '../escape.js';
import { mainPhase } from '../model/configurations.js';
import { formatBytes, formatCount } from '../../core/units.js';
import { formatKnobValue } from '../model/format.js';
import { formatNumber } from '../../core/numbers.js';
import type { RecommendationRow } from '../model/recommendation-rows.js';
import type { StatusCounts, SummaryRow } from '../model/summary-rows.js';
import { cellList, type CellNote } from '../model/cell-notes.js';

const num = (v: number | null | undefined): string => h(formatNumber(v));

function table(headers: readonly string[], rows: readonly string[], numericFrom = -1, cls = ''): string {
  const head = headers.map((t, i) => `<th${i >= numericFrom && numericFrom >= 0 ? ' class="n"' : ''}>${h(t)}</th>`).join('');
  return `<div class="scroll"><table${cls ? ` class="${cls}"` : ''}><thead><tr>${head}</tr></thead><tbody>${rows.join('\n')}</tbody></table></div>`;
}

const DURABILITY_LEGEND =
  'Durability: what an acknowledged write survives: none (lost with the process), process (survives a process kill), machine (survives power loss). Compare figures within a class.';

/** The cells' notes under the summary, each naming (and linking) the cells it is about. */
function notesList(notes: readonly CellNote[]): string {
  if (notes.length === 0) return '';
  const items = notes.map((n) => {
    // A few cells link to their rows; a long list is cut short (every id in the tooltip).
    const links = n.cellIds.length <= 4 ? n.cellIds.map((id) => `<a href="#cell-${h(id)}">${h(id)}</a>`).join(', ') : h(cellList(n.cellIds));
    return `<li class="warn">${h(n.text)} <span class="dim" title="${h(n.cellIds.join(', '))}">(${links})</span></li>`;
  });
  return `<h3>Notes on cells</h3><ul class="notes">${items.join('')}</ul>`;
}

export function summarySection(rows: readonly SummaryRow[], counts: StatusCounts, hasMicro = false, notes: readonly CellNote[] = []): string {
  const body = rows.map((r) => {
    const tp = r.throughput;
    const spread = tp && tp.values.length > 1 ? `<span class="dim"> (${num(tp.min)} – ${num(tp.max)})</span>` : '';
    return (
      `<tr${r.okRepeats === 0 ? ' class="bad"' : ''}><td>${h(r.backend)}</td><td>${h(r.workload)}</td><td>${h(r.knobs || '–')}</td><td class="durability">${h(r.durabilityClass ?? '–')}</td>` +
      `<td class="n">${r.okRepeats}/${r.totalRepeats}${r.problems ? `<br><span class="warn">${h(r.problems)}</span>` : ''}</td>` +
      `<td class="n">${tp ? num(tp.median) : '–'}${spread}</td>` +
      `<td class="n">${num(r.latency?.p50)}</td><td class="n">${num(r.latency?.p99)}</td><td class="n">${num(r.latency?.p999)}</td>` +
      `<td class="n">${h(formatBytes(r.rssPeakBytes, ' '))}</td><td class="n">${num(r.writeAmp)}</td><td class="n">${num(r.spaceAmp)}</td></tr>`
    );
  });
  const status = `${counts.total} cells: ${counts.ok} ok` +
    (['errored', 'interrupted', 'skipped'] as const).filter((s) => counts[s] > 0).map((s) => `, <span class="warn">${counts[s]} ${s}</span>`).join('');
  if (rows.length === 0) {
    // A micro-only document: its figures are in the micro-benchmark section.
    const where = hasMicro ? ': the figures are in the <a href="#micro">micro-benchmark table</a>' : '';
    return `<section id="summary"><h2>Summary</h2><p>${status}. No workload cells${where}.</p></section>`;
  }
  return (
    `<section id="summary"><h2>Summary</h2><p>${status}. Throughput: median over repeats (min – max); ` +
    `latency: all operations of the measured phase, over all repeats.</p>` +
    table(
      ['backend', 'workload', 'knobs', 'durability', 'repeats ok', 'throughput (ops/s)', 'p50 (µs)', 'p99 (µs)', 'p99.9 (µs)', 'peak RSS', 'write amp', 'space amp'],
      body,
      4,
    ) +
    (rows.some((r) => r.durabilityClass !== null) ? `<p class="dim">${h(DURABILITY_LEGEND)}</p>` : '') +
    notesList(notes) +
    `</section>`
  );
}

export function recommendationsSection(rows: readonly RecommendationRow[]): string {
  if (rows.length === 0) return '';
  const items = rows.map((r) => {
    const evidence = r.evidence
      .map((e) => (e.chartId ? `<a href="#chart-${h(e.chartId)}">${h(e.text)}</a>` : h(e.text)))
      .join('<br>');
    const cells = r.cellIds.length > 0 ? `<div class="dim">cells: ${r.cellIds.map((id) => `<a href="#cell-${h(id)}">${h(id)}</a>`).join(' ')}</div>` : '';
    return (
      `<tr id="rec-${h(r.id)}"><td><strong>${h(r.title)}</strong>${cells}</td><td>${h(r.backend)}</td>` +
      `<td>${r.refuted !== null ? `<div class="warn"><strong>refuted</strong>: ${h(r.refuted)}</div><del><code>${h(r.suggestion)}</code></del>` : `<code>${h(r.suggestion)}</code>`}<div class="dim">${h(r.rationale)}</div></td><td>${evidence || '–'}</td><td>${h(r.verification)}</td></tr>`
    );
  });
  return `<section id="recommendations"><h2>Recommendations</h2>${table(['recommendation', 'backend', 'suggestion', 'evidence (links to the chart)', 'verification'], items)}</section>`;
}

export function chartsSection(charts: readonly Chart[]): string {
  if (charts.length === 0) return `<section id="charts"><h2>Charts</h2><p>No chart has data in this document.</p></section>`;
  const figures = charts.map(
    (c) =>
      `<figure id="chart-${h(c.id)}" class="chart"><h3>${h(c.title)}</h3><div class="vis" id="vis-${h(c.id)}" data-chart="${h(c.id)}"></div>` +
      `<figcaption>${h(c.caption)}</figcaption></figure>`,
  );
  return `<section id="charts"><h2>Charts</h2>${figures.join('\n')}</section>`;
}

function operationsCell(cell: CellResult): string {
  if (cell.status !== 'skipped' && cell.micro && Object.keys(cell.phases).length === 0) {
    return `<a href="#micro">${Object.keys(cell.micro).length} micro-benchmark tasks</a>`;
  }
  const phase = mainPhase(cell);
  if (!phase) return '–';
  return Object.entries(phase.operations)
    .map(([op, r]) => {
      const l = r.latencyUs;
      return `${h(op)}: ${num(r.count)}${r.errors ? ` <span class="warn">(${num(r.errors)} errors)</span>` : ''} · p50 ${num(l.p50)} · p99 ${num(l.p99)} · p99.9 ${num(l.p999)} · max ${num(l.max)} µs`;
    })
    .join('<br>');
}

export function cellsSection(doc: ResultDocument): string {
  const rows = doc.cells.map((cell) => {
    const phase = mainPhase(cell);
    const knobs = Object.entries(cell.knobs).map(([k, v]) => `${h(k)}=${h(formatKnobValue(k, v))}`).join(' ');
    const problem =
      cell.status === 'errored' ? cell.error : cell.status === 'skipped' ? cell.reason : cell.status === 'interrupted' ? 'interrupted' : '';
    const notes = [problem, ...cell.warnings].filter((s) => s !== '').map((s) => `<div class="${s === problem ? 'warn' : 'dim'}">${h(s)}</div>`).join('');
    const measured = cell.status === 'skipped' ? null : cell;
    const amp = measured?.engine ? `${num(measured.engine.writeAmp)} / ${num(measured.engine.spaceAmp)}` : '–';
    return (
      `<tr id="cell-${h(cell.id)}" class="${cell.status === 'ok' ? '' : 'bad'}"><td>${h(cell.id)}</td><td>${h(cell.backend)}${cell.durabilityClass ? `<div class="dim">durability: ${h(cell.durabilityClass)}</div>` : ''}</td><td>${h(cell.workload.name)}</td>` +
      `<td class="knobs">${knobs || '–'}</td><td class="n">${cell.repeat}</td><td>${h(cell.status)}${notes}</td>` +
      `<td class="n">${num(phase?.throughputOpsPerSec)}</td><td class="ops">${operationsCell(cell)}</td>` +
      `<td class="n">${h(formatBytes(measured?.resources?.rssPeakBytes, ' '))}</td><td class="n">${amp}</td><td class="n">${measured ? measured.checkpoints.length : '–'}</td></tr>`
    );
  });
  return (
    `<section id="cells"><h2>Cell details</h2>` +
    table(['cell', 'backend', 'workload', 'knobs', 'repeat', 'status', 'ops/s', 'operations (latency in µs)', 'peak RSS', 'write / space amp', 'checkpoints'], rows, -1, 'cells') +
    `</section>`
  );
}

function definitionList(entries: readonly (readonly [string, unknown])[]): string {
  return `<dl>${entries.map(([k, v]) => `<dt>${h(k)}</dt><dd>${v === null || v === undefined || v === '' ? '–' : h(String(v))}</dd>`).join('')}</dl>`;
}

export function environmentSection(doc: ResultDocument): string {
  const e = doc.environment;
  const p = doc.plan;
  const env = definitionList([
    ['host', e.hostname],
    ['os', `${e.os} (kernel ${e.kernel}, ${e.arch})`],
    ['cpu', `${e.cpuModel} × ${e.cpuCount}`],
    ['memory', formatBytes(e.memoryBytes, ' ')],
    ['node', e.node],
    ...Object.entries(e.engines).map(([name, version]) => [`engine ${name}`, version ?? 'unavailable'] as const),
    ['data dir', e.dataDir ? `${e.dataDir}${e.fsType ? ` (${e.fsType})` : ''}` : null],
    ['clock', `${e.clock.source}, resolution ${formatNumber(e.clock.resolutionNs)} ns, overhead ${formatNumber(e.clock.overheadNs)} ns`],
    ['git commit', e.gitCommit],
  ]);
  const plan = definitionList([
    ['backends', p.backends.join(', ')],
    ['workloads', p.workloads.join(', ')],
    // A size sweep's list in the form --records takes ("10k, 1M"): grouped digits would blur the commas.
    ['records', Array.isArray(p.records) ? p.records.map(formatCount).join(', ') : formatNumber(p.records)],
    ...(p.threads ? [['threads', p.threads.join(', ')] as const] : []),
    ['ops / duration', p.ops !== null ? `${formatNumber(p.ops)} ops` : p.durationMs !== null ? `${formatNumber(p.durationMs / 1000)} s` : null],
    ['warm-up', p.warmupOps !== null ? `${formatNumber(p.warmupOps)} ops` : p.warmupMs !== null ? `${formatNumber(p.warmupMs / 1000)} s` : null],
    ['key / value size', `${p.keySize} B / ${p.valueSize}`],
    ['distribution', p.distribution],
    ['seed', p.seed],
    ['repeats', p.repeat],
    ['target rate', p.targetRateOpsPerSec === null ? 'closed loop' : `${formatNumber(p.targetRateOpsPerSec)} ops/s`],
    ['interval', `${formatNumber(p.intervalMs)} ms`],
    ['knob settings', p.sets.join('  ')],
    ['cells', p.cellCount],
    ['shard', p.shard ? `${p.shard.index} of ${p.shard.count}` : null],
    ['semantics', p.semantics === 'flink' ? 'flink: no per-write durability (durability from checkpoints)' : p.semantics === 'per-write' ? "per-write: each engine's own durability" : null],
  ]);
  const warnings = doc.warnings.length > 0 ? `<h3>Warnings</h3><ul>${doc.warnings.map((w) => `<li>${h(w)}</li>`).join('')}</ul>` : '';
  return (
    `<section id="environment"><h2>Environment and configuration</h2>` +
    `<p class="dim">${h(doc.tool.name)} ${h(doc.tool.version)}, result schema v${doc.schemaVersion}, created ${h(doc.createdAt)}</p>` +
    `<div class="cols"><div><h3>Environment</h3>${env}</div><div><h3>Plan</h3>${plan}</div></div>${warnings}</section>`
  );
}
