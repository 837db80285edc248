// Values for the micro tasks: a small pool drawn before anything is timed, each value half random
// and half zeros (compressible by half, as db_bench's default compression_ratio 0.5).

import type { Rng } from '../../core/rng.js';

export const VALUE_POOL = 256;

export function valuePool(rng: Rng, size: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let v = 0; v < VALUE_POOL; v++) {
    const value = new Uint8Array(size);
    const random = Math.ceil(size / 2);
    for (let i = 0; i < random; i++) value[i] = rng.int(256);
    out.push(value);
  }
  return out;
}
