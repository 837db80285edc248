// A test double for runner tests: an in-memory backend whose get stalls once, on a chosen call,
// for a chosen time. Not a registered backend.
import type { BackendInstance } from '../../backends/types.js';

export function stallingBackend(stallOnCall: number, stallMs: number): BackendInstance {
  const map = new Map<number, Uint8Array>();
  let calls = 0;
  const busyWait = (ms: number): void => {
    const end = performance.now() + ms;
    while (performance.now() < end) {
      /* stall */
    }
  };
  return {
    writeMode: 'sync',
    get: (k) => {
      if (++calls === stallOnCall) busyWait(stallMs);
      return map.get(k);
    },
    put: (k, v) => void map.set(k, v),
    delete: (k) => void map.delete(k),
    multiGet: (ks) => ks.map((k) => map.get(k)),
    writeBatch: () => undefined,
    scan: () => [],
    append: () => undefined,
    sampleStats: () => ({ entries: map.size }),
    finalStats: () => ({ writeAmp: null, spaceAmp: null, blockCacheHitRatio: null, stallMicros: null, metrics: {}, raw: {} }),
    flush: () => undefined,
    compact: () => undefined,
    checkpoint: (dir) => ({ dir, bytes: 0, files: 0, incrementalBytes: null }),
    close: () => undefined,
  };
}
