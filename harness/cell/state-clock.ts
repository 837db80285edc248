// The workload's event clock handed to the backend's TTL cleanup, once per batch: after the
// source fills a batch (in the runner's generation pause, outside the timed stretches), the
// backend is told the tick of the batch's first op. So the cleanup's "now" trails the workload's
// by at most one batch, as Flink's compaction filter reads the time only once per
// queryTimeAfterNumEntries (1000) entries it looks at: a late "now" keeps an expired entry a
// little longer, never drops a live one.

import type { BackendInstance } from '../../backends/types.js';
import type { OpSource } from '../../workloads/types.js';

/** `source`, telling `backend` its clock after each fill; itself when either lacks the clock. */
export function feedStateClock(source: OpSource, backend: BackendInstance): OpSource {
  const clock = source.clock;
  const setTime = backend.setStateTime?.bind(backend);
  if (clock === undefined || setTime === undefined) return source;
  return {
    ...source,
    fill(batch, max) {
      const n = source.fill(batch, max);
      if (n > 0) setTime(clock());
      return n;
    },
  };
}
