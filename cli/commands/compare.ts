// statebench compare BASE HEAD: the CI regression gate. Pairs the two documents' cells, gives a
// verdict per metric, prints the chosen format (or writes it to --out), appends the Markdown to
// the GitHub job summary when GITHUB_STEP_SUMMARY is set, and exits 1 on a gating regression.

import { writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { makeDirs } from '../../core/make-dirs.js';
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { compareDocuments, DEFAULT_COMPARE_OPTIONS } from '../../analysis/compare/compare.js';
import { loadResultDocument } from '../../core/result/load-document.js';
import { describeSelectors, normaliseSelector } from '../../analysis/compare/selectors.js';
import { parseThresholds } from '../../analysis/compare/thresholds.js';
import type { Method } from '../../analysis/compare/types.js';
import { comparisonToMarkdown } from '../../reports/compare/markdown.js';
import { COMPARE_FORMATS, renderComparison, type CompareFormat } from '../../reports/compare/render.js';
import { appendStepSummary } from '../../reports/writer.js';
import { UsageError } from '../../core/errors.js';
import { logLine } from '../output.js';
import { parseCount } from '../../core/parse-values.js';

interface Args {
  base: string;
  head: string;
  threshold?: string[];
  failOn?: string[];
  format: string;
  out?: string;
  method: string;
  resamples?: string;
  seed?: string;
  ignoreKnob?: string[];
}

const METHODS: readonly Method[] = ['mann-whitney', 'bootstrap'];

export const compareCommand: CommandModule<object, Args> = {
  command: 'compare <base> <head>',
  describe: 'Compare two result documents (BASE, HEAD): verdict per metric; exit 1 on a regression',
  builder: (y: Argv) =>
    y
      .positional('base', { type: 'string', describe: 'The baseline results.json (or its run directory)' })
      .positional('head', { type: 'string', describe: 'The results.json under test (or its run directory)' })
      .option('threshold', {
        alias: 't',
        type: 'string',
        array: true,
        describe: 'Smallest change that counts: 5% (default); per metric: p99=10%, read.p50=3%, throughput=2%',
      })
      .option('fail-on', { type: 'string', array: true, describe: `Metrics whose regression fails the gate: ${describeSelectors()}; none (default all)` })
      .option('format', { alias: 'f', type: 'string', default: 'text', describe: `Output: ${COMPARE_FORMATS.join(', ')}` })
      .option('out', { alias: 'o', type: 'string', describe: 'Write the output to this file instead of stdout (gab also writes <stem>.bigger.json and <stem>.smaller.json)' })
      .option('method', { type: 'string', default: 'mann-whitney', describe: `Interval: ${METHODS.join(' (default, needs 4 repeats per side), ')} (needs 3)` })
      .option('resamples', { type: 'string', describe: 'Bootstrap resamples (default 10000)' })
      .option('seed', { type: 'string', describe: 'Bootstrap seed (default 1)' })
      .option('ignore-knob', {
        type: 'string',
        array: true,
        describe: 'Pair cells even when this knob differs (knob or backend.knob): A/B of two knob settings, or an injected delay.slowdownGet',
      })
      .example('$0 compare base/results.json head/results.json', 'text table; exit 1 on a regression')
      .example('$0 compare base head --threshold 5% --threshold p99=10% --fail-on throughput,p99 --format md --out comparison.md', 'a PR comment') as unknown as Argv<Args>,
  handler: (argv: ArgumentsCamelCase<Args>) => {
    const format = argv.format as CompareFormat;
    if (!COMPARE_FORMATS.includes(format)) throw new UsageError(`--format: '${argv.format}' is not valid; expected one of ${COMPARE_FORMATS.join(', ')}`);
    if (!METHODS.includes(argv.method as Method)) throw new UsageError(`--method: '${argv.method}' is not valid; expected one of ${METHODS.join(', ')}`);
    const thresholds = parseThresholds(argv.threshold ?? []);
    const failOn = (argv.failOn ?? ['all']).flatMap((s) => s.split(',')).map((s) => s.trim()).filter((s) => s !== '').map(normaliseSelector);
    const base = loadResultDocument(argv.base);
    const head = loadResultDocument(argv.head);
    const comparison = compareDocuments(base, head, {
      ...DEFAULT_COMPARE_OPTIONS,
      thresholds,
      failOn: failOn.length ? failOn : ['all'],
      method: argv.method as Method,
      resamples: argv.resamples !== undefined ? parseCount('resamples', argv.resamples, { min: 100 }) : DEFAULT_COMPARE_OPTIONS.resamples,
      seed: argv.seed !== undefined ? parseCount('seed', argv.seed, { min: 0 }) : DEFAULT_COMPARE_OPTIONS.seed,
      ignoreKnobs: (argv.ignoreKnob ?? []).flatMap((s) => s.split(',')).map((s) => s.trim()).filter((s) => s !== ''),
      baseLabel: argv.base,
      headLabel: argv.head,
    });

    const files = renderComparison(format, comparison, head, argv.out ?? '');
    for (const file of files) {
      if (file.path === '') {
        process.stdout.write(file.content);
        continue;
      }
      try {
        makeDirs(dirname(file.path));
        writeFileSync(file.path, file.content);
      } catch (err) {
        throw new UsageError(`--out: cannot write ${file.path} (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
      }
      logLine(`wrote ${file.path}`);
    }
    const summary = appendStepSummary(comparisonToMarkdown(comparison));
    if (summary) logLine(`appended the comparison to the job summary (${summary})`);
    if (comparison.exitCode === 1) {
      logLine(`regression: ${comparison.gatingRegressions.map((r) => `${r.benchmark} ${r.metric}`).join('; ')}`);
    }
    process.exitCode = comparison.exitCode;
  },
};
