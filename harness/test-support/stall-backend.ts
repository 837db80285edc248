// A test double for runner tests: an in-memory backend whose get stalls once, on a chosen call,
// for a chosen time. Not a registered backend.
import type { BackendInstance } from '../../backends/types.js';
import { memoryBackend } from './memory-backend.js';

export function stallingBackend(stallOnCall: number, stallMs: number): BackendInstance {
  const map = new Map<number, Uint8Array>();
  let calls = 0;
  const busyWait = (ms: number): void => {
    const end = performance.now() + ms;
    while (performance.now() < end) {
      /* stall */
    }
  };
  return memoryBackend(map, {
    get: (k) => {
      if (++calls === stallOnCall) busyWait(stallMs);
      return map.get(k);
    },
  });
}
