// statebench merge: the shard documents of one sweep -> the document of the whole sweep.
// Lossless (cells kept as measured, histograms in their encoded form); documents of different
// plans are refused with one line (exit 2). Recommendations and findings are computed again from all cells.

import { resolve } from 'node:path';
import { prepareOutDir } from '../../harness/exec/out-dir.js';
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { loadResultDocument } from '../../core/result/load-document.js';
import { mergeDocuments } from '../../harness/merge/merge.js';
import { writeResultDocument } from '../../core/result/write-document.js';
import { adviseDocument } from '../../analysis/advice/advise.js';
import { documentFindings } from '../../analysis/scaling/findings.js';
import { UsageError } from '../../core/errors.js';
import { logLine, printJson, printLine } from '../output.js';

interface Args {
  documents: string[];
  out: string;
  json: boolean;
}

export const mergeCommand: CommandModule<object, Args> = {
  command: 'merge <documents..>',
  describe: 'Merge the results.json of the shards of one sweep (run --shard i/N) into one document',
  builder: (y: Argv) =>
    y
      .positional('documents', { type: 'string', array: true, describe: 'Shard results.json files (or their run directories)' })
      .option('out', { alias: 'o', type: 'string', demandOption: true, describe: 'Output directory for the merged results.json' })
      .option('json', { type: 'boolean', default: false, describe: 'Print the merged document on stdout' })
      .example('$0 merge shard-0/results.json shard-1/results.json -o all', 'two shards into all/results.json') as unknown as Argv<Args>,
  handler: async (argv: ArgumentsCamelCase<Args>) => {
    const paths = argv.documents ?? [];
    if (paths.length === 0) throw new UsageError('merge: name the shard documents to merge');
    const merged = mergeDocuments(paths.map((p) => ({ name: p, document: loadResultDocument(p) })));
    const doc = { ...merged, recommendations: adviseDocument(merged, { memoryBudgetBytes: merged.plan.memoryBudgetBytes ?? null }), ...documentFindings(merged) };
    // -o names a directory (results.json inside) or a .json file.
    const out = resolve(argv.out);
    const dir = out.endsWith('.json') ? resolve(out, '..') : out;
    prepareOutDir(dir);
    const written = writeResultDocument(out, doc);
    for (const w of doc.warnings.filter((w) => w.startsWith('merge:'))) logLine(`warning: ${w}`);
    if (argv.json) printJson(doc);
    else printLine(`merged ${paths.length} document(s): ${doc.cells.length} of ${doc.plan.cellCount} planned cells -> ${written}`);
  },
};
