// The measured loops under --verify: the same operations as runner/sync-loop.ts and
// async-loop.ts, but every value written is stamped (key id, version, checksum) and every value
// read is checked against the expected state. A separate loop, so the normal one carries no
// branch for it; latencies here include the stamping and checking (a correctness mode).

import type { BatchOp, StateDescriptor, StateHandle } from '../../backends/types.js';
import { now } from '../recorder/clock.js';
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
} from '../runner/action-codes.js';
import { asyncWrites, writesAsync, type InFlight } from '../runner/async-loop.js';
import { timersOf } from '../runner/sync-loop.js';
import type { LoopContext, LoopState } from '../runner/loop-context.js';
import type { PhaseLoops } from '../runner/phase.js';
import type { VerifyResult } from '../../core/result/schema.js';
import { ExpectedState } from './expected-state.js';
import { ExpectedTimers } from './expected-timers.js';
import { readTick, stampValue, writeTick } from './value-codec.js';

const ALL = 0x7fffffff;

export class Verifier {
  readonly state = new ExpectedState();
  private readonly timers = new ExpectedTimers(this.state);

  readonly loops: PhaseLoops = {
    sync: (ctx, st, from, to, stopAtMs) => this.runSync(ctx, st, from, to, stopAtMs),
    async: (ctx, st, inflight, from, to, stopAtMs) => this.runAsync(ctx, st, inflight, from, to, stopAtMs),
  };

  result(): VerifyResult {
    const s = this.state;
    return { checked: s.checked, mismatches: s.mismatches, lost: s.lost, firstProblem: s.firstProblem };
  }

  private runSync(ctx: LoopContext, st: LoopState, from: number, to: number, stopAtMs: number): number {
    const { recorder, sampleMask, periodMs } = ctx;
    const { kind } = ctx.batch;
    const counts = recorder.counts;
    for (let i = from; i < to; i++) {
      const k = kind[i] as number;
      const opIndex = st.opIndex++;
      const open = periodMs > 0;
      const timed = open || ((counts[k] as number) & sampleMask) === 0;
      let t0 = 0;
      if (open) {
        t0 = st.scheduleStartMs + opIndex * periodMs;
        while (now() < t0) {
          /* wait for the intended start */
        }
      } else if (timed) t0 = now();
      try {
        this.runOne(ctx, st, i, opIndex);
      } catch (err) {
        recorder.recordError(k, err);
      }
      counts[k] = (counts[k] as number) + 1;
      if (timed) {
        const t1 = now();
        recorder.record(k, (t1 - t0) * 1e6);
        if (t1 >= stopAtMs) return i + 1;
      }
    }
    return to;
  }

  private runOne(ctx: LoopContext, st: LoopState, i: number, opIndex: number): void {
    const k = ctx.batch.kind[i] as number;
    const backend = ctx.route.handles[k] as StateHandle;
    const keySize = ctx.route.keyBytes[k] as number;
    const s = this.state;
    const id = ctx.batch.key[i] as number;
    const ns = ctx.batch.ns[i] as number;
    const a = ctx.batch.arg[i] as number;
    const payload = ctx.values[opIndex & ctx.valueMask] as Uint8Array;
    switch (ctx.actions[k]) {
      case A_GET:
        s.checkRead(ns, id, backend.get(id, ns));
        return;
      case A_RMW:
        s.checkRead(ns, id, backend.get(id, ns));
        this.put(backend, keySize, st, id, ns, payload);
        return;
      case A_PUT:
        this.put(backend, keySize, st, id, ns, payload);
        return;
      case A_DELETE: {
        const version = s.version();
        backend.delete(id, ns);
        s.deleted(ns, id, version);
        st.bytesWritten += keySize;
        return;
      }
      case A_SCAN:
        for (const e of backend.scan(id, a, ns)) s.checkEntry(ns, e.key, e.value);
        return;
      case A_MULTIGET: {
        const keys = Array.from({ length: a }, (_, j) => id + j);
        const got = backend.multiGet(keys, ns);
        for (let j = 0; j < a; j++) s.checkRead(ns, keys[j] as number, got[j]);
        return;
      }
      case A_APPEND: {
        const version = s.version();
        const v = stampValue(payload, id, version);
        backend.append(id, v, ns);
        s.appended(ns, id, version);
        st.bytesWritten += keySize + v.byteLength;
        return;
      }
      case A_ITERATE:
        for (const e of backend.scan(0, ALL, ns)) s.checkEntry(ns, e.key, e.value);
        return;
      case A_CLEAR_NS: {
        const entries = backend.scan(0, ALL, ns);
        if (entries.length === 0) return;
        const ops: BatchOp[] = entries.map((e) => {
          s.checkEntry(ns, e.key, e.value);
          return { type: 'delete', key: e.key, ns };
        });
        const version = s.version();
        backend.writeBatch(ops);
        for (const e of entries) s.deleted(ns, e.key, version);
        st.bytesWritten += entries.length * keySize;
        return;
      }
      case A_TTL_DEDUPE: {
        const old = backend.get(id, ns);
        s.checkRead(ns, id, old);
        if (old !== undefined && old.byteLength >= 24 && readTick(old) + ctx.ttlTicks >= a) return;
        const version = s.version();
        const v = stampValue(payload, id, version);
        writeTick(v, a);
        backend.put(id, v, ns);
        s.wrote(ns, id, version);
        st.bytesWritten += keySize + v.byteLength;
        return;
      }
      case A_NONE:
        return;
      case A_TIMER_REGISTER:
        timersOf(backend).registerTimer(id, ns, a);
        this.timers.registered(this.timerState(ctx, k), id, ns, a);
        st.bytesWritten += keySize;
        return;
      case A_TIMER_DELETE:
        timersOf(backend).deleteTimer(id, ns, a);
        this.timers.deleted(this.timerState(ctx, k), id, ns, a);
        st.bytesWritten += keySize;
        return;
      case A_TIMER_FIRE:
        // The expectation first: a fire the backend refuses is still checked against it.
        this.timers.fired(this.timerState(ctx, k), id, ns, a);
        timersOf(backend).fireTimer(id, ns, a);
        st.bytesWritten += keySize;
        return;
      default:
        throw new Error(`unknown action code ${ctx.actions[k]}`);
    }
  }

  /** The descriptor of the timers state kind `k` calls. */
  private timerState(ctx: LoopContext, k: number): StateDescriptor {
    const d = ctx.route.descriptors[k];
    if (d === null || d === undefined || d.kind !== 'timers') throw new TypeError(`a timer action on ${d ? `state ${d.name}, a ${d.kind} state` : "the instance's own keyspace"}: timer actions go to a 'timers' state`);
    return d;
  }

  private put(backend: StateHandle, keySize: number, st: LoopState, id: number, ns: number, payload: Uint8Array): void {
    const version = this.state.version();
    const v = stampValue(payload, id, version);
    backend.put(id, v, ns);
    this.state.wrote(ns, id, version);
    st.bytesWritten += keySize + v.byteLength;
  }

  /** Async-write backends: puts and deletes in flight as runner/async-loop.ts issues them. */
  private async runAsync(ctx: LoopContext, st: LoopState, inflight: InFlight, from: number, to: number, stopAtMs: number): Promise<number> {
    const { actions, recorder, periodMs, route } = ctx;
    const { kind, key, ns } = ctx.batch;
    const s = this.state;
    const writes = route.handles.map((h, k) => (writesAsync(actions[k] as number) ? asyncWrites(h) : null));
    for (let i = from; i < to; i++) {
      const k = kind[i] as number;
      const code = actions[k];
      if (code !== A_PUT && code !== A_DELETE) {
        this.runSync(ctx, st, i, i + 1, Infinity);
      } else {
        while (inflight.count >= inflight.max) await inflight.slot();
        const opIndex = st.opIndex++;
        const t0 = periodMs > 0 ? st.scheduleStartMs + opIndex * periodMs : now();
        while (periodMs > 0 && now() < t0) {
          /* wait for the intended start */
        }
        const id = key[i] as number;
        const space = ns[i] as number;
        const version = s.version();
        const { putAsync, deleteAsync } = writes[k] as ReturnType<typeof asyncWrites>;
        const keySize = route.keyBytes[k] as number;
        let p: Promise<void>;
        if (code === A_PUT) {
          const v = stampValue(ctx.values[opIndex & ctx.valueMask] as Uint8Array, id, version);
          st.bytesWritten += keySize + v.byteLength;
          p = putAsync(id, v, space);
          s.wrote(space, id, version);
        } else {
          st.bytesWritten += keySize;
          p = deleteAsync(id, space);
          s.deleted(space, id, version);
        }
        s.inFlight(space, id, 1);
        inflight.count++;
        recorder.counts[k] = (recorder.counts[k] as number) + 1;
        p.then(
          () => {
            recorder.record(k, (now() - t0) * 1e6);
            s.inFlight(space, id, -1);
            inflight.done();
          },
          (err: unknown) => {
            recorder.recordError(k, err);
            s.inFlight(space, id, -1);
            inflight.done();
          },
        );
      }
      if (now() >= stopAtMs) return i + 1;
    }
    return to;
  }
}
