// The loops for batches of one action (a db_bench-style readrandom or fillrandom, a load phase,
// the overhead loops): no switch, one kind's counter, totals in locals. The untimed ops run in a
// function of their own that holds nothing but the call and the sink; the 1-in-N timed op is a
// second function. With both in one loop body (the timed op as a branch or a second call site)
// V8 compiled the untimed path worse: 0.78-0.90 of the raw loop against 0.97-0.99 split.
//
// They are closures made once per backend instance and batch, over constants: V8 then compiles
// them against that very backend object and those very typed arrays (function context
// specialisation), as it does a benchmark's hand-written loop over a module constant. The same
// loop reading its backend and arrays from a context object kept 0.87 of the raw loop's
// throughput on heap gets; the closure made once, 0.97 (docs/measuring.md). Made once per
// process matters too: a second closure from this site turns the specialisation off for both.

import type { BackendInstance } from '../../backends/types.js';
import type { OpBatch } from '../../workloads/types.js';
import type { PhaseRecorder } from '../recorder/phase-recorder.js';
import { now } from '../recorder/clock.js';
import type { LoopContext, LoopState } from './loop-context.js';

/** Runs ops from `from` to before `to` (or until the clock passes stopAtMs); returns where it stopped. */
export type Stretch = (ctx: LoopContext, st: LoopState, from: number, to: number, stopAtMs: number) => number;

export interface OneActionLoops {
  readonly gets: Stretch;
  readonly puts: Stretch;
}

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

export function makeOneActionLoops(backend: BackendInstance, batch: OpBatch): OneActionLoops {
  const key = batch.key;
  const ns = batch.ns;
  const kind = batch.kind;

  // The untimed ops of a stretch: nothing in the loop but the call and the sink. An op that
  // throws is an error of its kind and the loop goes on (i advances only after an op returns).
  const untimedGets = (recorder: PhaseRecorder, k: number, from: number, end: number): number => {
    let sink = 0;
    let i = from;
    for (;;) {
      try {
        for (; i < end; i++) {
          const v = backend.get(key[i] as number, ns[i] as number);
          sink += v === undefined ? 1 : v.length;
        }
        return sink;
      } catch (err) {
        recorder.recordError(k, err);
        i++;
      }
    }
  };
  const oneGet = (i: number): number => {
    const v = backend.get(key[i] as number, ns[i] as number);
    return v === undefined ? 1 : v.length;
  };

  const gets: Stretch = (ctx, st, from, to, stopAtMs) => {
    const recorder = ctx.recorder;
    const every = ctx.sampleMask + 1;
    const k = kind[from] as number;
    const c0 = (recorder.counts[k] as number) - from;
    let next = firstTimed(c0, from, every);
    let sink = 0;
    let i = from;
    while (i < to) {
      const end = next < to ? next : to;
      if (i < end) sink += untimedGets(recorder, k, i, end);
      i = end;
      if (i === to) break;
      next += every;
      const t0 = now();
      try {
        sink += oneGet(i);
      } catch (err) {
        recorder.recordError(k, err);
        i++;
        continue;
      }
      i++;
      if (recordTimed(recorder, k, t0, stopAtMs)) break;
    }
    recorder.counts[k] = c0 + i;
    st.opIndex += i - from;
    st.sink += sink;
    return i;
  };

  // Puts as gets; the value of op i is values[(op0 + i) & mask], its bytes counted once it returns.
  const untimedPuts = (ctx: LoopContext, k: number, op0: number, from: number, end: number): number => {
    const { values, valueMask, keySize } = ctx;
    let bytes = 0;
    let i = from;
    for (;;) {
      try {
        for (; i < end; i++) {
          const v = values[(op0 + i) & valueMask] as Uint8Array;
          backend.put(key[i] as number, v, ns[i] as number);
          bytes += keySize + v.length;
        }
        return bytes;
      } catch (err) {
        ctx.recorder.recordError(k, err);
        i++;
      }
    }
  };
  const onePut = (ctx: LoopContext, op0: number, i: number): number => {
    const v = ctx.values[(op0 + i) & ctx.valueMask] as Uint8Array;
    backend.put(key[i] as number, v, ns[i] as number);
    return ctx.keySize + v.length;
  };

  const puts: Stretch = (ctx, st, from, to, stopAtMs) => {
    const recorder = ctx.recorder;
    const every = ctx.sampleMask + 1;
    const k = kind[from] as number;
    const c0 = (recorder.counts[k] as number) - from;
    const op0 = st.opIndex - from;
    let next = firstTimed(c0, from, every);
    let bytes = 0;
    let i = from;
    while (i < to) {
      const end = next < to ? next : to;
      if (i < end) bytes += untimedPuts(ctx, k, op0, i, end);
      i = end;
      if (i === to) break;
      next += every;
      const t0 = now();
      try {
        bytes += onePut(ctx, op0, i);
      } catch (err) {
        recorder.recordError(k, err);
        i++;
        continue;
      }
      i++;
      if (recordTimed(recorder, k, t0, stopAtMs)) break;
    }
    recorder.counts[k] = c0 + i;
    st.opIndex += i - from;
    st.bytesWritten += bytes;
    return i;
  };

  return { gets, puts };
}
