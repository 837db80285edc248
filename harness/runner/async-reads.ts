// Reads in flight, for a backend whose readMode is 'async' (lsm.asyncReads): the async loop
// issues such a backend's gets through getAsync without waiting for each, as Flink 2.x's async
// state API keeps state reads in flight, bounded by the same in-flight count as async writes.

import type { StateHandle } from '../../backends/types.js';
import { A_GET } from './action-codes.js';
import type { LoopContext, LoopState } from './loop-context.js';

export type AsyncGet = NonNullable<StateHandle['getAsync']>;

/** Per kind: its handle's getAsync, bound, where the backend reads asynchronously and the kind gets; null where the kind runs synchronously. */
export function asyncGets(ctx: LoopContext): (AsyncGet | null)[] {
  const asyncReads = ctx.backend.readMode === 'async';
  return ctx.route.handles.map((h, k) => (asyncReads && ctx.actions[k] === A_GET && h.getAsync ? h.getAsync.bind(h) : null));
}

/** One get in flight; settles once its value is in the sink (as the sync loop sinks what it reads). */
export function issueGet(get: AsyncGet, key: number, ns: number, st: LoopState): Promise<void> {
  return get(key, ns).then((v) => {
    st.sink += v === undefined ? 1 : v.length;
  });
}
