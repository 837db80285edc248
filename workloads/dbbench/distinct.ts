// Counts the distinct keys a fill writes into the key space (KeySpace.inserted), so the live data
// size the engine report divides by is right for fills that revisit keys. One bit per key, kept
// per key space so a warm-up and the run that follows share it.

import type { KeySpace } from '../types.js';

const seen = new WeakMap<KeySpace, Uint8Array>();

export function distinctWrites(space: KeySpace, count: number): (key: number) => void {
  let bits = seen.get(space);
  if (!bits || bits.length * 8 < count) {
    const grown = new Uint8Array(Math.ceil(count / 8));
    if (bits) grown.set(bits);
    bits = grown;
    seen.set(space, bits);
  }
  const b = bits;
  return (key: number) => {
    const byte = key >>> 3;
    const mask = 1 << (key & 7);
    if (((b[byte] as number) & mask) === 0) {
      b[byte] = (b[byte] as number) | mask;
      space.inserted++;
    }
  };
}
