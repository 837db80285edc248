// The comparison as JSON: the Comparison object itself, under a format tag and version so that
// scripts can check what they read.

import type { Comparison } from '../../analysis/compare/types.js';

export const COMPARISON_FORMAT = 'statebench-comparison';
export const COMPARISON_FORMAT_VERSION = 1;

export function comparisonToJson(comparison: Comparison): string {
  return `${JSON.stringify({ format: COMPARISON_FORMAT, formatVersion: COMPARISON_FORMAT_VERSION, ...comparison }, null, 2)}\n`;
}
