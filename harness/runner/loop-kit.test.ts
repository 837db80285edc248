// The loop kit: a backend's phases share one batch and one set of loops (so the loops warmed up
// are the loops measured), and phases that run at the same time on one backend do not share a
// batch (each would overwrite the other's keys).
import { runTestPhase } from '../test-support/phase.js';
import { describe, expect, it } from 'vitest';
import { acquireLoopKit } from './loop-kit.js';
import { resolveStateRoute } from './state-route.js';
import { memoryBackend } from '../test-support/memory-backend.js';
import { OpBatch, type OperationKind } from '../../workloads/types.js';
import { opSource } from '../test-support/op-source.js';

const VALUE = new Uint8Array(24);
const READ: OperationKind = { name: 'read', action: 'get', writes: false };

describe('acquireLoopKit', () => {
  it('hands a backend the same batch and loops for its next phase once released', () => {
    const backend = memoryBackend(new Map());
    const a = acquireLoopKit(backend, resolveStateRoute(backend, [READ], null, 16), 1024, (n) => new OpBatch(n));
    a.release();
    const b = acquireLoopKit(backend, resolveStateRoute(backend, [READ], null, 16), 1024, (n) => new OpBatch(n));
    expect(b.batch).toBe(a.batch);
    expect(b.loops).toBe(a.loops);
    b.release();
  });

  it('gives a phase its own batch while another holds the kit, or for another batch size', () => {
    const backend = memoryBackend(new Map());
    const held = acquireLoopKit(backend, resolveStateRoute(backend, [READ], null, 16), 1024, (n) => new OpBatch(n));
    const other = acquireLoopKit(backend, resolveStateRoute(backend, [READ], null, 16), 1024, (n) => new OpBatch(n));
    expect(other.batch).not.toBe(held.batch);
    const bigger = acquireLoopKit(backend, resolveStateRoute(backend, [READ], null, 16), 2048, (n) => new OpBatch(n));
    expect(bigger.batch.capacity).toBe(2048);
    held.release();
    other.release();
    bigger.release();
  });

  it('keeps two phases running at once on one backend apart', async () => {
    const map = new Map<number, Uint8Array>();
    for (let k = 0; k < 1000; k++) map.set(k, VALUE);
    const backend = memoryBackend(map);
    const OPS = 200_000;
    const phase = (first: number) =>
      runTestPhase({
        backend,
        operations: [READ],
        // hits: keys 0..999; misses: keys from 10^6 on
        source: opSource(OPS, (op) => first + (op % 1000)),
        values: [VALUE],
        // boundaries every millisecond: each phase yields, so the two interleave
        intervalMs: 1,
        batchSize: 512,
      });
    const [hits, misses] = await Promise.all([phase(0), phase(1_000_000)]);
    // the sink adds a value's length for a hit and 1 for a miss
    expect(hits.sink).toBe(OPS * VALUE.length);
    expect(misses.sink).toBe(OPS);
    expect(hits.result.operations.read!.count).toBe(OPS);
    expect(misses.result.operations.read!.count).toBe(OPS);
  });
});
