// --threads N: one cell result from the slots' own (phases, checkpoints, verification, engine).
// Each slot reports its phase and a trace of (clock, ops, active time) at its interval
// boundaries. The cell's throughput is the sum of the slots' rates within the common window (from
// the last slot's start to the first slot's end, the stretch in which all N competed), each read
// off its trace by linear interpolation between boundaries; its histograms are the lossless merge
// of the slots' HDR histograms.

import type { CellOk, CellResult, OperationResult, PhaseResult, ThreadShare, TimePoint, VerifyResult } from '../../core/result/schema.js';
import { mergeEncoded, encodeHistogram, summarise } from '../recorder/histogram.js';
import { round3 } from '../../core/numbers.js';

/** A slot's progress at one moment: wall clock (ms, one time base for all slots), ops done, active ms. */
export interface TracePoint {
  readonly atMs: number;
  readonly ops: number;
  readonly activeMs: number;
}

export interface SlotPhase {
  readonly result: PhaseResult;
  /** Ascending in atMs: the phase's start (0 ops), its interval boundaries, its end. */
  readonly trace: readonly TracePoint[];
}

export interface MergedPhase {
  readonly result: PhaseResult;
  /** Set when the slots' phases did not overlap at all (each slot's own rate was summed instead). */
  readonly disjoint: boolean;
}

/** Ops and active time at `t`, interpolated between the trace points around it (clamped to the trace). */
export function traceAt(trace: readonly TracePoint[], t: number): { ops: number; activeMs: number } {
  const first = trace[0];
  const last = trace[trace.length - 1];
  if (!first || !last) return { ops: 0, activeMs: 0 };
  if (t <= first.atMs) return { ops: first.ops, activeMs: first.activeMs };
  if (t >= last.atMs) return { ops: last.ops, activeMs: last.activeMs };
  for (let i = 1; i < trace.length; i++) {
    const b = trace[i] as TracePoint;
    if (b.atMs < t) continue;
    const a = trace[i - 1] as TracePoint;
    const f = b.atMs > a.atMs ? (t - a.atMs) / (b.atMs - a.atMs) : 1;
    return { ops: a.ops + f * (b.ops - a.ops), activeMs: a.activeMs + f * (b.activeMs - a.activeMs) };
  }
  return { ops: last.ops, activeMs: last.activeMs };
}

export function mergeSlotPhases(slots: readonly SlotPhase[]): MergedPhase {
  const starts = slots.map((s) => s.trace[0]?.atMs ?? 0);
  const ends = slots.map((s) => s.trace[s.trace.length - 1]?.atMs ?? 0);
  const from = Math.max(...starts);
  const to = Math.min(...ends);
  const disjoint = !(to > from);
  const perThread: ThreadShare[] = slots.map((s, i) => {
    const own = s.result.throughputOpsPerSec;
    let windowRate = own;
    if (!disjoint) {
      const a = traceAt(s.trace, from);
      const b = traceAt(s.trace, to);
      const active = b.activeMs - a.activeMs;
      windowRate = active > 0 ? round3((b.ops - a.ops) * 1000 / active) : null;
    }
    return {
      thread: i,
      ops: s.result.ops,
      durationMs: s.result.durationMs,
      throughputOpsPerSec: own,
      windowOpsPerSec: windowRate,
      p99Us: summarise(mergeEncoded(Object.values(s.result.operations).map((o) => o.hdr))).p99,
    };
  });
  const rates = perThread.map((t) => t.windowOpsPerSec);
  const throughput = rates.every((r): r is number => r !== null) ? round3(rates.reduce((x, y) => x + y, 0)) : null;
  const timings = slots.map((s) => s.result.timing);
  const sampleEvery = Math.max(...timings.map((t) => t.sampleEvery));
  const targets = slots.map((s) => s.result.targetRateOpsPerSec);
  const result: PhaseResult = {
    ops: slots.reduce((sum, s) => sum + s.result.ops, 0),
    durationMs: round3(disjoint ? Math.max(...ends) - Math.min(...starts) : to - from),
    throughputOpsPerSec: throughput,
    timing: { mode: timings.some((t) => t.mode === 'sampled') ? 'sampled' : 'every', sampleEvery },
    targetRateOpsPerSec: targets.every((t): t is number => t !== null) ? targets.reduce((x, y) => x + y, 0) : null,
    operations: mergeOperations(slots.map((s) => s.result.operations)),
    timeseries: mergeTimeseries(slots.map((s) => s.result.timeseries)),
    perThread,
  };
  return { result, disjoint };
}

/** Per operation kind: counts summed, histograms merged (HDR histograms add losslessly). */
export function mergeOperations(all: readonly Readonly<Record<string, OperationResult>>[]): Record<string, OperationResult> {
  const kinds = [...new Set(all.flatMap((ops) => Object.keys(ops)))];
  const out: Record<string, OperationResult> = {};
  for (const kind of kinds) {
    const parts = all.map((ops) => ops[kind]).filter((o): o is OperationResult => o !== undefined);
    const h = mergeEncoded(parts.map((p) => p.hdr));
    out[kind] = {
      count: parts.reduce((s, p) => s + p.count, 0),
      errors: parts.reduce((s, p) => s + p.errors, 0),
      timed: parts.reduce((s, p) => s + p.timed, 0),
      latencyUs: summarise(h),
      hdr: encodeHistogram(h),
    };
  }
  return out;
}

/**
 * The k-th intervals of the slots side by side: ops/s summed, the mean of their times, the
 * slowest slot's percentiles (an interval's histograms are not kept), slot 0's engine sample.
 */
function mergeTimeseries(series: readonly (readonly TimePoint[])[]): TimePoint[] {
  const length = Math.max(0, ...series.map((s) => s.length));
  const out: TimePoint[] = [];
  for (let k = 0; k < length; k++) {
    const points = series.map((s) => s[k]).filter((p): p is TimePoint => p !== undefined);
    const worst = (pick: (p: TimePoint) => number | null): number | null => {
      const vs = points.map(pick).filter((v): v is number => v !== null);
      return vs.length > 0 ? Math.max(...vs) : null;
    };
    out.push({
      tMs: round3(points.reduce((s, p) => s + p.tMs, 0) / points.length),
      opsPerSec: round3(points.reduce((s, p) => s + p.opsPerSec, 0)),
      p50Us: worst((p) => p.p50Us),
      p99Us: worst((p) => p.p99Us),
      p999Us: worst((p) => p.p999Us),
      engine: (points[0] as TimePoint).engine,
    });
  }
  return out;
}

type EngineReport = NonNullable<CellOk['engine']>;

/** A slot's cell result that measured something. */
export type Measured = Exclude<CellResult, { status: 'skipped' }>;

/**
 * --checkpoint-interval: each slot checkpointed and restored its own instance. The records are
 * listed with their slot; the cost and the restore add up as the throughput does: rates and
 * counts summed, times and latencies the worst slot's (the slots restore side by side).
 */
export function mergeCheckpoints(measured: readonly (Measured | null)[]): Pick<Measured, 'checkpoints' | 'checkpointCost' | 'restore'> {
  const checkpoints = measured.flatMap((m, i) => (m?.checkpoints ?? []).map((c) => ({ thread: i, ...c })));
  const costs = measured.map((m) => m?.checkpointCost);
  const restores = measured.map((m) => m?.restore);
  const sum = (xs: readonly (number | null)[]): number | null => (xs.every((x): x is number => x !== null) ? round3(xs.reduce((a, b) => a + b, 0)) : null);
  const worst = (xs: readonly (number | null)[]): number | null => {
    const vs = xs.filter((x): x is number => x !== null);
    return vs.length > 0 ? Math.max(...vs) : null;
  };
  const out: Pick<Measured, 'checkpoints' | 'checkpointCost' | 'restore'> = { checkpoints };
  if (costs.length > 0 && costs.every((c) => c !== undefined)) {
    const cs = costs as NonNullable<Measured['checkpointCost']>[];
    out.checkpointCost = {
      count: cs.reduce((s, c) => s + c.count, 0),
      totalMs: sum(cs.map((c) => c.totalMs)) ?? 0,
      maxMs: Math.max(...cs.map((c) => c.maxMs)),
      intervalsDuring: cs.reduce((s, c) => s + c.intervalsDuring, 0),
      intervalsOutside: cs.reduce((s, c) => s + c.intervalsOutside, 0),
      p99DuringUs: worst(cs.map((c) => c.p99DuringUs)),
      p99OutsideUs: worst(cs.map((c) => c.p99OutsideUs)),
      opsPerSecDuring: sum(cs.map((c) => c.opsPerSecDuring)),
      opsPerSecOutside: sum(cs.map((c) => c.opsPerSecOutside)),
      throughputWithCheckpointsOpsPerSec: sum(cs.map((c) => c.throughputWithCheckpointsOpsPerSec)),
    };
  }
  if (restores.length > 0 && restores.every((r) => r !== undefined)) {
    const rs = restores as NonNullable<Measured['restore']>[];
    out.restore = {
      checkpointTMs: Math.max(...rs.map((r) => r.checkpointTMs)),
      openMs: Math.max(...rs.map((r) => r.openMs)),
      namespaces: rs.reduce((s, r) => s + r.namespaces, 0),
      expectedKeys: rs.reduce((s, r) => s + r.expectedKeys, 0),
      restoredKeys: rs.reduce((s, r) => s + r.restoredKeys, 0),
      mismatchedNamespaces: rs.reduce((s, r) => s + r.mismatchedNamespaces, 0),
      ok: rs.every((r) => r.ok),
      checkMs: Math.max(...rs.map((r) => r.checkMs)),
    };
  }
  return out;
}

/** --verify: each slot checked its own keys on its own instance; the cell's counts are their sums. */
export function mergeVerify(parts: readonly (VerifyResult | undefined)[]): VerifyResult | null {
  if (parts.length === 0 || parts.some((p) => p === undefined)) return null;
  const all = parts as readonly VerifyResult[];
  const first = all.findIndex((p) => p.firstProblem !== null);
  return {
    checked: all.reduce((s, p) => s + p.checked, 0),
    mismatches: all.reduce((s, p) => s + p.mismatches, 0),
    lost: all.reduce((s, p) => s + p.lost, 0),
    firstProblem: first >= 0 ? `thread ${first}: ${all[first]?.firstProblem}` : null,
  };
}

/**
 * The slots' notes as the cell's: a note every slot gave once as it is; one that differs between
 * slots (a flush count) once per slot that gave it, naming the thread.
 */
export function mergeWarnings(perSlot: readonly (readonly string[])[]): string[] {
  const everywhere = (perSlot[0] ?? []).filter((w) => perSlot.every((ws) => ws.includes(w)));
  const out = new Set(everywhere);
  perSlot.forEach((ws, i) => {
    for (const w of ws) if (!everywhere.includes(w)) out.add(`thread ${i}: ${w}`);
  });
  return [...out];
}

/**
 * Slot 0's engine report stands for the cell (each slot's engine is its own instance); every
 * slot's metrics are kept in raw.threads so differences between the instances show.
 */
export function mergeEngines(engines: readonly (EngineReport | null)[]): EngineReport | null {
  const first = engines[0] ?? null;
  if (!first) return null;
  return { ...first, raw: { ...first.raw, threads: engines.map((e) => e?.metrics ?? null) } };
}
