// The loops for batches of one action (a db_bench-style readrandom or fillrandom, a load phase,
// the overhead loops): no switch, one kind's counter, totals in locals, and the untimed ops in
// an inner loop of their own, so the 1-in-N timed op costs nothing on the others.
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

  const gets: Stretch = (ctx, st, from, to, stopAtMs) => {
    const recorder = ctx.recorder;
    const every = ctx.sampleMask + 1;
    const k = kind[from] as number;
    const c0 = (recorder.counts[k] as number) - from;
    let next = firstTimed(c0, from, every);
    let sink = 0;
    let i = from;
    for (;;) {
      try {
        while (i < to) {
          const end = next < to ? next : to;
          for (; i < end; i++) {
            const v = backend.get(key[i] as number, ns[i] as number);
            sink += v === undefined ? 1 : v.length;
          }
          if (i === to) break;
          const t0 = now();
          const v = backend.get(key[i] as number, ns[i] as number);
          sink += v === undefined ? 1 : v.length;
          i++;
          next += every;
          if (recordTimed(recorder, k, t0, stopAtMs)) break;
        }
        break;
      } catch (err) {
        // The op at i threw (i advances only after an op returns): an error of its kind; go on.
        recorder.recordError(k, err);
        if (i === next) next += every;
        i++;
      }
    }
    recorder.counts[k] = c0 + i;
    st.opIndex += i - from;
    st.sink += sink;
    return i;
  };

  const puts: Stretch = (ctx, st, from, to, stopAtMs) => {
    const { recorder, values, valueMask, keySize } = ctx;
    const every = ctx.sampleMask + 1;
    const k = kind[from] as number;
    const c0 = (recorder.counts[k] as number) - from;
    const op0 = st.opIndex - from;
    let next = firstTimed(c0, from, every);
    let bytes = 0;
    let i = from;
    for (;;) {
      try {
        while (i < to) {
          const end = next < to ? next : to;
          for (; i < end; i++) {
            const v = values[(op0 + i) & valueMask] as Uint8Array;
            backend.put(key[i] as number, v, ns[i] as number);
            bytes += keySize + v.length;
          }
          if (i === to) break;
          const t0 = now();
          const v = values[(op0 + i) & valueMask] as Uint8Array;
          backend.put(key[i] as number, v, ns[i] as number);
          bytes += keySize + v.length;
          i++;
          next += every;
          if (recordTimed(recorder, k, t0, stopAtMs)) break;
        }
        break;
      } catch (err) {
        // The put at i threw before its bytes were counted: an error of its kind; go on.
        recorder.recordError(k, err);
        if (i === next) next += every;
        i++;
      }
    }
    recorder.counts[k] = c0 + i;
    st.opIndex += i - from;
    st.bytesWritten += bytes;
    return i;
  };

  return { gets, puts };
}

