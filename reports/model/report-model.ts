// What every reporter works from: the document and its configurations with their figures,
// computed once per report (histogram merging is the costly part), and the micro-benchmark cells.

import type { ResultDocument } from '../../core/result/schema.js';
import { groupConfigurations } from './configurations.js';
import { buildMicroModel, type MicroModel } from './micro.js';
import { configurationStats, type ConfigurationStats } from './stats.js';

export interface ReportModel {
  readonly doc: ResultDocument;
  readonly configurations: readonly ConfigurationStats[];
  /** The statebench micro cells (null: none); they have tasks, not phases, and no summary row. */
  readonly micro: MicroModel | null;
}

export function buildReportModel(doc: ResultDocument): ReportModel {
  const base = { doc, configurations: groupConfigurations(doc).map(configurationStats) };
  return { ...base, micro: buildMicroModel(base) };
}
