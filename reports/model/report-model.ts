// What every reporter works from: the document and its configurations with their figures,
// computed once per report (histogram merging is the costly part).

import type { ResultDocument } from '../../harness/result/schema.js';
import { groupConfigurations } from './configurations.js';
import { configurationStats, type ConfigurationStats } from './stats.js';

export interface ReportModel {
  readonly doc: ResultDocument;
  readonly configurations: readonly ConfigurationStats[];
}

export function buildReportModel(doc: ResultDocument): ReportModel {
  return { doc, configurations: groupConfigurations(doc).map(configurationStats) };
}
