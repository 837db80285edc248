// A backend's batch and the sync loops made over it, kept for the backend's next phase.
//
// The loops are closures over the phase's handles and the batch's typed arrays, made once per
// backend (one-action-loops.ts says why): load, warm-up and run share them, so the loops warmed
// up are the loops measured.

import type { BackendInstance, StateHandle } from '../../backends/types.js';
import type { OpBatch } from '../../workloads/types.js';
import type { KindTargets, SyncLoops } from './loop-context.js';
import { makeOneActionLoops } from './one-action-loops.js';
import { makeMixedLoop } from './sync-loop.js';
import { sameRoute, type StateRoute } from './state-route.js';

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
  readonly route: StateRoute;
  readonly primed: Set<number>;
  busy: boolean;
}

const kits = new WeakMap<BackendInstance, KitEntry>();

/**
 * The handle and key bytes per kind as functions the loops call. Where every kind calls one
 * handle they return constants: V8 inlines them and calls that handle as directly as a loop
 * closed over the backend did. Where kinds call several, a kind's handle is an array load.
 */
function kindTargets(route: StateRoute): KindTargets {
  const single = route.single;
  if (single !== null) {
    const bytes = route.keyBytes[0] as number;
    return { handleOf: () => single, keyBytesOf: () => bytes };
  }
  const { handles, keyBytes } = route;
  return { handleOf: (k) => handles[k] as StateHandle, keyBytesOf: (k) => keyBytes[k] as number };
}

/**
 * The batch and loops for a phase on `backend` with `route`: made at its first phase and reused
 * by the next. A phase that runs while another holds them, wants another batch size or routes
 * its kinds to other handles, gets its own.
 */
export function acquireLoopKit(backend: BackendInstance, route: StateRoute, capacity: number, makeBatch: (capacity: number) => OpBatch): LoopKit {
  let e = kits.get(backend);
  if (e === undefined || e.busy || e.batch.capacity !== capacity || !sameRoute(e.route, route)) {
    const batch = makeBatch(capacity);
    const targets = kindTargets(route);
    const loops: SyncLoops = { ...makeOneActionLoops(targets, batch), mixed: makeMixedLoop(targets, batch) };
    const fresh: KitEntry = { batch, loops, route, primed: new Set(), busy: false };
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
