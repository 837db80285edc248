// What a cell is: one backend with one knob setting on one workload, one repeat.
// Serialisable: the parent sends it to the child process that runs the cell.

import type { ResolvedKnobs } from '../../backends/types.js';
import type { WorkloadParamsInput } from '../../workloads/types.js';
import type { CellTaskManager } from './taskmanager-bound.js';

export interface CellSpec {
  readonly id: string;
  readonly backend: string;
  readonly knobs: ResolvedKnobs;
  /** Knob values as the user set them (the sweep axes), for labels. */
  readonly setKnobs: Readonly<Record<string, string>>;
  /** A built-in workload name or a path to a workload file. */
  readonly workload: string;
  readonly workloadParams: WorkloadParamsInput;
  readonly ops: number | null;
  readonly durationMs: number | null;
  readonly warmupOps: number | null;
  readonly warmupMs: number | null;
  readonly keySize: number;
  readonly targetRate: number | null;
  readonly intervalMs: number;
  readonly seed: number;
  readonly repeat: number;
  /** The cell's own fresh data directory (created by the parent). */
  readonly dataDir: string;
  /** Time one op in N; null: chosen per cell from the measured cost of timing (docs/measuring.md). */
  readonly sampleEvery: number | null;
  readonly maxInFlight: number | null;
  /** --checkpoint-interval (ms): checkpoints during the run phase, then a restore phase; absent/null: none. */
  readonly checkpointIntervalMs?: number | null;
  /** --verify: values carry key id, version and checksum, and every read checks them. */
  readonly verify?: boolean;
  /**
   * --threads: worker threads, each running its share of the records and ops on its own backend
   * instance (lsm.sharedBlockCache shares one cache among them). Absent or 1: the cell's own thread.
   */
  readonly threads?: number;
  /** --taskmanager-memory: the emulated TaskManager and the bound of this cell's backend in it; absent: none. */
  readonly taskManager?: CellTaskManager;
  /** --record-trace: the run phase's operations are written to this file as a trace. */
  readonly recordTrace?: string;
  /** After the load, flush and wait for the engine's background work to finish (tune's cells). */
  readonly settle?: boolean;
}

/** The settings a cell run in this process (tests, the gate's self-test) leaves at their defaults. */
export type InProcessCellSpec = Pick<CellSpec, 'id' | 'backend' | 'knobs' | 'workload' | 'workloadParams' | 'ops' | 'seed' | 'repeat' | 'dataDir' | 'sampleEvery'>;

/** A full spec from the settings that matter: no warm-up, duration, open loop or --set labels. */
export function inProcessCellSpec(o: InProcessCellSpec): CellSpec {
  return { setKnobs: {}, durationMs: null, warmupOps: null, warmupMs: null, keySize: 16, targetRate: null, intervalMs: 1000, maxInFlight: null, ...o };
}
