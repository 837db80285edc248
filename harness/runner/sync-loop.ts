// The measured loop for synchronous backends. It runs operations of the current batch until
// the batch ends or the clock passes `stopAtMs` (the next interval boundary or the deadline),
// and returns the batch index it reached. No awaiting, logging or allocation of its own here:
// keys, values and kinds were prepared before; results are sunk into state.sink.
//
// Closed loop: an op is timed from its start. Open loop (periodMs > 0): each op has an intended
// start on a fixed schedule; the loop waits for it, and latency counts from the intended start,
// so a stall delays every queued op's measurement too (no coordinated omission).

import type { KindTargets, LoopContext, LoopState, Stretch } from './loop-context.js';
import { now } from '../recorder/clock.js';
import { recordTimed } from './one-action-loops.js';
import {
  A_APPEND,
  A_CLEAR_NS,
  A_DELETE,
  A_GET,
  A_ITERATE,
  A_MULTIGET,
  A_PUT,
  A_RMW,
  A_SCAN,
  A_TTL_DEDUPE,
  A_NONE,
  A_TIMER_DELETE,
  A_TIMER_FIRE,
  A_TIMER_REGISTER,
} from './action-codes.js';
import type { BatchOp, StateHandle, TimerHandle } from '../../backends/types.js';
import type { OpBatch } from '../../workloads/types.js';
import { readTtlStamp, TTL_STAMP_BYTES, writeTtlStamp } from './ttl-stamp.js';

const ALL = 0x7fffffff;

// Sizes are read with `.length`, which for a Uint8Array is its byte length: V8 inlines it as a
// field load here, while `.byteLength` in these loops was a builtin call on every op (a heap get
// through the runner went from 4.2 M to 12 M ops/s, docs/measuring.md).

export function runSyncStretch(ctx: LoopContext, st: LoopState, from: number, to: number, stopAtMs: number): number {
  // Batches of one get or put kind run in the one-action loops; the rest in the mixed loop.
  if (st.batchAction === A_GET) return ctx.loops.gets(ctx, st, from, to, stopAtMs);
  if (st.batchAction === A_PUT) return ctx.loops.puts(ctx, st, from, to, stopAtMs);
  return ctx.loops.mixed(ctx, st, from, to, stopAtMs);
}

/**
 * The loop for any mix of actions, closed or open loop: a closure over the kinds' handles and the
 * batch's arrays, made once per backend as the one-action loops are (loop-kit.ts). Where every
 * kind calls one handle, handleOf and keyBytesOf return constants V8 folds in.
 */
export function makeMixedLoop(targets: KindTargets, batch: OpBatch): Stretch {
  const { handleOf, keyBytesOf } = targets;
  const { kind, key, ns, arg } = batch;
  return (ctx, st, from, to, stopAtMs) => {
    const { actions, values, valueMask, recorder, sampleMask, periodMs } = ctx;
    const counts = recorder.counts;
    const open = periodMs > 0;
    let i = from;
    for (;;) {
      try {
        for (; i < to; i++) {
          const k = kind[i] as number;
          const opIndex = st.opIndex++;
          // Sampling counts each kind's own ops, so kinds that alternate (get, then update) are all sampled.
          const timed = open || ((counts[k] as number) & sampleMask) === 0;
          let t0 = 0;
          if (open) {
            t0 = st.scheduleStartMs + opIndex * periodMs;
            while (now() < t0) {
              /* wait for the intended start */
            }
          } else if (timed) {
            t0 = now();
          }
          const id = key[i] as number;
          const space = ns[i] as number;
          const backend = handleOf(k);
          switch (actions[k]) {
            case A_GET: {
              const v = backend.get(id, space);
              st.sink += v === undefined ? 1 : v.length;
              break;
            }
            case A_PUT: {
              const v = values[opIndex & valueMask] as Uint8Array;
              backend.put(id, v, space);
              st.bytesWritten += keyBytesOf(k) + v.length;
              break;
            }
            case A_DELETE:
              backend.delete(id, space);
              st.bytesWritten += keyBytesOf(k);
              break;
            case A_RMW: {
              const old = backend.get(id, space);
              st.sink += old === undefined ? 1 : old.length;
              const v = values[opIndex & valueMask] as Uint8Array;
              backend.put(id, v, space);
              st.bytesWritten += keyBytesOf(k) + v.length;
              break;
            }
            default:
              // Less frequent actions live outside the loop so the hot cases above stay small
              // enough for V8 to inline the backend's get and put into this loop.
              st.sink += runOtherAction(ctx, st, backend, keyBytesOf(k), actions[k] as number, id, space, arg[i] as number, opIndex);
              break;
          }
          counts[k] = (counts[k] as number) + 1;
          if (timed && recordTimed(recorder, k, t0, stopAtMs)) return i + 1;
        }
        return i;
      } catch (err) {
        // The op at i threw: an error of its kind, counted as done; go on with the next op.
        // (opIndex advanced before the op ran; counts advance after an op returns.)
        const k = kind[i] as number;
        recorder.recordError(k, err);
        counts[k] = (counts[k] as number) + 1;
        i++;
      }
    }
  };
}

/** The batch's ops all have this action (A_GET or A_PUT) and one kind; -1 otherwise. */
export function uniformAction(ctx: LoopContext, n: number): number {
  const { kind } = ctx.batch;
  if (n === 0) return -1;
  const k = kind[0] as number;
  for (let i = 1; i < n; i++) if (kind[i] !== k) return -1;
  const a = ctx.actions[k] as number;
  return a === A_GET || a === A_PUT ? a : -1;
}

/** The actions other than get, put, delete and read-modify-write, on handle `h` whose keys are `keyBytes` long; returns what to sink. */
function runOtherAction(ctx: LoopContext, st: LoopState, h: StateHandle, keyBytes: number, action: number, id: number, space: number, a: number, opIndex: number): number {
  switch (action) {
    case A_SCAN:
      return h.scan(id, a, space).length;
    case A_MULTIGET:
      return multiGet(h, id, a, space);
    case A_APPEND: {
      const v = ctx.values[opIndex & ctx.valueMask] as Uint8Array;
      h.append(id, v, space);
      st.bytesWritten += keyBytes + v.length;
      return 0;
    }
    case A_ITERATE:
      return h.scan(0, ALL, space).length;
    case A_CLEAR_NS:
      return clearNamespace(h, keyBytes, st, space);
    case A_TTL_DEDUPE:
      return ttlDedupe(ctx, h, keyBytes, st, id, space, a, opIndex);
    case A_NONE:
      return 0;
    // A timer's write counts its key's bytes (a timer has no value), registered or not.
    case A_TIMER_REGISTER:
      timersOf(h).registerTimer(id, space, a);
      st.bytesWritten += keyBytes;
      return 0;
    case A_TIMER_DELETE:
      timersOf(h).deleteTimer(id, space, a);
      st.bytesWritten += keyBytes;
      return 0;
    case A_TIMER_FIRE:
      timersOf(h).fireTimer(id, space, a);
      st.bytesWritten += keyBytes;
      return 1;
    default:
      throw new Error(`unknown action code ${action}`);
  }
}

/** The timer service of a 'timers' state's handle. */
export function timersOf(h: StateHandle): TimerHandle {
  if (h.timers === undefined) throw new TypeError("a timer action on a handle without timers: the operation's state is not a 'timers' state");
  return h.timers;
}

// Reused key list for multi-gets: allocated once per distinct length, outside the common path.
let multiKeys: number[] = [];

function multiGet(h: StateHandle, first: number, n: number, space: number): number {
  if (multiKeys.length !== n) multiKeys = new Array<number>(n).fill(0);
  for (let j = 0; j < n; j++) multiKeys[j] = first + j;
  const got = h.multiGet(multiKeys, space);
  let found = 0;
  for (const v of got) if (v !== undefined) found++;
  return found;
}

/** Window fire: read every key of the namespace, then delete them all in one batch. */
function clearNamespace(h: StateHandle, keyBytes: number, st: LoopState, space: number): number {
  const entries = h.scan(0, ALL, space);
  if (entries.length === 0) return 0;
  const ops: BatchOp[] = new Array<BatchOp>(entries.length);
  for (let j = 0; j < entries.length; j++) {
    ops[j] = { type: 'delete', key: (entries[j] as { key: number }).key, ns: space };
  }
  h.writeBatch(ops);
  st.bytesWritten += entries.length * keyBytes;
  return entries.length;
}

/**
 * TTL dedupe: the value starts with Flink's TTL stamp, the 8-byte big-endian timestamp it was
 * written at (TtlSerializer: the timestamp, then the user value), here the workload's tick.
 * Absent or older than ttlTicks: write it again with the current tick (a new or expired event);
 * otherwise a duplicate. The stamp goes into the value bytes as Flink's TTL wrapper puts it there
 * above the backend, so the backend stores Flink's bytes and a TTL compaction filter can read them.
 */
function ttlDedupe(ctx: LoopContext, h: StateHandle, keyBytes: number, st: LoopState, id: number, space: number, tick: number, opIndex: number): number {
  const old = h.get(id, space);
  if (old !== undefined && old.length >= TTL_STAMP_BYTES) {
    if (readTtlStamp(old) + ctx.ttlTicks >= tick) return 1;
  }
  const v = ctx.values[opIndex & ctx.valueMask] as Uint8Array;
  if (v.length >= TTL_STAMP_BYTES) writeTtlStamp(v, tick);
  h.put(id, v, space);
  st.bytesWritten += keyBytes + v.length;
  return 0;
}
