// Integer mixing for scrambled ranks and hashed insert order. Pure 32-bit arithmetic: 64-bit
// FNV as YCSB has it would need BigInt, which is far too slow for a per-operation path.

/** murmur3's finaliser: a bijection on 32-bit unsigned integers. */
export function fmix32(x: number): number {
  let h = x >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** A 53-bit hash of a non-negative integer below 2^53. */
export function hash53(x: number): number {
  const lo = x >>> 0;
  const hi = Math.floor(x / 4294967296) >>> 0;
  const a = fmix32(lo ^ Math.imul(hi, 0x9e3779b1));
  const b = fmix32(a ^ 0x27d4eb2f ^ hi);
  return (a & 0x1fffff) * 4294967296 + b;
}

/** A 32-bit hash of a non-negative integer below 2^53. */
export function hash32(x: number): number {
  return fmix32((x >>> 0) ^ Math.imul(Math.floor(x / 4294967296) >>> 0, 0x9e3779b1));
}

/**
 * Maps an integer below 2^53 to [0, range) by hashing. Below 2^32 keys, a 32-bit hash scaled by
 * multiplication (Lemire's fast range; a float % would leave V8's fast path); above, 53 bits modulo.
 */
export function hashToRange(x: number, range: number): number {
  return range <= 4294967296 ? Math.floor((hash32(x) * range) / 4294967296) : hash53(x) % range;
}
