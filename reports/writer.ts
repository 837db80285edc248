// Where reports go: files under an output directory, and summary.md appended to the GitHub
// job summary when GITHUB_STEP_SUMMARY names one. The reporters themselves never touch the disk.

import { appendFileSync, writeFileSync } from 'node:fs';
import { makeDirs } from '../core/make-dirs.js';
import { dirname, join } from 'node:path';
import type { ResultDocument } from '../core/result/schema.js';
import { renderFormats, type ReportFile } from './formats.js';

export function writeReportFiles(files: readonly ReportFile[], outDir: string): string[] {
  return files.map((file) => {
    const path = join(outDir, ...file.path.split('/'));
    makeDirs(dirname(path));
    writeFileSync(path, file.content);
    return path;
  });
}

/** Appends Markdown to the file GitHub Actions shows as the job summary, when it is set. */
export function appendStepSummary(markdown: string, env: NodeJS.ProcessEnv = process.env): string | null {
  const target = env.GITHUB_STEP_SUMMARY;
  if (!target) return null;
  appendFileSync(target, `${markdown}\n`);
  return target;
}

export async function writeReports(doc: ResultDocument, outDir: string, formats: readonly string[]): Promise<string[]> {
  return writeReportFiles(await renderFormats(doc, formats), outDir);
}

/** After `statebench run`: report.html and summary.md beside results.json, and the job summary. */
export async function writeRunReports(doc: ResultDocument, outDir: string): Promise<string[]> {
  const files = await renderFormats(doc, ['html', 'md']);
  const paths = writeReportFiles(files, outDir);
  const summary = files.find((f) => f.path === 'summary.md');
  if (summary) appendStepSummary(summary.content);
  return paths;
}
