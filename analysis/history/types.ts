// What a history of result documents holds: the documents in the order judged, one series per
// cell group and metric, the change points found in each with the levels around them, and the
// verdict of the newest change point of every series.

import type { GroupIdentity, MetricDefinition, Verdict } from '../compare/types.js';

export interface HistoryDocument {
  /** The path it was read from. */
  readonly label: string;
  readonly createdAt: string;
  readonly gitCommit: string | null;
}

export type OrderedBy = 'git' | 'createdAt';

/** A run of points between change points: its median and noise band (median ± 2 robust standard deviations). */
export interface Segment {
  /** Positions (indices into History.documents) of its first and last point. */
  readonly from: number;
  readonly to: number;
  readonly n: number;
  readonly median: number;
  readonly bandLow: number;
  readonly bandHigh: number;
}

export interface ChangePoint {
  /** Position of the first document after the change. */
  readonly position: number;
  /** Position of the last document before it. */
  readonly previous: number;
  readonly pValue: number;
  readonly before: Segment;
  readonly after: Segment;
  /** Relative change of the level after against the level before (Hodges-Lehmann, per cent) and its 95 % interval; null when not computable. */
  readonly changePct: number | null;
  readonly ciLowPct: number | null;
  readonly ciHighPct: number | null;
  readonly verdict: Verdict;
  /** The commits around the change (the last before it, the first after it), when the documents carry them. */
  readonly commitBefore: string | null;
  readonly commitAfter: string | null;
}

export type SeriesStatus = 'judged' | 'too-few-points' | 'too-few-timed';

export interface SeriesPoint {
  readonly position: number;
  /** The median over the ok repeats of the group in that document. */
  readonly value: number;
  readonly repeats: number;
}

export interface HistorySeries extends MetricDefinition {
  readonly key: string;
  readonly benchmark: string;
  readonly identity: GroupIdentity;
  readonly points: readonly SeriesPoint[];
  readonly status: SeriesStatus;
  /** Why a series was not judged, or which documents lack the metric; null when there is nothing to say. */
  readonly note: string | null;
  readonly thresholdPct: number;
  readonly gating: boolean;
  readonly segments: readonly Segment[];
  /** The change points kept: significant, and not wholly within ± the threshold. */
  readonly changePoints: readonly ChangePoint[];
  /** Significant changes dropped because their whole 95 % interval lies within ± the threshold. */
  readonly negligibleChanges: number;
}

export interface HistorySettings {
  readonly alpha: number;
  readonly permutations: number;
  readonly minSegment: number;
  readonly seed: number;
  readonly defaultThresholdPct: number;
  readonly thresholdsPct: Readonly<Record<string, number>>;
  readonly failOn: readonly string[];
  readonly ignoreKnobs: readonly string[];
}

export interface HistoryRegression {
  readonly benchmark: string;
  readonly metric: string;
  readonly position: number;
  readonly changePct: number | null;
}

export interface History {
  readonly documents: readonly HistoryDocument[];
  readonly orderedBy: OrderedBy;
  /** Why the documents are ordered by createdAt although --git was given, or null. */
  readonly orderNote: string | null;
  readonly settings: HistorySettings;
  readonly series: readonly HistorySeries[];
  /** Gating series whose newest change point is a regression: what fails the gate. */
  readonly regressions: readonly HistoryRegression[];
  readonly exitCode: 0 | 1;
}
