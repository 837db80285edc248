// The empty stretches a sync loop runs before its first real one (phase.ts says why): once per
// loop of a backend, before any op of that loop, and without changing what is measured.
import { runTestPhase } from '../test-support/phase.js';
import { describe, expect, it } from 'vitest';
import { runSyncStretch } from './sync-loop.js';
import { runAsyncStretch } from './async-loop.js';
import { memoryBackend } from '../test-support/memory-backend.js';
import { opSource } from '../test-support/op-source.js';
import type { OperationKind } from '../../workloads/types.js';
import type { BackendInstance } from '../../backends/types.js';

const VALUE = new Uint8Array(10);
const READ: OperationKind = { name: 'read', action: 'get', writes: false };
const WRITE: OperationKind = { name: 'write', action: 'put', writes: true };
const BATCH = 1024;

interface Call {
  readonly from: number;
  readonly to: number;
  readonly action: number;
}

function loadedBackend(total: number): BackendInstance {
  const map = new Map<number, Uint8Array>();
  for (let k = 1; k <= total; k++) map.set(k, VALUE);
  return memoryBackend(map);
}

async function phaseWithSpy(total: number, kindOf: (op: number) => number, sampleEvery: number, backend = loadedBackend(total)) {
  const calls: Call[] = [];
  const out = await runTestPhase({
    backend,
    operations: [READ, WRITE],
    source: opSource(total, (op) => op + 1, kindOf),
    values: [VALUE],
    timing: { mode: sampleEvery > 1 ? 'sampled' : 'every', sampleEvery },
    batchSize: BATCH,
    loops: {
      sync: (ctx, st, from, to, stopAtMs) => {
        calls.push({ from, to, action: st.batchAction });
        return runSyncStretch(ctx, st, from, to, stopAtMs);
      },
      async: runAsyncStretch,
    },
  });
  return { out, calls };
}

describe('priming of the sync loops', () => {
  // Batch 0 and 2 only reads (the gets loop), batch 1 only writes (puts), batch 3 mixed.
  const kindOf = (op: number): number => {
    const b = Math.floor(op / BATCH);
    return b === 1 ? 1 : b === 3 ? op % 2 : 0;
  };
  const TOTAL = 4 * BATCH;

  it('runs each loop empty 64 times before its first ops', async () => {
    const { calls } = await phaseWithSpy(TOTAL, kindOf, 8);
    const empty = calls.filter((c) => c.from === 0 && c.to === 0);
    expect(empty).toHaveLength(3 * 64); // gets, puts, mixed; batch 2 reuses the primed gets loop
    for (const action of [0, 1, -1]) {
      const first = calls.findIndex((c) => c.action === action);
      const firstReal = calls.findIndex((c) => c.action === action && c.to > c.from);
      expect(first).toBeGreaterThanOrEqual(0);
      expect(calls.slice(first, first + 64).every((c) => c.to === 0)).toBe(true);
      expect(firstReal).toBe(first + 64);
    }
  });

  it("runs them once per loop of a backend: the backend's next phase uses the primed loops", async () => {
    const backend = loadedBackend(TOTAL);
    await phaseWithSpy(TOTAL, kindOf, 8, backend);
    const { calls, out } = await phaseWithSpy(TOTAL, kindOf, 8, backend);
    expect(calls.filter((c) => c.to === c.from)).toHaveLength(0);
    expect(out.result.ops).toBe(TOTAL);
  });

  it('leaves counts, timed ops, bytes and the sink as the ops alone make them', async () => {
    const { out } = await phaseWithSpy(TOTAL, kindOf, 8);
    const reads = 2 * BATCH + BATCH / 2;
    const writes = BATCH + BATCH / 2;
    expect(out.result.ops).toBe(TOTAL);
    expect(out.result.operations.read!.count).toBe(reads);
    expect(out.result.operations.write!.count).toBe(writes);
    // one in 8 of each kind's ops is timed, counted from the kind's first op
    expect(out.result.operations.read!.timed).toBe(reads / 8);
    expect(out.result.operations.write!.timed).toBe(writes / 8);
    expect(out.bytesWritten).toBe(writes * (16 + VALUE.length));
    expect(out.sink).toBe(reads * VALUE.length);
  });
});
