// The base of the runner tests' doubles: an in-memory backend (a Map) with no engine stats,
// whose get and put a test can replace. Not a registered backend.
import type { BackendInstance } from '../../backends/types.js';

export function memoryBackend(
  map: Map<number, Uint8Array>,
  ops: Partial<Pick<BackendInstance, 'get' | 'put'>> = {},
): BackendInstance {
  return {
    writeMode: 'sync',
    get: ops.get ?? ((k) => map.get(k)),
    put: ops.put ?? ((k, v) => void map.set(k, v)),
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
