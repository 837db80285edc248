// The recorder of one phase: an HDR histogram per operation kind, op and error counts, and an
// interval time series (ops/s, p50, p99, p99.9, and the backend's cheap engine metrics).
//
// Per operation the runner only calls record() (one histogram write). Each interval the
// per-kind interval histograms are added into the phase totals and reset, so one write per
// operation serves both the time series and the phase's percentiles.

import type { Histogram } from 'hdr-histogram-js';
import type { EngineSample } from '../../backends/types.js';
import type { OperationResult, PhaseResult, TimePoint } from '../../core/result/schema.js';
import { round3 } from '../../core/numbers.js';
import { createHistogram, encodeHistogram, HIGHEST_TRACKABLE_NS, recordNs, summarise } from './histogram.js';

export interface PhaseTiming {
  readonly mode: 'every' | 'sampled';
  readonly sampleEvery: number;
}

export class PhaseRecorder {
  readonly counts: Float64Array;
  readonly errors: Float64Array;
  private readonly intervalHists: Histogram[];
  private readonly totalHists: Histogram[];
  private readonly merged: Histogram;
  private readonly timeseries: TimePoint[] = [];
  private intervalStartMs = 0;
  private intervalStartOps = 0;
  /** Paused milliseconds inside the current interval (op generation, stats sampling). */
  private intervalPausedMs = 0;
  firstError: string | null = null;

  constructor(
    readonly kinds: readonly string[],
    readonly timing: PhaseTiming,
  ) {
    this.counts = new Float64Array(kinds.length);
    this.errors = new Float64Array(kinds.length);
    this.intervalHists = kinds.map(() => createHistogram());
    this.totalHists = kinds.map(() => createHistogram());
    this.merged = createHistogram();
  }

  /** Records one operation's latency in nanoseconds. */
  record(kind: number, ns: number): void {
    const v = ns < 1 ? 1 : ns > HIGHEST_TRACKABLE_NS ? HIGHEST_TRACKABLE_NS : Math.round(ns);
    recordNs(this.intervalHists[kind] as Histogram, v);
  }

  recordError(kind: number, err: unknown): void {
    this.errors[kind] = (this.errors[kind] ?? 0) + 1;
    if (this.firstError === null) this.firstError = err instanceof Error ? err.message : String(err);
  }

  startInterval(tMs: number, opsSoFar: number): void {
    this.intervalStartMs = tMs;
    this.intervalStartOps = opsSoFar;
    this.intervalPausedMs = 0;
  }

  addPause(ms: number): void {
    this.intervalPausedMs += ms;
  }

  /** Closes the interval ending at `tMs` (phase-relative) and starts the next one. */
  closeInterval(tMs: number, opsSoFar: number, engine: EngineSample): void {
    const activeMs = tMs - this.intervalStartMs - this.intervalPausedMs;
    const ops = opsSoFar - this.intervalStartOps;
    this.merged.reset();
    for (let k = 0; k < this.kinds.length; k++) {
      const h = this.intervalHists[k] as Histogram;
      if (h.totalCount > 0) {
        this.merged.add(h);
        (this.totalHists[k] as Histogram).add(h);
        h.reset();
      }
    }
    const s = summarise(this.merged);
    if (ops > 0 || this.timeseries.length === 0) {
      this.timeseries.push({
        tMs: round3(tMs),
        opsPerSec: activeMs > 0 ? round3((ops * 1000) / activeMs) : 0,
        p50Us: s.p50,
        p99Us: s.p99,
        p999Us: s.p999,
        engine: sanitiseSample(engine),
      });
    }
    this.startInterval(tMs, opsSoFar);
  }

  /** The phase result; `activeMs` is the wall-clock time of the phase less its pauses. */
  finish(ops: number, activeMs: number, targetRate: number | null): PhaseResult {
    const operations: Record<string, OperationResult> = {};
    for (let k = 0; k < this.kinds.length; k++) {
      const h = this.totalHists[k] as Histogram;
      const count = this.counts[k] ?? 0;
      if (count === 0 && (this.errors[k] ?? 0) === 0) continue;
      operations[this.kinds[k] as string] = {
        count,
        errors: this.errors[k] ?? 0,
        timed: h.totalCount,
        latencyUs: summarise(h),
        hdr: encodeHistogram(h),
      };
    }
    return {
      ops,
      durationMs: round3(activeMs),
      throughputOpsPerSec: activeMs > 0 ? round3((ops * 1000) / activeMs) : null,
      timing: { mode: this.timing.mode, sampleEvery: this.timing.sampleEvery },
      targetRateOpsPerSec: targetRate,
      operations,
      timeseries: this.timeseries,
    };
  }
}

/** Engine samples go into JSON: NaN and Infinity become null. */
export function sanitiseSample(sample: EngineSample): Record<string, number | boolean | null> {
  const out: Record<string, number | boolean | null> = {};
  for (const [k, v] of Object.entries(sample)) {
    out[k] = typeof v === 'number' && !Number.isFinite(v) ? null : v;
  }
  return out;
}
