// The foreground cost of checkpoints, from the run phase's time series: intervals that overlap
// a checkpoint (it starts at a boundary and the loop waits for it, so it lands in the interval
// that follows that boundary) against all other intervals. With an open loop, ops whose
// intended start fell inside a checkpoint carry the wait in their latency; with a closed loop
// the loop simply stood still, so the cost shows as stand-still time and as after-effects
// (a RocksDB checkpoint flushes the memtable, which feeds compaction).

import type { CheckpointCost, CheckpointRecord, PhaseResult } from '../../core/result/schema.js';
import { median } from '../../core/stats.js';
import { round3 } from '../../core/numbers.js';

/** `checkpoints`: those taken during the run phase (not the final one, which follows it). */
export function checkpointCost(run: PhaseResult, checkpoints: readonly CheckpointRecord[]): CheckpointCost {
  const during: { p99: number | null; ops: number }[] = [];
  const outside: { p99: number | null; ops: number }[] = [];
  let prev = 0;
  for (const p of run.timeseries) {
    const overlaps = checkpoints.some((c) => c.tMs < p.tMs && c.tMs + c.durationMs >= prev);
    (overlaps ? during : outside).push({ p99: p.p99Us, ops: p.opsPerSec });
    prev = p.tMs;
  }
  const inRun = checkpoints;
  const totalMs = inRun.reduce((s, c) => s + c.durationMs, 0);
  // The phase's durationMs is its active time: harness pauses (checkpoints among them) left out.
  const activeMs = run.durationMs;
  return {
    count: inRun.length,
    totalMs: round3(totalMs),
    maxMs: round3(inRun.reduce((m, c) => Math.max(m, c.durationMs), 0)),
    intervalsDuring: during.length,
    intervalsOutside: outside.length,
    p99DuringUs: roundedMedian(during.map((d) => d.p99)),
    p99OutsideUs: roundedMedian(outside.map((d) => d.p99)),
    opsPerSecDuring: roundedMedian(during.map((d) => d.ops)),
    opsPerSecOutside: roundedMedian(outside.map((d) => d.ops)),
    throughputWithCheckpointsOpsPerSec: activeMs + totalMs > 0 ? round3((run.ops * 1000) / (activeMs + totalMs)) : null,
  };
}

function roundedMedian(xs: readonly (number | null)[]): number | null {
  const m = median(xs);
  return m === null ? null : round3(m);
}
