// The history as JSON: the History object itself, under a format tag and version so that scripts
// can check what they read.

import type { History } from '../../analysis/history/types.js';

export const HISTORY_FORMAT = 'statebench-history';
export const HISTORY_FORMAT_VERSION = 1;

export function historyToJson(h: History): string {
  return `${JSON.stringify({ format: HISTORY_FORMAT, formatVersion: HISTORY_FORMAT_VERSION, ...h }, null, 2)}\n`;
}
