// Which handle each operation kind calls: the backend's handle of the Flink state the kind
// touches (BackendInstance.state), or the instance itself. Resolved once when a phase is set up,
// outside the timed operations; the loops call the handles it gives (loop-kit.ts).

import type { BackendInstance, StateDescriptor, StateHandle } from '../../backends/types.js';
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

/**
 * The route of a phase. With `states` (a workload in Flink's layout), each kind naming a state
 * calls the backend's handle of it, asked for once per state; a backend without state() and a
 * kind naming none call the instance. `keySize`: the cell's key size, the instance's key bytes.
 */
export function resolveStateRoute(backend: BackendInstance, operations: readonly OperationKind[], states: FlinkStates | null, keySize: number): StateRoute {
  const byName = new Map<string, { readonly handle: StateHandle; readonly descriptor: StateDescriptor }>();
  const stateOf = (name: string | undefined): { readonly handle: StateHandle; readonly descriptor: StateDescriptor | null } => {
    if (name === undefined || states === null || backend.state === undefined) return { handle: backend, descriptor: null };
    let s = byName.get(name);
    if (s === undefined) {
      const declared = states.states.find((d) => d.name === name);
      if (declared === undefined) throw new Error(`operation on state '${name}', which the workload does not declare (declared: ${states.states.map((d) => d.name).join(', ')})`);
      const descriptor: StateDescriptor = { ...declared, maxParallelism: states.maxParallelism };
      s = { handle: backend.state(descriptor), descriptor };
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
 * Every keyspace a workload's state lives in: the backend's handle of each declared state, or
 * the instance itself (the plain layout, or a backend without state()). Outside the measured
 * loops (a checkpoint's state summary).
 */
export function stateHandles(backend: BackendInstance, states: FlinkStates | null): StateHandle[] {
  const stateOf = backend.state?.bind(backend);
  if (states === null || stateOf === undefined) return [backend];
  return states.states.map((d) => stateOf({ ...d, maxParallelism: states.maxParallelism }));
}
