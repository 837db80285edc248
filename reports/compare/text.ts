// The comparison as a terminal table: one row per metric, then the unpaired groups, the notes
// and one summary line.

import type { Comparison } from '../../analysis/compare/types.js';
import { COLUMNS, metricRow, noteLines, rowCells, settingsLine, summaryLine, unpairedLines } from './rows.js';

function table(header: readonly string[], rows: readonly string[][]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]): string => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
}

export function comparisonToText(c: Comparison): string {
  const rows = c.pairs.flatMap((p) => p.metrics.map((m) => rowCells(metricRow(p, m))));
  const out = [`statebench compare: ${c.base.label} -> ${c.head.label}`, ...table(COLUMNS, rows)];
  const unpaired = unpairedLines(c);
  if (unpaired.length) out.push('', 'Unpaired (not compared):', ...unpaired.map((l) => `  ${l}`));
  const notes = noteLines(c);
  if (notes.length) out.push('', 'Notes:', ...notes.map((l) => `  ${l}`));
  out.push('', settingsLine(c), summaryLine(c));
  return `${out.join('\n')}\n`;
}
