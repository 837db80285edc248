// The history as Markdown for the job summary or a PR comment: the outcome first, the series with
// change points in a table, every change point listed, the rest folded away.

import type { History } from '../../analysis/history/types.js';
import { escapeMarkdownCell } from '../escape.js';
import { changeLines, noteLines, orderLine, SERIES_COLUMNS, seriesCells, settingsLine, summaryLine } from './rows.js';

function table(rows: readonly string[][]): string[] {
  return [
    `| ${SERIES_COLUMNS.join(' | ')} |`,
    `|${SERIES_COLUMNS.map((_, i) => (i >= 2 && i <= 8 && i !== 5 ? ' ---: ' : ' --- ')).join('|')}|`,
    ...rows.map((r) => `| ${r.map(escapeMarkdownCell).join(' | ')} |`),
  ];
}

const bullet = (text: string): string => `- ${escapeMarkdownCell(text).replace(/<br>/g, ' ')}`;

export function historyToMarkdown(h: History): string {
  const changed = h.series.filter((s) => s.changePoints.length > 0);
  const rest = h.series.filter((s) => s.changePoints.length === 0);
  const out = [`## statebench history ${h.exitCode === 1 ? ':x:' : ':white_check_mark:'}`, '', `${escapeMarkdownCell(orderLine(h))}: **${escapeMarkdownCell(summaryLine(h))}**`, ''];
  if (changed.length) out.push(...table(changed.map((s) => seriesCells(h, s))), '', '**Change points**', '', ...changeLines(h).map(bullet), '');
  else out.push('No change point in any series.', '');
  if (rest.length) out.push(`<details><summary>${rest.length} series without a change point</summary>`, '', ...table(rest.map((s) => seriesCells(h, s))), '', '</details>', '');
  const notes = noteLines(h);
  if (notes.length) out.push('**Notes**', '', ...notes.map(bullet), '');
  out.push(`<sub>${escapeMarkdownCell(settingsLine(h))}</sub>`, '');
  return out.join('\n');
}
