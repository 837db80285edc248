// What a micro cell's child process needs: serialisable, sent over IPC.
import type { ResolvedKnobs } from '../../backends/types.js';
import type { MicroOp } from './ops.js';

/** The run's per-task settings (micro-command/options.ts), the same for every cell. */
export interface MicroTaskSettings {
  readonly ops: readonly MicroOp[];
  readonly records: number;
  /** tinybench's time budget per task (sum of measured samples), ms. */
  readonly timeMs: number;
  /** tinybench's warm-up budget per task, ms; 0: no warm-up. */
  readonly warmupMs: number;
  readonly valueSize: number;
  readonly keySize: number;
}

/** One cell: the run's per-task settings for one backend, knob setting and repeat. */
export interface MicroCellSpec extends MicroTaskSettings {
  readonly id: string;
  readonly backend: string;
  readonly knobs: ResolvedKnobs;
  readonly repeat: number;
  readonly seed: number;
  /** The cell's own fresh data directory (created by the parent). */
  readonly dataDir: string;
}

/** What the cell tells about the state it measured against, for the terminal output. */
export interface MicroStateInfo {
  readonly records: number;
  /** Keys and values as the workload sees them: records x (keySize + valueSize). */
  readonly logicalBytes: number;
  /** The data directory's allocated size after preload, flush and compaction (null: unknown or in memory). */
  readonly diskBytesAfterPreload: number | null;
  readonly preloadMs: number;
}

/** The workload a micro cell reports: what decides whether two cells measure the same thing. */
export function microWorkloadRef(spec: Pick<MicroCellSpec, 'records' | 'keySize' | 'valueSize'>) {
  return { name: 'micro', records: spec.records, keySize: spec.keySize, valueSize: `${spec.valueSize}`, distribution: 'uniform' };
}
