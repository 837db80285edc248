// The comparison as Markdown for a PR comment or the job summary: the outcome first, the
// regressions and improvements in one table, everything else folded away.

import type { Comparison } from '../../analysis/compare/types.js';
import { escapeMarkdownCell } from '../escape.js';
import { COLUMNS, metricRow, noteLines, rowCells, settingsLine, summaryLine, unpairedLines } from './rows.js';

function table(rows: readonly string[][]): string[] {
  return [
    `| ${COLUMNS.join(' | ')} |`,
    `|${COLUMNS.map((_, i) => (i >= 2 && i <= 6 ? ' ---: ' : ' --- ')).join('|')}|`,
    ...rows.map((r) => `| ${r.map(escapeMarkdownCell).join(' | ')} |`),
  ];
}

function bullet(text: string): string {
  return `- ${escapeMarkdownCell(text).replace(/<br>/g, ' ')}`;
}

export function comparisonToMarkdown(c: Comparison): string {
  const all = c.pairs.flatMap((p) => p.metrics.map((m) => metricRow(p, m)));
  const changed = all.filter((r) => r.verdict === 'regressed' || r.verdict === 'improved');
  const rest = all.filter((r) => r.verdict !== 'regressed' && r.verdict !== 'improved');
  const icon = c.exitCode === 1 ? ':x:' : ':white_check_mark:';
  const out = [
    `## statebench compare ${icon}`,
    '',
    `${escapeMarkdownCell(c.base.label)} → ${escapeMarkdownCell(c.head.label)}: **${escapeMarkdownCell(summaryLine(c))}**`,
    '',
  ];
  if (changed.length) out.push(...table(changed.map(rowCells)), '');
  else out.push('No metric changed beyond its threshold.', '');
  if (rest.length) {
    out.push(`<details><summary>${rest.length} unchanged or inconclusive metric(s)</summary>`, '', ...table(rest.map(rowCells)), '', '</details>', '');
  }
  const unpaired = unpairedLines(c);
  if (unpaired.length) out.push('**Unpaired (not compared)**', '', ...unpaired.map(bullet), '');
  const notes = noteLines(c);
  if (notes.length) out.push('**Notes**', '', ...notes.map(bullet), '');
  out.push(`<sub>${escapeMarkdownCell(settingsLine(c))}</sub>`, '');
  return out.join('\n');
}
