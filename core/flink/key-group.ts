// Flink's assignment of keys to key groups (KeyGroupRangeAssignment.assignToKeyGroup):
// keyGroup = MathUtils.murmurHash(key.hashCode()) % maxParallelism. Ported from Flink's
// org.apache.flink.util.MathUtils.murmurHash(int) and KeyGroupRangeAssignment.computeKeyGroupForKeyHash;
// docs/flink-workloads.md gives the sources.

/** Java's Long.hashCode(): (int) (v ^ (v >>> 32)), for a non-negative key id below 2^53. */
export function javaLongHash(v: number): number {
  const high = Math.floor(v / 0x1_0000_0000) >>> 0;
  return (v >>> 0) ^ high | 0;
}

/** Java's String.hashCode(): s[0] x 31^(n-1) + ... + s[n-1], in 32-bit arithmetic. */
export function javaStringHash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
  return h;
}

/** Flink's MathUtils.murmurHash(int): one 4-byte murmur3 block, then fmix; never negative. */
export function flinkMurmurHash(code: number): number {
  let k = Math.imul(code | 0, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b873593);
  let h = k; // the seed is 0: 0 ^ k
  h = (h << 13) | (h >>> 19);
  h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  h ^= 4; // the length in bytes
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  if (h >= 0) return h;
  // Integer.MIN_VALUE has no positive counterpart: Flink maps it to 0.
  return h === -0x8000_0000 ? 0 : -h;
}

/** KeyGroupRangeAssignment.computeKeyGroupForKeyHash. */
export function keyGroupOfHash(hashCode: number, maxParallelism: number): number {
  return flinkMurmurHash(hashCode) % maxParallelism;
}

/** The key group of a Long key. */
export function keyGroupOfLong(key: number, maxParallelism: number): number {
  return keyGroupOfHash(javaLongHash(key), maxParallelism);
}

/** CompositeKeySerializationUtils.computeRequiredBytesInKeyGroupPrefix: 1 byte up to 128 key groups, else 2. */
export function keyGroupPrefixBytes(maxParallelism: number): 1 | 2 {
  return maxParallelism > 128 ? 2 : 1;
}
