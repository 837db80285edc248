// The measured loop for backends whose writes are asynchronous (lmdb-js batched commits) or whose
// reads are (lsm.asyncReads, async-reads.ts). Those writes and reads are issued without awaiting
// each one, with at most `maxInFlight` outstanding; an op's latency runs from its issue (or
// intended start, open loop) to its commit or its value. Other actions stay synchronous and go
// through the sync loop one at a time.

import type { StateHandle } from '../../backends/types.js';
import type { LoopContext, LoopState } from './loop-context.js';
import { now } from '../recorder/clock.js';
import { A_DELETE, A_PUT } from './action-codes.js';
import { asyncGets, issueGet } from './async-reads.js';
import { runSyncStretch } from './sync-loop.js';

export class InFlight {
  count = 0;
  private waiter: (() => void) | null = null;
  private drained: (() => void) | null = null;

  constructor(readonly max: number) {}

  done(): void {
    this.count--;
    const w = this.waiter;
    if (w) {
      this.waiter = null;
      w();
    }
    if (this.count === 0 && this.drained) {
      const d = this.drained;
      this.drained = null;
      d();
    }
  }

  slot(): Promise<void> {
    return new Promise((resolve) => {
      this.waiter = resolve;
    });
  }

  drain(): Promise<void> {
    if (this.count === 0) return Promise.resolve();
    return new Promise((resolve) => {
      this.drained = resolve;
    });
  }
}

/** The asynchronous writes of a handle (a backend whose writeMode is 'async'), for this loop and --verify's. */
export function asyncWrites(h: StateHandle): {
  readonly putAsync: NonNullable<StateHandle['putAsync']>;
  readonly deleteAsync: NonNullable<StateHandle['deleteAsync']>;
} {
  const putAsync = h.putAsync?.bind(h);
  const deleteAsync = h.deleteAsync?.bind(h);
  if (!putAsync || !deleteAsync) throw new Error('backend declares async writes but has no putAsync/deleteAsync');
  return { putAsync, deleteAsync };
}

/** The actions this loop issues as asynchronous writes; the sync loop runs the others. */
export function writesAsync(action: number): boolean {
  return action === A_PUT || action === A_DELETE;
}

export async function runAsyncStretch(
  ctx: LoopContext,
  st: LoopState,
  inflight: InFlight,
  from: number,
  to: number,
  stopAtMs: number,
): Promise<number> {
  const { actions, values, valueMask, recorder, periodMs, route } = ctx;
  const { kind, key, ns } = ctx.batch;
  // Bound once per stretch: the one handle's writes, or each kind's where kinds call several (a
  // kind that never puts or deletes, such as a timer action's, needs none; nor a backend whose
  // writes are synchronous, whose gets alone may be asynchronous).
  const writesAreAsync = ctx.backend.writeMode === 'async';
  const single = writesAreAsync && route.single !== null && !route.single.timers ? asyncWrites(route.single) : null;
  const perKind = writesAreAsync && single === null ? route.handles.map((h, k) => (writesAsync(actions[k] as number) ? asyncWrites(h) : null)) : null;
  const gets = asyncGets(ctx);
  for (let i = from; i < to; i++) {
    const k = kind[i] as number;
    const code = actions[k];
    const get = gets[k] as ReturnType<typeof asyncGets>[number];
    if (get === null && (!writesAreAsync || !writesAsync(code as number))) {
      runSyncStretch(ctx, st, i, i + 1, Infinity);
    } else {
      while (inflight.count >= inflight.max) await inflight.slot();
      const opIndex = st.opIndex++;
      let t0: number;
      if (periodMs > 0) {
        t0 = st.scheduleStartMs + opIndex * periodMs;
        while (now() < t0) {
          /* wait for the intended start */
        }
      } else {
        t0 = now();
      }
      let p: Promise<void>;
      if (get !== null) {
        p = issueGet(get, key[i] as number, ns[i] as number, st);
      } else {
        const writes = single ?? ((perKind as (ReturnType<typeof asyncWrites> | null)[])[k] as ReturnType<typeof asyncWrites>);
        const keySize = route.keyBytes[k] as number;
        if (code === A_PUT) {
          const v = values[opIndex & valueMask] as Uint8Array;
          st.bytesWritten += keySize + v.length;
          p = writes.putAsync(key[i] as number, v, ns[i] as number);
        } else {
          st.bytesWritten += keySize;
          p = writes.deleteAsync(key[i] as number, ns[i] as number);
        }
      }
      inflight.count++;
      recorder.counts[k] = (recorder.counts[k] as number) + 1;
      p.then(
        () => {
          recorder.record(k, (now() - t0) * 1e6);
          inflight.done();
        },
        (err: unknown) => {
          recorder.recordError(k, err);
          inflight.done();
        },
      );
    }
    if (now() >= stopAtMs) return i + 1;
  }
  return to;
}
