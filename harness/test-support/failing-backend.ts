// A test double for runner tests: an in-memory backend whose get and put throw for keys that are
// multiples of `every` (an engine error on some operations). Not a registered backend.
import type { BackendInstance } from '../../backends/types.js';

export function failingBackend(every: number): BackendInstance & { readonly map: Map<number, Uint8Array> } {
  const map = new Map<number, Uint8Array>();
  const check = (k: number): void => {
    if (k % every === 0) throw new Error(`engine failed on key ${k}`);
  };
  return {
    map,
    writeMode: 'sync',
    get: (k) => {
      check(k);
      return map.get(k);
    },
    put: (k, v) => {
      check(k);
      map.set(k, v);
    },
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
