// The history's output formats: what goes to stdout, or to the file --out names.

import type { History } from '../../analysis/history/types.js';
import { loadVegaAssets } from '../html/vega-assets.js';
import { historyToHtml } from './html.js';
import { historyToJson } from './json.js';
import { historyToMarkdown } from './markdown.js';
import { historyToText } from './text.js';

export const HISTORY_FORMATS = ['text', 'md', 'json', 'html'] as const;
export type HistoryFormat = (typeof HISTORY_FORMATS)[number];

export function renderHistory(format: HistoryFormat, h: History): string {
  switch (format) {
    case 'text':
      return historyToText(h);
    case 'md':
      return historyToMarkdown(h);
    case 'json':
      return historyToJson(h);
    case 'html':
      return historyToHtml(h, loadVegaAssets());
  }
}
