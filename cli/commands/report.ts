// statebench report: result documents -> report.html, summary.md, SVG charts, JSON (and whatever
// else reports/formats.ts lists). Several documents are combined into one report.

import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { combineDocuments } from '../../reports/combine.js';
import { formatNames } from '../../reports/formats.js';
import { writeReports } from '../../reports/writer.js';
import { prepareOutDir } from '../../harness/exec/out-dir.js';
import { loadResultDocument } from '../../core/result/load-document.js';
import { UsageError } from '../../core/errors.js';
import { logLine, printLine } from '../output.js';

interface Args {
  files: string[];
  out: string;
  format: string;
}

export function parseFormats(value: string): string[] {
  const known = formatNames();
  const names = [...new Set(value.split(',').map((s) => s.trim()).filter((s) => s !== ''))];
  if (names.length === 0) throw new UsageError(`--format: name at least one format; accepted: ${known.join(', ')}`);
  const unknown = names.filter((n) => !known.includes(n));
  if (unknown.length > 0) throw new UsageError(`--format: unknown format ${unknown.join(', ')}; accepted: ${known.join(', ')} (comma-separated)`);
  return names;
}

export const reportCommand: CommandModule<object, Args> = {
  command: 'report <files..>',
  describe: 'Turn result documents into report.html, summary.md, SVG charts or JSON (several documents are combined)',
  builder: (y: Argv) =>
    y
      .positional('files', { type: 'string', array: true, describe: 'results.json files (or run directories holding one)' })
      .option('out', { type: 'string', default: '.', describe: 'Directory to write the reports into' })
      .option('format', { type: 'string', default: 'html,md', describe: `Comma-separated formats: ${formatNames().join(', ')}` })
      .example('$0 report out/results.json --out out --format html,md,svg', 'report.html, summary.md and charts/*.svg in out/') as unknown as Argv<Args>,
  handler: async (argv: ArgumentsCamelCase<Args>) => {
    const formats = parseFormats(argv.format);
    const docs = argv.files.map((f) => loadResultDocument(f));
    const started = performance.now();
    const paths = await writeReports(combineDocuments(docs), prepareOutDir(argv.out), formats);
    for (const p of paths) printLine(p);
    logLine(`statebench report: ${paths.length} file(s) from ${docs.length} document(s) in ${Math.round(performance.now() - started)} ms`);
  },
};
