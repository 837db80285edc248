// The measured effect of a change: relative change of a metric (suggested / current - 1) with a
// 95 % interval, by the gate's own statistics (harness/compare): the Mann-Whitney/Hodges-Lehmann
// interval when every value is positive and there are enough repeats, the bootstrap of the ratio
// of means otherwise (e.g. stall time that a change brings to zero).

import { bootstrapRatioOfMeans, BOOTSTRAP_MIN_REPEATS } from '../compare/bootstrap.js';
import { CONFIDENCE } from '../compare/compare.js';
import { hodgesLehmannChange, mannWhitneyMinRepeats } from '../compare/mann-whitney.js';
import type { CellResult } from '../../core/result/schema.js';
import { median } from '../../core/stats.js';

export interface Effect {
  readonly metric: string;
  /** Per cent. */
  readonly changePct: number | null;
  readonly ciLowPct: number | null;
  readonly ciHighPct: number | null;
  readonly method: 'mann-whitney' | 'bootstrap' | null;
  readonly baseMedian: number | null;
  readonly headMedian: number | null;
}

export type MetricReader = (cell: CellResult) => number | null;

export const METRICS: Readonly<Record<string, MetricReader>> = {
  throughput: (c) => (c.status === 'ok' ? (c.phases.run?.throughputOpsPerSec ?? null) : null),
  stallMicros: (c) => (c.status === 'ok' ? (c.engine?.stallMicros ?? null) : null),
  writeAmp: (c) => (c.status === 'ok' ? (c.engine?.writeAmp ?? null) : null),
};

const pct = (x: number): number => Math.round(x * 1e5) / 1e3;

export function measureEffect(metric: string, base: readonly CellResult[], head: readonly CellResult[]): Effect {
  const read = METRICS[metric] ?? (() => null);
  const b = base.map(read).filter((v): v is number => v !== null && Number.isFinite(v));
  const h = head.map(read).filter((v): v is number => v !== null && Number.isFinite(v));
  const common = { metric, baseMedian: median(b), headMedian: median(h) };
  const positive = b.every((v) => v > 0) && h.every((v) => v > 0);
  const mwMin = mannWhitneyMinRepeats(CONFIDENCE);
  let change = null;
  let method: Effect['method'] = null;
  if (positive && b.length >= mwMin && h.length >= mwMin) {
    change = hodgesLehmannChange(b, h, CONFIDENCE);
    method = 'mann-whitney';
  }
  if (!change && b.length >= BOOTSTRAP_MIN_REPEATS && h.length >= BOOTSTRAP_MIN_REPEATS) {
    change = bootstrapRatioOfMeans(b, h, { resamples: 10_000, confidence: CONFIDENCE, seed: 7 });
    method = 'bootstrap';
  }
  if (!change) return { ...common, changePct: null, ciLowPct: null, ciHighPct: null, method: null };
  return { ...common, changePct: pct(change.estimate), ciLowPct: pct(change.low), ciHighPct: pct(change.high), method };
}
