// What a micro cell's child process needs: serialisable, sent over IPC.
import type { ResolvedKnobs } from '../../backends/types.js';
import type { MicroOptions } from './options.js';

/** One cell: the run's per-task settings (micro/options.ts) for one backend, knob setting and repeat. */
export interface MicroCellSpec extends Pick<MicroOptions, 'ops' | 'records' | 'timeMs' | 'warmupMs' | 'valueSize' | 'keySize'> {
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
