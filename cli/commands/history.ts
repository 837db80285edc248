// statebench history DOC... | DIR: change points over a series of result documents (one per
// commit, say). Orders the documents (commit order with --git, else createdAt), finds change
// points per cell group and metric, prints the chosen format (or writes it to --out), appends the
// Markdown to the GitHub job summary when GITHUB_STEP_SUMMARY is set, and exits 1 when a gating
// series ends in a regression.
import { writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { describeSelectors, normaliseSelector } from '../../analysis/compare/selectors.js';
import { parseThresholds } from '../../analysis/compare/thresholds.js';
import { readCommitOrder } from '../../analysis/history/git-commits.js';
import { analyseHistory, DEFAULT_HISTORY_OPTIONS } from '../../analysis/history/history.js';
import { loadHistoryDocuments } from '../../analysis/history/inputs.js';
import { orderDocuments } from '../../analysis/history/order.js';
import { UsageError } from '../../core/errors.js';
import { makeDirs } from '../../core/make-dirs.js';
import { parseCount, parseNumber } from '../../core/parse-values.js';
import { historyToMarkdown } from '../../reports/history/markdown.js';
import { HISTORY_FORMATS, renderHistory, type HistoryFormat } from '../../reports/history/render.js';
import { appendStepSummary } from '../../reports/writer.js';
import { logLine } from '../output.js';

interface Args {
  documents: string[];
  git?: string;
  alpha?: string;
  threshold?: string[];
  failOn?: string[];
  format: string;
  out?: string;
  seed?: string;
  ignoreKnob?: string[];
}

const list = (values: readonly string[] | undefined): string[] => (values ?? []).flatMap((s) => s.split(',')).map((s) => s.trim()).filter((s) => s !== '');

export const historyCommand: CommandModule<object, Args> = {
  command: 'history <documents..>',
  describe: 'Change points over a series of result documents (E-Divisive means); exit 1 when a series ends in a regression',
  builder: (y: Argv) =>
    y
      .positional('documents', { type: 'string', array: true, describe: 'results.json files, run directories, or a directory of them' })
      .option('git', { type: 'string', describe: 'Order the documents by commit order in this repository (default .); without it, by createdAt' })
      .option('alpha', { type: 'string', describe: 'Significance of a change point, 0.0001 to 0.2 (default 0.001)' })
      .option('threshold', { alias: 't', type: 'string', array: true, describe: 'Smallest change that counts: 5% (default); per metric: p99=10%, throughput=2%' })
      .option('fail-on', { type: 'string', array: true, describe: `Metrics whose regression fails: ${describeSelectors()}; none (default all)` })
      .option('format', { alias: 'f', type: 'string', default: 'text', describe: `Output: ${HISTORY_FORMATS.join(', ')}` })
      .option('out', { alias: 'o', type: 'string', describe: 'Write the output to this file instead of stdout' })
      .option('seed', { type: 'string', describe: 'Seed of the permutation test (default 1): the same documents and seed give the same change points' })
      .option('ignore-knob', { type: 'string', array: true, describe: 'Group cells into one series even when this knob differs (knob or backend.knob)' })
      .example('$0 history history/ --git', 'every document in history/, in commit order')
      .example('$0 history history/ pr/results.json --git --format md --out history.md', 'a pull request appended to the history') as unknown as Argv<Args>,
  handler: (argv: ArgumentsCamelCase<Args>) => {
    const format = argv.format as HistoryFormat;
    if (!HISTORY_FORMATS.includes(format)) throw new UsageError(`--format: '${argv.format}' is not valid; expected one of ${HISTORY_FORMATS.join(', ')}`);
    const alpha = argv.alpha !== undefined ? parseNumber('alpha', argv.alpha, { min: 0.0001, max: 0.2 }) : DEFAULT_HISTORY_OPTIONS.alpha;
    const thresholds = parseThresholds(argv.threshold ?? []);
    const failOn = list(argv.failOn).map(normaliseSelector);
    const seed = argv.seed !== undefined ? parseCount('seed', argv.seed, { min: 0 }) : DEFAULT_HISTORY_OPTIONS.seed;
    const docs = loadHistoryDocuments(argv.documents);
    let ordering;
    if (argv.git === undefined) ordering = orderDocuments(docs, null);
    else {
      const read = readCommitOrder(argv.git === '' ? '.' : argv.git);
      ordering = 'commits' in read ? orderDocuments(docs, read.commits) : orderDocuments(docs, null, read.problem);
    }
    if (ordering.note) logLine(ordering.note);
    const history = analyseHistory(ordering, {
      ...DEFAULT_HISTORY_OPTIONS,
      alpha,
      seed,
      thresholds,
      failOn: failOn.length ? failOn : ['all'],
      ignoreKnobs: list(argv.ignoreKnob),
    });
    const content = renderHistory(format, history);
    if (argv.out === undefined) process.stdout.write(content);
    else {
      try {
        makeDirs(dirname(argv.out));
        writeFileSync(argv.out, content);
      } catch (err) {
        throw new UsageError(`--out: cannot write ${argv.out} (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
      }
      logLine(`wrote ${argv.out}`);
    }
    const summary = appendStepSummary(historyToMarkdown(history));
    if (summary) logLine(`appended the history to the job summary (${summary})`);
    if (history.exitCode === 1) logLine(`regression: ${history.regressions.map((r) => `${r.benchmark} ${r.metric} at #${r.position}`).join('; ')}`);
    process.exitCode = history.exitCode;
  },
};
