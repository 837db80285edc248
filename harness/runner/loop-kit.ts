// A backend's batch and the sync loops made over it, kept for the backend's next phase.
//
// The loops are closures over the backend and the batch's typed arrays, made once per backend
// (one-action-loops.ts says why): load, warm-up and run share them, so the loops warmed up are
// the loops measured.

import type { BackendInstance } from '../../backends/types.js';
import type { OpBatch } from '../../workloads/types.js';
import type { SyncLoops } from './loop-context.js';
import { makeOneActionLoops } from './one-action-loops.js';
import { makeMixedLoop } from './sync-loop.js';

/** A backend's batch and the loops made over it. */
export interface LoopKit {
  readonly batch: OpBatch;
  readonly loops: SyncLoops;
  /** The batch actions whose loop has run its empty stretches (phase.ts, PRIME_CALLS). */
  readonly primed: Set<number>;
  /** Hands the kit back for the backend's next phase. */
  release(): void;
}

interface KitEntry {
  readonly batch: OpBatch;
  readonly loops: SyncLoops;
  readonly primed: Set<number>;
  busy: boolean;
}

const kits = new WeakMap<BackendInstance, KitEntry>();

/**
 * The batch and loops for a phase on `backend`: made at its first phase and reused by the next.
 * A phase that runs while another holds them, or wants another batch size, gets its own.
 */
export function acquireLoopKit(backend: BackendInstance, capacity: number, makeBatch: (capacity: number) => OpBatch): LoopKit {
  let e = kits.get(backend);
  if (e === undefined || e.busy || e.batch.capacity !== capacity) {
    const batch = makeBatch(capacity);
    const loops: SyncLoops = { ...makeOneActionLoops(backend, batch), mixed: makeMixedLoop(backend, batch) };
    const fresh: KitEntry = { batch, loops, primed: new Set(), busy: false };
    if (e === undefined) kits.set(backend, fresh);
    e = fresh;
  }
  const entry = e;
  entry.busy = true;
  return {
    batch: entry.batch,
    loops: entry.loops,
    primed: entry.primed,
    release: () => {
      entry.busy = false;
    },
  };
}
