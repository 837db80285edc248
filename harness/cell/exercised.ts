// Whether the measured (run) phase exercised an LSM's background work: the flushes and
// compactions the engine finished between the start and the end of the phase, and those still
// running at its end (started in it, or before it and running through it), from
// BackendInstance.backgroundWork. A run whose writes never left the memtable measured an
// in-memory table, not an LSM: the cell says so in a warning, which every report shows.

import type { BackgroundWork } from '../../backends/types.js';
import type { PhaseResult } from '../../core/result/schema.js';
import type { OperationKind } from '../../workloads/types.js';

export interface Exercised {
  /** Added to the cell's engine metrics. */
  readonly metrics: Readonly<Record<string, number>>;
  readonly warnings: readonly string[];
}

const HOW = 'more records, larger values or a longer run exercise it';

/** True when the phase ran an operation that writes. */
export function phaseWrote(phase: PhaseResult, operations: readonly OperationKind[]): boolean {
  return operations.some((k) => k.writes && (phase.operations[k.name]?.count ?? 0) > 0);
}

export function exercisedInRun(backend: string, before: BackgroundWork, after: BackgroundWork, wrote: boolean): Exercised {
  const flushes = after.flushes - before.flushes + after.runningFlushes;
  const compactions = after.compactions - before.compactions + after.runningCompactions;
  // Finished in the phase plus running at its end: a job that ran through the phase counts once.
  const metrics: Record<string, number> = {
    runFlushes: flushes,
    runFlushBytesWritten: after.flushBytes - before.flushBytes,
    runCompactions: compactions,
    runCompactionBytesWritten: after.compactionBytes - before.compactionBytes,
  };
  // CPU of the compactions that finished in the phase (one still running at its end is not in it).
  if (before.compactionCpuMicros !== undefined && after.compactionCpuMicros !== undefined) metrics.runCompactionCpuMicros = after.compactionCpuMicros - before.compactionCpuMicros;
  const warnings: string[] = [];
  if (!wrote) {
    // A read-only run: what matters is whether the data it read was ever written out.
    if (after.flushes + after.runningFlushes === 0) warnings.push(`${backend}: nothing was ever flushed: every read of the run phase was served from the memtable, not from SST files (${HOW})`);
  } else if (flushes === 0 && compactions === 0) {
    warnings.push(`${backend}: no flush and no compaction during the run phase: its writes stayed in the memtable, so these figures are an in-memory table's, without an LSM's background work (${HOW})`);
  } else if (flushes === 0) {
    warnings.push(`${backend}: no flush during the run phase: its writes stayed in the memtable (${HOW})`);
  } else if (compactions === 0) {
    warnings.push(`${backend}: no compaction during the run phase (${flushes} flush${flushes === 1 ? '' : 'es'}): compaction's cost is not in these figures (${HOW})`);
  }
  return { metrics, warnings };
}
