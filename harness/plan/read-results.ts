// Reads a results.jsonl a stopped run left behind: one cell per line, appended as each cell
// finished. A last line cut short by the crash is ignored; any other bad line is bad input.

import { readFileSync } from 'node:fs';
import { UsageError } from '../../core/errors.js';
import { CellSchema, type CellResult } from '../../core/result/schema.js';

export function readResultsJsonl(path: string): CellResult[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new UsageError(`--resume: cannot read ${path} (${(err as NodeJS.ErrnoException).code ?? 'error'}); give the results.jsonl of the run to continue`);
  }
  const lines = text.split('\n');
  const cells: CellResult[] = [];
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    const isLast = lines.slice(i + 1).every((l) => l.trim() === '');
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      if (isLast) return; // the write the crash interrupted
      throw new UsageError(`--resume ${path}: line ${i + 1} is not JSON; expected one cell result per line (a statebench results.jsonl)`);
    }
    const parsed = CellSchema.safeParse(json);
    if (!parsed.success) {
      if (isLast) return;
      throw new UsageError(`--resume ${path}: line ${i + 1} is not a cell result (${parsed.error.issues[0]?.message ?? 'invalid'})`);
    }
    cells.push(parsed.data);
  });
  return cells;
}
