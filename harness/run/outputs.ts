// Report files written next to results.json after a run (report.html, summary.md), once the
// reporters exist for them; returns the paths written.
import type { ResultDocument } from '../result/schema.js';

export async function writeRunOutputs(_doc: ResultDocument, _outDir: string): Promise<string[]> {
  return [];
}
