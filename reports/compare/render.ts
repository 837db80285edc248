// The comparison's output formats as a table: each renders what goes to stdout, and the files
// to write when --out names one (gab writes its two arrays as separate files as well).

import type { Comparison } from '../../analysis/compare/types.js';
import type { ResultDocument } from '../../core/result/schema.js';
import { comparisonToBmf } from './bmf.js';
import { comparisonToGab } from './gab.js';
import { comparisonToJson } from './json.js';
import { comparisonToMarkdown } from './markdown.js';
import { comparisonToText } from './text.js';

export const COMPARE_FORMATS = ['text', 'md', 'json', 'bmf', 'gab'] as const;
export type CompareFormat = (typeof COMPARE_FORMATS)[number];

export interface RenderedFile {
  readonly path: string;
  readonly content: string;
}

const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

/** `out` given: the files to write (the main one first); otherwise one pseudo-file for stdout (path ''). */
export function renderComparison(format: CompareFormat, c: Comparison, head: ResultDocument, out = ''): RenderedFile[] {
  switch (format) {
    case 'text':
      return [{ path: out, content: comparisonToText(c) }];
    case 'md':
      return [{ path: out, content: comparisonToMarkdown(c) }];
    case 'json':
      return [{ path: out, content: comparisonToJson(c) }];
    case 'bmf':
      return [{ path: out, content: json(comparisonToBmf(c, head)) }];
    case 'gab': {
      const gab = comparisonToGab(c, head);
      if (out === '') return [{ path: '', content: json(gab) }];
      // github-action-benchmark reads one plain array per tool: write both beside the combined file.
      const stem = out.replace(/\.json$/i, '');
      return [
        { path: out, content: json(gab) },
        { path: `${stem}.bigger.json`, content: json(gab.biggerIsBetter) },
        { path: `${stem}.smaller.json`, content: json(gab.smallerIsBetter) },
      ];
    }
  }
}
