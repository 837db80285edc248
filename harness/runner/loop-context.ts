// Everything the measured loop needs, prepared before the timer starts.
import type { BackendInstance, StateHandle } from '../../backends/types.js';
import type { PhaseRecorder } from '../recorder/phase-recorder.js';
import type { OpBatch } from '../../workloads/types.js';
import type { StateRoute } from './state-route.js';

export interface LoopContext {
  readonly backend: BackendInstance;
  /** The handle and key bytes of each operation kind, resolved when the phase was set up. */
  readonly route: StateRoute;
  /** Action code per operation kind (index = kind). */
  readonly actions: Uint8Array;
  /** Whether each operation kind writes (index = kind). */
  readonly writes: Uint8Array;
  /** Value pool; its length is a power of two. */
  readonly values: readonly Uint8Array[];
  readonly valueMask: number;
  /** Ticks after which a ttl-dedupe entry is expired. */
  readonly ttlTicks: number;
  readonly recorder: PhaseRecorder;
  /** Time one op in (sampleMask + 1); 0 times every op. */
  readonly sampleMask: number;
  /** Open loop: milliseconds between intended starts; 0 for a closed loop. */
  readonly periodMs: number;
  readonly batch: OpBatch;
  /** The sync loops made for this backend and batch (loop-kit.ts). */
  readonly loops: SyncLoops;
}

/** Mutable loop state, carried across stretches. */
export interface LoopState {
  /** Operations done in this phase (drives value choice, sampling and open-loop schedule). */
  opIndex: number;
  /** Open loop: the phase's scheduled start (ms, clock time). */
  scheduleStartMs: number;
  /** Logical bytes written (keys + values). */
  bytesWritten: number;
  /** Sink for read results, so reads cannot be optimised away. */
  sink: number;
  /** The current batch's one action when all its ops are of one kind and that kind gets or puts
   *  (the one-action loops); -1 otherwise, and always in the open loop. */
  batchAction: number;
}

/** Runs ops from `from` to before `to` (or until the clock passes stopAtMs); returns where it stopped. */
export type Stretch = (ctx: LoopContext, st: LoopState, from: number, to: number, stopAtMs: number) => number;

/** The loops of batches whose ops are all one get or one put kind (one-action-loops.ts). */
export interface OneActionLoops {
  readonly gets: Stretch;
  readonly puts: Stretch;
}

/**
 * A route as the loops call it: functions made once per loop kit, so that where every kind calls
 * one handle they return a constant V8 folds into the loop (the loop then calls that handle as it
 * would call a backend it closes over).
 */
export interface KindTargets {
  handleOf(kind: number): StateHandle;
  keyBytesOf(kind: number): number;
}

/** The sync loops made for one backend and batch (loop-kit.ts); types here so the loop files import no cycle. */
export interface SyncLoops extends OneActionLoops {
  /** Any mix of actions, closed or open loop. */
  readonly mixed: Stretch;
}
