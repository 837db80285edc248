// What a comparison of two result documents holds: pairs of cell groups, per-metric changes
// with their confidence interval and verdict, and the groups that found no partner.

import type { KnobValue } from '../../backends/types.js';
import type { WorkloadRef } from '../../core/result/schema.js';

export type Verdict = 'improved' | 'regressed' | 'unchanged' | 'inconclusive';
export type Direction = 'higher-is-better' | 'lower-is-better';
export type Method = 'bootstrap' | 'mann-whitney';

/**
 * Metric families: what --threshold and --fail-on name (besides operation names and ids).
 * `mean` is a micro-benchmark task's mean (statebench micro); its p50 and p99 join p50 and p99.
 */
export const METRIC_FAMILIES = ['throughput', 'p50', 'p99', 'p999', 'writeAmp', 'spaceAmp', 'mean'] as const;
export type MetricFamily = (typeof METRIC_FAMILIES)[number];

export interface MetricDefinition {
  /** `throughput`, `read.p99`, `writeAmp` ... */
  readonly id: string;
  readonly family: MetricFamily;
  /** The operation kind for latency metrics, null otherwise. */
  readonly operation: string | null;
  readonly unit: string;
  readonly direction: Direction;
}

/** One side's repeats of one metric. */
export interface SampleSummary {
  readonly n: number;
  readonly mean: number | null;
  readonly min: number | null;
  readonly max: number | null;
  readonly values: readonly number[];
}

/** A relative change (head / base - 1) as fractions: 0.05 is five per cent. */
export interface ChangeInterval {
  readonly estimate: number;
  readonly low: number;
  readonly high: number;
}

export interface MetricComparison extends MetricDefinition {
  readonly base: SampleSummary;
  readonly head: SampleSummary;
  /** Relative change of head against base and its 95 % interval, in per cent; null when not computable. */
  readonly changePct: number | null;
  readonly ciLowPct: number | null;
  readonly ciHighPct: number | null;
  readonly thresholdPct: number;
  readonly verdict: Verdict;
  /** True when this metric is chosen by --fail-on: a regression here fails the gate. */
  readonly gating: boolean;
  /** Why the verdict is inconclusive (too few repeats, a zero base ...), or null. */
  readonly note: string | null;
}

/** The identity cells pair on: backend, resolved knobs, workload name and parameters, thread count. */
export interface GroupIdentity {
  /** Canonical JSON of backend, knobs, workload and (above one) threads: equal keys pair. */
  readonly key: string;
  /** A short human label: backend, workload and the knobs/parameters that tell groups apart. */
  readonly benchmark: string;
  readonly backend: string;
  readonly knobs: Readonly<Record<string, KnobValue | null>>;
  readonly workload: WorkloadRef;
  /** Worker threads per cell (--threads), present only above one: absent is one thread. */
  readonly threads?: number;
}

export interface PairComparison extends GroupIdentity {
  readonly baseCells: readonly string[];
  readonly headCells: readonly string[];
  readonly metrics: readonly MetricComparison[];
  /** Lines worth showing: cells left out (errored), metrics present on one side only, repeats needed. */
  readonly notes: readonly string[];
}

export interface UnpairedGroup extends GroupIdentity {
  readonly side: 'base' | 'head';
  readonly cells: readonly string[];
  readonly reason: string;
}

export interface DocumentInfo {
  readonly label: string;
  readonly createdAt: string;
  readonly gitCommit: string | null;
  readonly cells: number;
}

export interface ComparisonSettings {
  readonly method: Method;
  readonly confidence: number;
  readonly defaultThresholdPct: number;
  /** Per-selector thresholds as given (`p99` -> 10). */
  readonly thresholdsPct: Readonly<Record<string, number>>;
  /** Selectors of the gating metrics; ['all'] by default. */
  readonly failOn: readonly string[];
  readonly minRepeats: number;
  /** Knobs left out of the pairing identity. */
  readonly ignoreKnobs: readonly string[];
  readonly resamples: number;
  readonly seed: number;
}

export interface VerdictCounts {
  readonly improved: number;
  readonly regressed: number;
  readonly unchanged: number;
  readonly inconclusive: number;
}

export interface Comparison {
  readonly base: DocumentInfo;
  readonly head: DocumentInfo;
  readonly settings: ComparisonSettings;
  readonly pairs: readonly PairComparison[];
  readonly unpaired: readonly UnpairedGroup[];
  readonly counts: VerdictCounts;
  /** The regressions on gating metrics: what fails the gate. */
  readonly gatingRegressions: readonly { readonly benchmark: string; readonly metric: string; readonly changePct: number | null }[];
  /** 1 when a gating metric regressed, 0 otherwise. */
  readonly exitCode: 0 | 1;
}
