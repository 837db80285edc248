// A test double for runner tests: an in-memory backend whose get and put throw for keys that are
// multiples of `every` (an engine error on some operations). Not a registered backend.
import type { BackendInstance } from '../../backends/types.js';
import { memoryBackend } from './memory-backend.js';

export function failingBackend(every: number): BackendInstance & { readonly map: Map<number, Uint8Array> } {
  const map = new Map<number, Uint8Array>();
  const check = (k: number): void => {
    if (k % every === 0) throw new Error(`engine failed on key ${k}`);
  };
  const backend = memoryBackend(map, {
    get: (k) => {
      check(k);
      return map.get(k);
    },
    put: (k, v) => {
      check(k);
      map.set(k, v);
    },
  });
  return Object.assign(backend, { map });
}
