// Report files written next to results.json after a run: report.html and summary.md (and
// summary.md appended to the GitHub job summary when GITHUB_STEP_SUMMARY is set).
import type { ResultDocument } from '../../core/result/schema.js';
import { writeRunReports } from '../../reports/writer.js';

export async function writeRunOutputs(doc: ResultDocument, outDir: string): Promise<string[]> {
  return writeRunReports(doc, outDir);
}
