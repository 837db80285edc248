// From tinybench's latency statistics (milliseconds) to the document's micro task (nanoseconds),
// and the flag for results the timer cannot tell from an empty call.

import type { MicroTask } from '../../core/result/schema.js';
import { RESOLUTION_FACTOR } from '../../core/result/micro-tasks.js';

/** The fields of tinybench's Statistics this module reads (milliseconds; rme in per cent). */
export interface LatencyStats {
  readonly mean: number;
  readonly p50: number;
  readonly p75: number;
  readonly p99: number;
  readonly p999: number;
  readonly rme: number;
  readonly samplesCount: number;
}

/** The two figures the flag looks at, in nanoseconds. */
export interface CentralNs {
  readonly meanNs: number | null;
  readonly p50Ns: number | null;
}

/**
 * True when the task's mean or median is within RESOLUTION_FACTOR of the null baseline's: what
 * was timed is then mostly the clock reads and the call around the operation, not the operation.
 * The median counts too because on a busy machine a few preempted calls can lift a mean far
 * above a typical call. Unknown figures (no baseline, no result) are never flagged.
 */
export function atTimerResolution(task: CentralNs, baseline: CentralNs | null, factor = RESOLUTION_FACTOR): boolean {
  if (!baseline) return false;
  const within = (v: number | null, base: number | null): boolean => v !== null && base !== null && base > 0 && v < base * factor;
  return within(task.meanNs, baseline.meanNs) || within(task.p50Ns, baseline.p50Ns);
}

const ns = (ms: number): number | null => (Number.isFinite(ms) ? Math.round(ms * 1e6 * 100) / 100 : null);
const finite = (x: number, digits: number): number | null => (Number.isFinite(x) ? Math.round(x * 10 ** digits) / 10 ** digits : null);

/** The document's view of one task; the flag is set later against the null baseline. */
export function toMicroTask(s: LatencyStats): MicroTask {
  const meanNs = ns(s.mean);
  return {
    meanNs,
    p50Ns: ns(s.p50),
    p75Ns: ns(s.p75),
    p99Ns: ns(s.p99),
    p999Ns: ns(s.p999),
    rme: finite(s.rme, 3),
    samples: s.samplesCount,
    // Calls per second from the mean: every sample is one call, timed on its own.
    opsPerSec: meanNs !== null && meanNs > 0 ? Math.round(1e9 / meanNs) : null,
    atTimerResolution: false,
  };
}

/** Sets every task's flag against the null baseline (the baseline itself is flagged too). */
export function flagAgainstBaseline(tasks: Record<string, MicroTask>, baselineName: string): void {
  const base = tasks[baselineName] ?? null;
  for (const t of Object.values(tasks)) t.atTimerResolution = atTimerResolution(t, base);
}
