// The loops for batches of one action (a db_bench-style readrandom or fillrandom, a load phase,
// the overhead loops): no switch, one kind's counter, totals in locals, and one call site of the
// backend in an inner loop that holds nothing else. With the timed op as a branch in that loop,
// or as a second call site beside it, V8 compiled the untimed path worse (0.73-0.90 of the raw
// loop in a loop-only test, where these loops measured 0.92-0.97 with timing, 0.985 without).
//
// They are closures made once per backend instance and batch, over constants: V8 then compiles
// them against that very backend object (the handle kindTargets returns as a constant, when every
// kind calls one) and those very typed arrays (function context specialisation), as it does a
// benchmark's hand-written loop over a module constant. The same
// loop reading its backend and arrays from a context object kept 0.83-0.87 of a raw loop's
// throughput on heap gets; the closure made once, 0.96-0.99 (docs/measuring.md). Made once per
// process matters too: a second closure from this site turns the specialisation off for both.
//
// The batch indices (i, stop, end, next) are kept int32 with `| 0` (they are below the batch
// capacity): without it TurboFan could not prove `stop` a small integer, kept i tagged in a
// stack slot and checked it on every op, and heap gets kept 0.88-0.92 of the raw loop; with
// it, 0.96-1.02 (docs/measuring.md).

import type { OpBatch } from '../../workloads/types.js';
import type { PhaseRecorder } from '../recorder/phase-recorder.js';
import { now } from '../recorder/clock.js';
import type { KindTargets, LoopContext, LoopState, OneActionLoops, Stretch } from './loop-context.js';

/** The first index at or after `from` whose op is timed: per-kind count c0 + i a multiple of `every`. */
function firstTimed(c0: number, from: number, every: number): number {
  return from + ((every - ((c0 + from) % every)) % every);
}

/** Records a timed op that started at t0; true when the clock has passed `stopAtMs`. */
export function recordTimed(recorder: PhaseRecorder, k: number, t0: number, stopAtMs: number): boolean {
  const t1 = now();
  recorder.record(k, (t1 - t0) * 1e6);
  return t1 >= stopAtMs;
}

export function makeOneActionLoops(targets: KindTargets, batch: OpBatch): OneActionLoops {
  const { handleOf, keyBytesOf } = targets;
  const key = batch.key;
  const ns = batch.ns;
  const kind = batch.kind;

  // One loop, one call site of the backend: the stretch runs as chunks, the untimed ops up to
  // the next timed one, then the timed op as a chunk of one with the clock read around it. The
  // inner loop holds nothing but the call and the sink. An op that throws is an error of its
  // kind and the stretch goes on with the next (i advances only after an op returns).
  const gets: Stretch = (ctx, st, from, to, stopAtMs) => {
    const recorder = ctx.recorder;
    const every = (ctx.sampleMask + 1) | 0;
    const k = kind[from] as number;
    // The kind's handle: a constant where every kind calls one (loop-kit.ts, kindTargets).
    const backend = handleOf(k);
    const c0 = (recorder.counts[k] as number) - from;
    let next = firstTimed(c0, from, every) | 0;
    let sink = 0;
    let i = from | 0;
    const end = to | 0;
    while (i < end) {
      const timed = i === next;
      const stop = (timed ? i + 1 : next < end ? next : end) | 0;
      const t0 = timed ? now() : 0;
      try {
        for (; i < stop; i = (i + 1) | 0) {
          const v = backend.get(key[i] as number, ns[i] as number);
          sink += v === undefined ? 1 : v.length;
        }
      } catch (err) {
        recorder.recordError(k, err);
        i = (i + 1) | 0;
        if (timed) next = (next + every) | 0;
        continue;
      }
      if (timed) {
        next = (next + every) | 0;
        if (recordTimed(recorder, k, t0, stopAtMs)) break;
      }
    }
    recorder.counts[k] = c0 + i;
    st.opIndex += i - from;
    st.sink += sink;
    return i;
  };

  // Puts as gets; the value of op i is values[(op0 + i) & mask], its bytes counted once it returns.
  const puts: Stretch = (ctx, st, from, to, stopAtMs) => {
    const { recorder, values, valueMask } = ctx;
    const every = (ctx.sampleMask + 1) | 0;
    const k = kind[from] as number;
    const backend = handleOf(k);
    const keySize = keyBytesOf(k);
    const c0 = (recorder.counts[k] as number) - from;
    const op0 = st.opIndex - from;
    let next = firstTimed(c0, from, every) | 0;
    let bytes = 0;
    let i = from | 0;
    const end = to | 0;
    while (i < end) {
      const timed = i === next;
      const stop = (timed ? i + 1 : next < end ? next : end) | 0;
      const t0 = timed ? now() : 0;
      try {
        for (; i < stop; i = (i + 1) | 0) {
          const v = values[(op0 + i) & valueMask] as Uint8Array;
          backend.put(key[i] as number, v, ns[i] as number);
          bytes += keySize + v.length;
        }
      } catch (err) {
        recorder.recordError(k, err);
        i = (i + 1) | 0;
        if (timed) next = (next + every) | 0;
        continue;
      }
      if (timed) {
        next = (next + every) | 0;
        if (recordTimed(recorder, k, t0, stopAtMs)) break;
      }
    }
    recorder.counts[k] = c0 + i;
    st.opIndex += i - from;
    st.bytesWritten += bytes;
    return i;
  };

  return { gets, puts };
}
