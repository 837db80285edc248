// The engine signals the timeline draws, by the names backends use in their interval samples
// (TimePoint.engine; the LSM backend's are in backends/lsm/engine-report.ts SAMPLED_INT_PROPERTIES).
// Names are matched exactly; the first alias present wins.

import type { TimePoint } from '../../core/result/schema.js';

export interface SignalPanel {
  readonly field: string;
  readonly title: string;
  readonly aliases: readonly string[];
  /** Turns the raw sample into the plotted value (e.g. bytes -> MiB). */
  readonly scale: number;
  /** The y axis reaches at least this far, so a flat zero line still gets a readable axis. */
  readonly atLeast: number;
}

export const SIGNAL_PANELS: readonly SignalPanel[] = [
  { field: 'l0Files', title: 'L0 files', aliases: ['l0Files', 'numFilesAtLevel0', 'l0FileCount'], scale: 1, atLeast: 4 },
  {
    field: 'pendingCompactionMiB',
    title: 'pending compaction (MiB)',
    aliases: ['pendingCompactionBytes', 'estimatePendingCompactionBytes'],
    scale: 1 / (1024 * 1024),
    atLeast: 1,
  },
  {
    field: 'immutableMemtables',
    title: 'immutable memtables',
    aliases: ['immutableMemtables', 'numImmutableMemTable', 'numImmutableMemtables'],
    scale: 1,
    atLeast: 1,
  },
  { field: 'memtableMiB', title: 'memtables (MiB)', aliases: ['memtableBytes', 'curSizeAllMemTables'], scale: 1 / (1024 * 1024), atLeast: 1 },
];

export type StallKind = 'write stopped' | 'write delayed';

/** Flags (true or non-zero) that mean writes were stopped or slowed during the interval. */
const STALL_FLAGS: readonly { kind: StallKind; aliases: readonly string[] }[] = [
  { kind: 'write stopped', aliases: ['isWriteStopped', 'writeStopped', 'writeStalled'] },
  { kind: 'write delayed', aliases: ['delayedWriteRate', 'actualDelayedWriteRate', 'isWriteDelayed', 'writeDelayed'] },
];

export function signalValue(point: TimePoint, panel: SignalPanel): number | null {
  for (const name of panel.aliases) {
    const v = point.engine[name];
    if (typeof v === 'number' && Number.isFinite(v)) return v * panel.scale;
    if (typeof v === 'boolean') return v ? panel.scale : 0;
  }
  return null;
}

/** The stall kind of an interval; "stopped" outranks "delayed". */
export function stallKind(point: TimePoint): StallKind | null {
  for (const { kind, aliases } of STALL_FLAGS) {
    for (const name of aliases) {
      const v = point.engine[name];
      if (v === true || (typeof v === 'number' && v > 0)) return kind;
    }
  }
  return null;
}
