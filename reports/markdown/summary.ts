// summary.md: the summary and the recommendations as Markdown tables (a PR comment, a job summary).
// Every string from the document goes through escapeMarkdownCell.

import type { Chart } from '../charts/chart.js';
import { escapeMarkdownCell as md } from '../escape.js';
import { formatBytes } from '../../core/units.js';
import { formatNumber } from '../../core/numbers.js';
import { describeState, FLAG_TEXT, MICRO_HEADERS, microBudget, microTableRows } from '../model/micro-table.js';
import type { MicroModel } from '../model/micro.js';
import { recommendationRows } from '../model/recommendation-rows.js';
import type { ReportModel } from '../model/report-model.js';
import { statusCounts, summaryRows } from '../model/summary-rows.js';
import { scalingMarkdown } from './scaling-section.js';
import { threadsMarkdown } from './threads-section.js';
import { remoteMarkdown } from './remote-section.js';
import { cellList, cellNotes } from '../model/cell-notes.js';
import { ttlLine, ttlSeries } from '../model/ttl-over-time.js';
import { elementCostRows } from '../model/element-costs.js';

export interface MarkdownOptions {
  /** Where each chart's SVG sits relative to summary.md (chart id -> path); charts are listed when given. */
  readonly chartImages?: ReadonlyMap<string, string>;
}

function mdTable(headers: readonly string[], align: readonly ('l' | 'r')[], rows: readonly string[][]): string {
  const line = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
  return [line(headers), line(align.map((a) => (a === 'r' ? '---:' : '---'))), ...rows.map(line)].join('\n');
}

const n = (v: number | null | undefined): string => md(formatNumber(v));

const DURABILITY_LEGEND =
  'Durability: what an acknowledged write survives: **none** (lost with the process), **process** (survives a process kill), **machine** (survives power loss). Compare figures within a class.';

export function renderMarkdown(model: ReportModel, charts: readonly Chart[], options: MarkdownOptions = {}): string {
  const doc = model.doc;
  const counts = statusCounts(model);
  const out: string[] = [];
  out.push('## statebench results', '');
  const problems = (['errored', 'interrupted', 'skipped'] as const).filter((s) => counts[s] > 0).map((s) => `${counts[s]} ${s}`);
  out.push(
    `${counts.total} cells (${counts.ok} ok${problems.length ? `, **${problems.join(', ')}**` : ''}) · ` +
      `backends ${md(doc.plan.backends.join(', '))} · workloads ${md(doc.plan.workloads.join(', '))} · ` +
      `${md(doc.environment.hostname)}, ${md(doc.createdAt)}` +
      (doc.plan.semantics ? ` · semantics ${md(doc.plan.semantics)}` : ''),
    '',
  );
  const rows = summaryRows(model).map((r) => [
    md(r.backend),
    md(r.workload),
    md(r.knobs || '–'),
    md(r.durabilityClass ?? '–'),
    `${r.okRepeats}/${r.totalRepeats}${r.problems ? ` (${md(r.problems)})` : ''}`,
    r.throughput
      ? `${n(r.throughput.median)}${r.throughput.values.length > 1 ? ` (${n(r.throughput.min)} – ${n(r.throughput.max)})` : ''}`
      : '–',
    n(r.latency?.p50),
    n(r.latency?.p99),
    n(r.latency?.p999),
    md(formatBytes(r.rssPeakBytes, ' ')),
    n(r.writeAmp),
  ]);
  if (rows.length > 0) {
    out.push(
      mdTable(
        ['backend', 'workload', 'knobs', 'durability', 'repeats ok', 'throughput ops/s (min – max)', 'p50 µs', 'p99 µs', 'p99.9 µs', 'peak RSS', 'write amp'],
        ['l', 'l', 'l', 'l', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
        rows,
      ),
      '',
    );
  }
  if (rows.some((r) => r[3] !== '–')) out.push(DURABILITY_LEGEND, '');
  const notes = cellNotes(doc);
  if (notes.length > 0) {
    out.push('### Notes on cells', '');
    for (const note of notes) out.push(`- ${md(note.text)} (${md(cellList(note.cellIds))})`);
    out.push('');
  }
  const perElement = elementCostRows(doc);
  if (perElement.length > 0) {
    out.push('### Per input element', '', 'State accesses one input element makes (ops whose action is not `none`, over the ops that begin an element; one op is one element when no kind says), and input elements per second beside ops per second: what one event costs on each backend.', '');
    out.push(mdTable(['workload', 'configuration', 'state accesses per element', 'elements/s', 'ops/s'], ['l', 'l', 'r', 'r', 'r'], perElement.map((r) => [md(r.workload), md(r.configuration), n(r.accessesPerElement), n(r.elementsPerSec), n(r.opsPerSec)])), '');
  }
  const ttl = ttlSeries(doc);
  if (ttl.length > 0) {
    out.push('### TTL state over time', '');
    for (const s of ttl) out.push(`- ${md(ttlLine(s))}`);
    out.push('');
  }
  // Micro-benchmark cells have tasks, not phases: their own table, not a summary row.
  if (model.micro) out.push(...microMarkdown(model.micro), '');

  const recs = recommendationRows(doc.recommendations, charts);
  if (recs.length > 0) {
    out.push('### Recommendations', '');
    out.push(
      mdTable(
        ['recommendation', 'backend', 'suggestion', 'evidence', 'verification'],
        ['l', 'l', 'l', 'l', 'l'],
        recs.map((r) => [
          `**${md(r.title)}**`,
          md(r.backend),
          r.refuted !== null ? `**refuted**: ${md(r.refuted)}<br>~~${md(r.suggestion)}~~: ${md(r.rationale)}` : `${md(r.suggestion)}: ${md(r.rationale)}`,
          r.evidence.map((e) => md(e.text)).join('<br>') || '–',
          md(r.verification),
        ]),
      ),
      '',
    );
  }

  out.push(...scalingMarkdown(doc));
  out.push(...threadsMarkdown(model, mdTable));
  out.push(...remoteMarkdown(model, mdTable));

  const failed = doc.cells.filter((c) => c.status !== 'ok');
  if (failed.length > 0) {
    out.push('### Cells that did not finish', '');
    out.push(
      mdTable(
        ['cell', 'backend', 'workload', 'status', 'reason'],
        ['l', 'l', 'l', 'l', 'l'],
        failed.map((c) => [
          md(c.id),
          md(c.backend),
          md(c.workload.name),
          md(c.status),
          md(c.status === 'errored' ? c.error : c.status === 'skipped' ? c.reason : '–'),
        ]),
      ),
      '',
    );
  }

  if (options.chartImages && options.chartImages.size > 0) {
    out.push('### Charts', '');
    for (const c of charts) {
      const path = options.chartImages.get(c.id);
      // Chart ids and file names are ours ([a-z0-9-]); titles may carry knob names from the document.
      if (path) out.push(`![${md(c.title)}](${encodeURI(path)})`, '');
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}

function microMarkdown(micro: MicroModel): string[] {
  const out = ['### Micro-benchmarks', '', `${md(microBudget(micro))}. Flagged tasks take about as long as the empty null task: at the timer's resolution.`, ''];
  for (const cell of micro.cells) {
    out.push(`- ${md(cell.configuration)}${micro.withRepeat ? ` repeat ${cell.repeat}` : ''}: ${md(describeState(cell.state))}${cell.problem ? ` · **${md(cell.status)}: ${md(cell.problem)}**` : ''}`);
  }
  out.push('');
  const headers = ['configuration', ...(micro.withRepeat ? ['repeat'] : []), ...MICRO_HEADERS];
  const align = headers.map((name) => (['configuration', 'task', 'flag'].includes(name) ? 'l' : 'r') as 'l' | 'r');
  const rows = micro.cells.flatMap((cell) =>
    microTableRows(cell).map((r, i) => [
      i === 0 ? md(cell.configuration) : '',
      ...(micro.withRepeat ? [i === 0 ? String(cell.repeat) : ''] : []),
      r.perOperation ? `&nbsp;&nbsp;${md(r.task)}` : md(r.task),
      md(r.mean),
      md(r.p50),
      md(r.p99),
      md(r.opsPerSec),
      md(r.rme),
      md(r.samples),
      r.flag === 'timer' ? `**${md(FLAG_TEXT.timer)}**` : md(FLAG_TEXT[r.flag]),
    ]),
  );
  out.push(mdTable(headers, align, rows));
  return out;
}
