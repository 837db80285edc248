// Which handle each operation kind calls: the backend's handle of the Flink state the kind
// touches (BackendInstance.state), or the instance itself. Resolved once when a phase is set up,
// outside the timed operations; the loops call the handles it gives (loop-kit.ts).

import type { BackendInstance, StateDescriptor, StateHandle } from '../../backends/types.js';
import { HeapTimerQueue } from '../../backends/heap-timer-queue.js';
import type { FlinkStates, OperationKind } from '../../workloads/types.js';

export interface StateRoute {
  /** The handle each operation kind calls (index = kind). */
  readonly handles: readonly StateHandle[];
  /** Bytes of the key each kind writes, for the logical bytes written (index = kind). */
  readonly keyBytes: readonly number[];
  /** The one handle every kind calls, or null when the kinds call several. */
  readonly single: StateHandle | null;
  /** The descriptor of the Flink state each kind calls, or null (the instance's own keyspace) (index = kind). */
  readonly descriptors: readonly (StateDescriptor | null)[];
}

/** Timers the harness keeps for an instance that keeps none, by state name, across its phases. */
const heldTimers = new WeakMap<BackendInstance, Map<string, HeapTimerQueue>>();

/**
 * The backend's handle of a state; for a 'timers' state whose handle has no timer service (a
 * backend that keeps no timers), a heap timer queue the harness keeps for the instance, as Flink's
 * RocksDB backend keeps timers on the heap when state.backend.rocksdb.timer-service.factory is HEAP.
 */
function handleOf(backend: BackendInstance, d: StateDescriptor): StateHandle {
  const h = backend.state?.(d) ?? backend;
  if (d.kind !== 'timers' || h.timers !== undefined) return h;
  let held = heldTimers.get(backend);
  if (held === undefined) {
    held = new Map();
    heldTimers.set(backend, held);
  }
  let q = held.get(d.name);
  if (q === undefined) {
    q = new HeapTimerQueue(d, () => undefined);
    held.set(d.name, q);
  }
  return q;
}

/**
 * The route of a phase. With `states` (a workload in Flink's layout), each kind naming a state
 * calls the backend's handle of it, asked for once per state; a backend without state() and a
 * kind naming none call the instance. `keySize`: the cell's key size, the instance's key bytes.
 */
export function resolveStateRoute(backend: BackendInstance, operations: readonly OperationKind[], states: FlinkStates | null, keySize: number): StateRoute {
  type Resolved = { readonly handle: StateHandle; readonly descriptor: StateDescriptor | null };
  const byName = new Map<string, Resolved>();
  const stateOf = (name: string | undefined): Resolved => {
    if (name === undefined || states === null) return { handle: backend, descriptor: null };
    let s = byName.get(name);
    if (s === undefined) {
      const declared = states.states.find((d) => d.name === name);
      if (declared === undefined) throw new Error(`operation on state '${name}', which the workload does not declare (declared: ${states.states.map((d) => d.name).join(', ')})`);
      const descriptor: StateDescriptor = { ...declared, maxParallelism: states.maxParallelism };
      // A backend without state() keeps every keyed state in its one keyspace.
      s = backend.state === undefined && descriptor.kind !== 'timers' ? { handle: backend, descriptor: null } : { handle: handleOf(backend, descriptor), descriptor };
      byName.set(name, s);
    }
    return s;
  };
  const resolved = operations.map((op) => stateOf(op.state));
  const handles = resolved.map((r) => r.handle);
  const first = handles[0];
  const single = first !== undefined && handles.every((h) => h === first) ? first : null;
  return { handles, keyBytes: handles.map((h) => h.keyBytes ?? keySize), single, descriptors: resolved.map((r) => r.descriptor) };
}

/** The same handles for every kind. */
export function sameRoute(a: StateRoute, b: StateRoute): boolean {
  return a.handles.length === b.handles.length && a.handles.every((h, k) => h === b.handles[k] && a.keyBytes[k] === b.keyBytes[k]);
}

/**
 * Every keyspace a workload's keyed state lives in: the backend's handle of each declared state
 * but timer queues, or the instance itself (the plain layout, or a backend without state()). Outside the measured
 * loops (a checkpoint's state summary).
 */
export function stateHandles(backend: BackendInstance, states: FlinkStates | null): StateHandle[] {
  const stateOf = backend.state?.bind(backend);
  if (states === null || stateOf === undefined) return [backend];
  // A timer queue has no keyed entries to scan (its timers are the timer actions').
  return states.states.filter((d) => d.kind !== 'timers').map((d) => stateOf({ ...d, maxParallelism: states.maxParallelism }));
}
