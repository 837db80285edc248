// The history as a terminal table: one row per series, then every change point, the notes, the
// settings and one summary line.

import type { History } from '../../analysis/history/types.js';
import { changeLines, noteLines, orderLine, SERIES_COLUMNS, seriesCells, settingsLine, summaryLine } from './rows.js';

export function historyToText(h: History): string {
  const rows = h.series.map((s) => seriesCells(h, s));
  const widths = SERIES_COLUMNS.map((c, i) => Math.max(c.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]): string => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  const out = [`statebench history: ${orderLine(h)}`, line(SERIES_COLUMNS), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
  const changes = changeLines(h);
  if (changes.length) out.push('', 'Change points:', ...changes.map((l) => `  ${l}`));
  const notes = noteLines(h);
  if (notes.length) out.push('', 'Notes:', ...notes.map((l) => `  ${l}`));
  out.push('', settingsLine(h), summaryLine(h));
  return `${out.join('\n')}\n`;
}
