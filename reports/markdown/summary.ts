// summary.md: the summary and the recommendations as Markdown tables (a PR comment, a job summary).
// Every string from the document goes through escapeMarkdownCell.

import type { Chart } from '../charts/chart.js';
import { escapeMarkdownCell as md } from '../escape.js';
import { formatBytes, formatNumber } from '../model/format.js';
import { recommendationRows } from '../model/recommendation-rows.js';
import type { ReportModel } from '../model/report-model.js';
import { statusCounts, summaryRows } from '../model/summary-rows.js';

export interface MarkdownOptions {
  /** Where each chart's SVG sits relative to summary.md (chart id -> path); charts are listed when given. */
  readonly chartImages?: ReadonlyMap<string, string>;
}

function mdTable(headers: readonly string[], align: readonly ('l' | 'r')[], rows: readonly string[][]): string {
  const line = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
  return [line(headers), line(align.map((a) => (a === 'r' ? '---:' : '---'))), ...rows.map(line)].join('\n');
}

const n = (v: number | null | undefined): string => md(formatNumber(v));

export function renderMarkdown(model: ReportModel, charts: readonly Chart[], options: MarkdownOptions = {}): string {
  const doc = model.doc;
  const counts = statusCounts(model);
  const out: string[] = [];
  out.push('## statebench results', '');
  const problems = (['errored', 'interrupted', 'skipped'] as const).filter((s) => counts[s] > 0).map((s) => `${counts[s]} ${s}`);
  out.push(
    `${counts.total} cells (${counts.ok} ok${problems.length ? `, **${problems.join(', ')}**` : ''}) · ` +
      `backends ${md(doc.plan.backends.join(', '))} · workloads ${md(doc.plan.workloads.join(', '))} · ` +
      `${md(doc.environment.hostname)}, ${md(doc.createdAt)}`,
    '',
  );
  const rows = summaryRows(model).map((r) => [
    md(r.backend),
    md(r.workload),
    md(r.knobs || '–'),
    `${r.okRepeats}/${r.totalRepeats}${r.problems ? ` (${md(r.problems)})` : ''}`,
    r.throughput
      ? `${n(r.throughput.median)}${r.throughput.values.length > 1 ? ` (${n(r.throughput.min)} – ${n(r.throughput.max)})` : ''}`
      : '–',
    n(r.latency?.p50),
    n(r.latency?.p99),
    n(r.latency?.p999),
    md(formatBytes(r.rssPeakBytes)),
    n(r.writeAmp),
  ]);
  out.push(
    mdTable(
      ['backend', 'workload', 'knobs', 'repeats ok', 'throughput ops/s (min – max)', 'p50 µs', 'p99 µs', 'p99.9 µs', 'peak RSS', 'write amp'],
      ['l', 'l', 'l', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
      rows,
    ),
    '',
  );

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
          `${md(r.suggestion)}: ${md(r.rationale)}`,
          r.evidence.map((e) => md(e.text)).join('<br>') || '–',
          md(r.verification),
        ]),
      ),
      '',
    );
  }

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
