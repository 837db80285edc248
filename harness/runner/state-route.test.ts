// The runner asks a backend for each Flink state's handle once per phase, outside the timed
// operations, and each operation kind then calls its state's handle; a workload in the plain
// layout, or a backend without state(), runs on the instance itself.
import { describe, expect, it } from 'vitest';
import type { BackendInstance, StateDescriptor, StateHandle } from '../../backends/types.js';
import type { FlinkStates, OperationKind } from '../../workloads/types.js';
import { memoryBackend } from '../test-support/memory-backend.js';
import { opSource } from '../test-support/op-source.js';
import { runTestPhase } from '../test-support/phase.js';
import { resolveStateRoute } from './state-route.js';

const VALUE = new Uint8Array(10);
const OPS: OperationKind[] = [
  { name: 'a-put', action: 'put', writes: true, state: 'a' },
  { name: 'a-get', action: 'get', writes: false, state: 'a' },
  { name: 'b-put', action: 'put', writes: true, state: 'b' },
];
const STATES: FlinkStates = {
  maxParallelism: 128,
  states: [
    { name: 'a', kind: 'value', namespace: { kind: 'void' }, ttl: null },
    { name: 'b', kind: 'value', namespace: { kind: 'void' }, ttl: null },
  ],
};

/** A backend whose states are Maps, counting state() calls and each state's puts. */
function statefulBackend(): { backend: BackendInstance; calls: StateDescriptor[]; maps: Map<string, Map<number, Uint8Array>> } {
  const calls: StateDescriptor[] = [];
  const maps = new Map<string, Map<number, Uint8Array>>();
  const handles = new Map<string, StateHandle>();
  const backend: BackendInstance = {
    ...memoryBackend(new Map()),
    state(d) {
      calls.push(d);
      let h = handles.get(d.name);
      if (h === undefined) {
        const map = new Map<number, Uint8Array>();
        maps.set(d.name, map);
        h = { ...memoryBackend(map), keyBytes: d.name === 'a' ? 10 : 26 };
        handles.set(d.name, h);
      }
      return h;
    },
  };
  return { backend, calls, maps };
}

describe('the state route', () => {
  it('asks for each state once per phase, and each kind writes to its own state', async () => {
    const { backend, calls, maps } = statefulBackend();
    for (let phase = 0; phase < 3; phase++) {
      await runTestPhase({ backend, operations: OPS, states: STATES, source: opSource(3000, (j) => j % 100, (j) => j % 3), values: [VALUE] });
      expect(calls.length).toBe(2 * (phase + 1));
    }
    expect(calls.map((d) => d.name).slice(0, 2)).toEqual(['a', 'b']);
    expect(calls[0]).toEqual({ ...STATES.states[0], maxParallelism: 128 });
    // keys j % 100 with kind j % 3: puts of kind 0 and kind 2 each reach 100 keys of their own state
    expect(maps.get('a')?.size).toBe(100);
    expect(maps.get('b')?.size).toBe(100);
  });

  it("counts each kind's written bytes with its state's key length", async () => {
    const { backend } = statefulBackend();
    const out = await runTestPhase({ backend, operations: OPS, states: STATES, source: opSource(300, (j) => j, (j) => j % 3), values: [VALUE] });
    // 100 puts to a (10-byte keys), 100 to b (26-byte keys), 100 gets
    expect(out.bytesWritten).toBe(100 * (10 + VALUE.length) + 100 * (26 + VALUE.length));
  });

  it('runs a workload in the plain layout, or on a backend without state(), on the instance', () => {
    const { backend, calls } = statefulBackend();
    const plain = resolveStateRoute(backend, OPS, null, 16);
    expect(calls).toEqual([]);
    expect(plain.single).toBe(backend);
    expect(plain.keyBytes).toEqual([16, 16, 16]);
    const bare = memoryBackend(new Map());
    expect(resolveStateRoute(bare, OPS, STATES, 16).single).toBe(bare);
  });

  it('gives the one handle when every kind touches one state, none when they touch several', () => {
    const { backend } = statefulBackend();
    const one = resolveStateRoute(backend, OPS.slice(0, 2), STATES, 16);
    expect(one.single).toBe(one.handles[0]);
    expect(one.keyBytes).toEqual([10, 10]);
    expect(resolveStateRoute(backend, OPS, STATES, 16).single).toBeNull();
  });

  it('refuses a kind naming a state the workload does not declare', () => {
    const { backend } = statefulBackend();
    expect(() => resolveStateRoute(backend, [{ name: 'x', action: 'get', writes: false, state: 'c' }], STATES, 16)).toThrow(/state 'c'.*declared: a, b/);
  });
});
