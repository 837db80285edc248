// One phase (load, warm-up or run): generates operations in batches outside the timed
// stretches, runs them through the sync or async loop, closes an interval of the time series
// at each boundary (sampling the engine's cheap stats and yielding to the event loop, so a stop
// request or a progress message can pass), and returns the phase result.
//
// Throughput is ops over wall-clock time less the pauses the harness itself took (generating
// ops, sampling stats), never derived from latencies.

import type { BackendInstance } from '../../backends/types.js';
import { OpBatch } from '../../workloads/types.js';
import type { FlinkStates, OpSource, OperationKind } from '../../workloads/types.js';
import { now } from '../recorder/clock.js';
import { PhaseRecorder, type PhaseTiming } from '../recorder/phase-recorder.js';
import type { PhaseResult } from '../../core/result/schema.js';
import { A_GET, A_PUT, actionCode } from './action-codes.js';
import { InFlight, runAsyncStretch } from './async-loop.js';
import type { LoopContext, LoopState } from './loop-context.js';
import { runSyncStretch, uniformAction } from './sync-loop.js';
import { acquireLoopKit, type LoopKit } from './loop-kit.js';
import { resolveStateRoute, type StateRoute } from './state-route.js';

export interface PhaseProgress {
  readonly phase: string;
  readonly ops: number;
  readonly totalOps: number | null;
  readonly elapsedMs: number;
  readonly durationMs: number | null;
  readonly opsPerSec: number;
}

/** Work done at interval boundaries, outside timed operations (checkpoints). */
export interface BoundaryHook {
  /** The phase clock's start (clock ms): the time base of the phase's time series. */
  start(startMs: number): void;
  /** At an interval boundary; the loop goes on when it returns (or its promise settles). */
  atBoundary(nowMs: number): void | Promise<void>;
}

/** The measured loops; --verify swaps in loops that check every value they read. */
export interface PhaseLoops {
  readonly sync: typeof runSyncStretch;
  readonly async: typeof runAsyncStretch;
}

export interface PhaseOptions {
  readonly name: string;
  readonly backend: BackendInstance;
  readonly operations: readonly OperationKind[];
  /** The workload's states in Flink's key layout (WorkloadDefinition.flinkStates); absent or null: the plain layout. */
  readonly states?: FlinkStates | null;
  readonly source: OpSource;
  readonly values: readonly Uint8Array[];
  readonly keySize: number;
  readonly ttlTicks: number;
  readonly timing: PhaseTiming;
  /** Stop after this long (ms); null: run until the source ends. */
  readonly durationMs: number | null;
  readonly intervalMs: number;
  /** Open loop target (ops/s); null for a closed loop. */
  readonly targetRate: number | null;
  /** Async-write (async-read) backends: bound on outstanding writes (and reads). */
  readonly maxInFlight: number;
  readonly batchSize?: number;
  readonly onProgress?: (p: PhaseProgress) => void;
  /** Polled at each interval boundary. */
  readonly shouldStop?: () => boolean;
  /** Boundary work (checkpoints): left out of throughput like other pauses, but the open-loop
   *  schedule does not move for it, so ops it held up are charged their wait. */
  readonly boundary?: BoundaryHook;
  readonly loops?: PhaseLoops;
}

export interface PhaseOutcome {
  readonly result: PhaseResult;
  readonly bytesWritten: number;
  readonly stopped: boolean;
  readonly firstError: string | null;
  /** Keeps read results alive so no engine call can be optimised away. */
  readonly sink: number;
}

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

// Empty stretches (no ops) each sync loop of a kit runs before its first ops. V8 gives a
// function its feedback vector only after it has run a while, so a loop whose first call ran
// a whole batch was compiled on-stack (OSR) with no feedback for the code before and after its
// loop, and deopted there on every later call while V8 kept the OSR code: 61 deopts, one per
// batch, in the first phase of heap gets. Called empty first, the loop has that feedback.
const PRIME_CALLS = 64;

export async function runPhase(o: PhaseOptions): Promise<PhaseOutcome> {
  const poolSize = o.values.length;
  if (poolSize === 0 || (poolSize & (poolSize - 1)) !== 0) throw new Error('value pool size must be a power of two');
  // Each kind's handle, asked of the backend once here, before anything is timed.
  const route = resolveStateRoute(o.backend, o.operations, o.states ?? null, o.keySize);
  const kit = acquireLoopKit(o.backend, route, o.batchSize ?? 16_384, (n) => new OpBatch(n));
  try {
    return await runPhaseWith(o, route, kit);
  } finally {
    kit.release();
  }
}

async function runPhaseWith(o: PhaseOptions, route: StateRoute, kit: LoopKit): Promise<PhaseOutcome> {
  const batch = kit.batch;
  const recorder = new PhaseRecorder(
    o.operations.map((op) => op.name),
    o.timing,
  );
  const ctx: LoopContext = {
    backend: o.backend,
    route,
    actions: Uint8Array.from(o.operations.map((op) => actionCode(op.action))),
    writes: Uint8Array.from(o.operations.map((op) => (op.writes ? 1 : 0))),
    values: o.values,
    valueMask: o.values.length - 1,
    ttlTicks: o.ttlTicks,
    recorder,
    sampleMask: o.timing.mode === 'sampled' ? o.timing.sampleEvery - 1 : 0,
    periodMs: o.targetRate ? 1000 / o.targetRate : 0,
    batch,
    loops: kit.loops,
  };
  const asyncWrites = o.backend.writeMode === 'async';
  const asyncReads = o.backend.readMode === 'async';
  const inflight = new InFlight(o.maxInFlight);
  const st: LoopState = { opIndex: 0, scheduleStartMs: 0, bytesWritten: 0, sink: 0, batchAction: -1 };
  const total = o.source.total;
  const syncStretch = o.loops?.sync ?? runSyncStretch;
  const asyncStretch = o.loops?.async ?? runAsyncStretch;

  const start = now();
  st.scheduleStartMs = start;
  const deadline = o.durationMs !== null ? start + o.durationMs : Infinity;
  let nextInterval = start + o.intervalMs;
  let pausedMs = 0;
  let stopped = false;
  let done = false;
  recorder.startInterval(0, 0);
  o.boundary?.start(start);

  const pause = (ms: number): void => {
    pausedMs += ms;
    recorder.addPause(ms);
    // The open-loop schedule moves with the harness's own pauses: they are not the engine's lateness.
    st.scheduleStartMs += ms;
  };

  while (!done) {
    const g0 = now();
    const want = total === null ? batch.capacity : Math.min(batch.capacity, total - st.opIndex);
    const n = want > 0 ? o.source.fill(batch, want) : 0;
    // A batch of only gets runs in the sync loop even on a backend with async writes: the async
    // loop takes its ops one at a time (lmdb gets: 0.90 -> 0.99 of the raw loop). The open loop
    // waits for each op's intended start, which only the mixed loop does.
    const action = uniformAction(ctx, n);
    // Async reads: every batch but one of only puts, whose puts the sync loop runs as fast as ever.
    const asyncBatch = (asyncWrites && action !== A_GET) || (asyncReads && action !== A_PUT);
    st.batchAction = asyncBatch || ctx.periodMs > 0 ? -1 : action;
    if (n > 0 && !asyncBatch && !kit.primed.has(st.batchAction)) {
      kit.primed.add(st.batchAction);
      for (let j = 0; j < PRIME_CALLS; j++) syncStretch(ctx, st, 0, 0, Infinity);
    }
    pause(now() - g0);
    if (n === 0) break;
    let idx = 0;
    while (idx < n) {
      const stopAt = nextInterval < deadline ? nextInterval : deadline;
      idx = asyncBatch
        ? await asyncStretch(ctx, st, inflight, idx, n, stopAt)
        : syncStretch(ctx, st, idx, n, stopAt);
      const t = now();
      if (t >= nextInterval) {
        recorder.closeInterval(t - start, st.opIndex, o.backend.sampleStats());
        o.onProgress?.({
          phase: o.name,
          ops: st.opIndex,
          totalOps: total,
          elapsedMs: t - start,
          durationMs: o.durationMs,
          opsPerSec: ((st.opIndex * 1000) / Math.max(1, t - start - pausedMs)),
        });
        await yieldToEventLoop();
        const t2 = now();
        pause(t2 - t);
        let t3 = t2;
        // Not at the deadline: no operation would follow, the boundary work would belong to no interval.
        if (o.boundary && t < deadline) {
          await o.boundary.atBoundary(t2);
          t3 = now();
          pausedMs += t3 - t2;
          recorder.addPause(t3 - t2);
        }
        nextInterval = t3 + o.intervalMs;
        if (o.shouldStop?.()) {
          stopped = true;
          done = true;
          break;
        }
      }
      if (t >= deadline) {
        done = true;
        break;
      }
    }
    // Stopped inside a batch: its ops not run go back to the source, which hands them out first
    // to the phase that follows (an operator workload's timers must see every op it simulated).
    if (done && idx < n) o.source.unread?.(batch, idx, n);
  }
  if (asyncWrites || asyncReads) await inflight.drain();
  const end = now();
  recorder.closeInterval(end - start, st.opIndex, o.backend.sampleStats());
  const activeMs = end - start - pausedMs;
  return {
    result: recorder.finish(st.opIndex, activeMs, o.targetRate),
    bytesWritten: st.bytesWritten,
    stopped,
    firstError: recorder.firstError,
    sink: st.sink,
  };
}
