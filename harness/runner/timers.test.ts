// The runner's timer actions: timer-register, timer-delete and timer-fire call the timers state's
// timer service (outside the hot cases of the mixed loop), count the timer key's bytes as written,
// and a fire the queue refuses is an error of its kind. The async loop hands them to the sync
// loop, and asks no asynchronous writes of a timers state; --verify checks what fires.
import { describe, expect, it } from 'vitest';
import { heapBackend } from '../../backends/heap/backend.js';
import { lmdbBackend } from '../../backends/lmdb/backend.js';
import type { BackendInstance } from '../../backends/types.js';
import type { FlinkStates, OpBatch, OperationKind, OpSource } from '../../workloads/types.js';
import { tempDir } from '../../core/test-support/temp-dir.js';
import { keyGroupOfLong } from '../../core/flink/key-group.js';
import { resolveKnobs } from '../../backends/resolve-knobs.js';
import { runTestPhase } from '../test-support/phase.js';
import { Verifier } from '../verify/verify-loop.js';
import { memoryBackend } from '../test-support/memory-backend.js';

const OPS: OperationKind[] = [
  { name: 'timer.register', action: 'timer-register', writes: true, state: 'timers' },
  { name: 'timer.delete', action: 'timer-delete', writes: true, state: 'timers' },
  { name: 'timer.fire', action: 'timer-fire', writes: true, state: 'timers' },
  { name: 'window.put', action: 'put', writes: true, state: 'w' },
];
const [REGISTER, DELETE, FIRE, PUT] = [0, 1, 2, 3];
const STATES: FlinkStates = {
  maxParallelism: 128,
  states: [
    { name: 'timers', kind: 'timers', namespace: { kind: 'window', size: 10 }, ttl: null },
    { name: 'w', kind: 'aggregating', namespace: { kind: 'window', size: 10 }, ttl: null },
  ],
};
const lmdbKnobs = resolveKnobs(lmdbBackend.describe(), { noSync: 'true' });
/** [key group 1][timestamp][key][TimeWindow start, end]. */
const TIMER_KEY_BYTES = 1 + 8 + 8 + 16;

type Op = readonly [kind: number, key: number, ns: number, arg: number];

function source(ops: readonly Op[]): OpSource {
  let done = 0;
  return {
    total: ops.length,
    fill(b: OpBatch, max: number): number {
      const n = Math.min(max, ops.length - done);
      for (let i = 0; i < n; i++) {
        const [kind, key, ns, arg] = ops[done + i] as Op;
        b.kind[i] = kind;
        b.key[i] = key;
        b.ns[i] = ns;
        b.arg[i] = arg;
      }
      done += n;
      return n;
    },
  };
}

/** Per key 0..n-1: a put into window 0, a timer at its end (9), a timer at 19 deleted again; then the fires in key order (one timestamp, so key group first). */
function windowJob(n: number, firstFire = 0): Op[] {
  const ops: Op[] = [];
  for (let k = 0; k < n; k++) ops.push([PUT, k, 0, 0], [REGISTER, k, 0, 9], [REGISTER, k, 1, 19], [DELETE, k, 1, 19]);
  const fires = Array.from({ length: n }, (_, k) => k).sort((a, b) => groupOf(a) - groupOf(b) || a - b);
  const first = fires.splice(firstFire, 1);
  for (const k of [...first, ...fires]) ops.push([FIRE, k, 0, 9]);
  return ops;
}

const groupOf = (k: number): number => keyGroupOfLong(k, 128);

async function run(backend: BackendInstance, ops: Op[], verifier?: Verifier): ReturnType<typeof runTestPhase> {
  return runTestPhase({ backend, operations: OPS, states: STATES, source: source(ops), values: [new Uint8Array(32).fill(1)], maxInFlight: 4, ...(verifier ? { loops: verifier.loops } : {}) });
}

describe('timer actions in the runner', () => {
  it("call the timers state's service and count the timer key's bytes as written", async () => {
    const b = await heapBackend.open(tempDir(), { valueMode: 'bytes', checkpointFsync: false }, { keySize: 16, seed: 1 });
    try {
      const out = await run(b, windowJob(50));
      expect(out.firstError).toBeNull();
      const ops = out.result.operations;
      expect([ops['timer.register']?.count, ops['timer.delete']?.count, ops['timer.fire']?.count]).toEqual([100, 50, 50]);
      // every timer action writes its key; the puts write the heap's key size (16) and the value
      expect(out.bytesWritten).toBe(200 * TIMER_KEY_BYTES + 50 * (16 + 32));
    } finally {
      await b.close();
    }
  });

  it('count a fire the queue refuses as an error of the fire, naming both timers', async () => {
    const b = await heapBackend.open(tempDir(), { valueMode: 'bytes', checkpointFsync: false }, { keySize: 16, seed: 1 });
    try {
      // key 7's fire first: the heap's head is the key of the lowest key group
      const out = await run(b, windowJob(20, 7));
      expect(out.result.operations['timer.fire']?.errors).toBeGreaterThan(0);
      expect(out.firstError).toMatch(/timer-fire of timer \(key \d+, ns 0, timestamp 9\).*at its head.*disagree/);
    } finally {
      await b.close();
    }
  });

  it('run in the async loop of an async-write backend, the puts asynchronous, the timers through the sync loop', async () => {
    const b = await lmdbBackend.open(tempDir(), { ...lmdbKnobs, writePath: 'async' }, { keySize: 16, seed: 1 });
    try {
      expect(b.writeMode).toBe('async');
      const out = await run(b, windowJob(50));
      expect(out.firstError).toBeNull();
      expect(out.result.operations['timer.fire']?.count).toBe(50);
      expect(out.result.operations['window.put']?.count).toBe(50);
    } finally {
      await b.close();
    }
  });

  it('are checked by --verify against the expected queue: a clean run, then a fire out of order', async () => {
    const b = await heapBackend.open(tempDir(), { valueMode: 'bytes', checkpointFsync: false }, { keySize: 16, seed: 1 });
    try {
      const v = new Verifier();
      await run(b, windowJob(30), v);
      expect(v.result()).toEqual({ checked: 30, mismatches: 0, lost: 0, firstProblem: null });
      const late = new Verifier();
      await run(b, [[REGISTER, 3, 0, 40], [REGISTER, 3, 0, 30], [FIRE, 3, 0, 40], [FIRE, 3, 0, 77]], late);
      expect(late.result().mismatches).toBe(2);
      expect(late.result().firstProblem).toMatch(/timer-fire of timer \(key 3, ns 0, timestamp 40\), but timer \(key 3, ns 0, timestamp 30\) of its key group comes first/);
    } finally {
      await b.close();
    }
  });

  it("keep a backend's timers on the heap when it keeps none, across its phases", async () => {
    const bare = memoryBackend(new Map());
    const ops = windowJob(40);
    const registering = ops.filter((o) => o[0] !== FIRE);
    const first = await run(bare, registering);
    expect(first.firstError).toBeNull();
    const second = await run(bare, ops.filter((o) => o[0] === FIRE));
    expect(second.firstError).toBeNull();
    expect(second.result.operations['timer.fire']?.count).toBe(40);
    // a fresh instance holds none of them
    const other = await run(memoryBackend(new Map()), [[FIRE, 0, 0, 9]]);
    expect(other.firstError).toMatch(/is empty/);
  });
});
