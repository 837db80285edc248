// Flink's TTL stamp at the start of a value (TtlStateFactory.TtlSerializer writes the last-access
// timestamp as a long, then the user value): 8 bytes, big-endian. The workloads' clock is in
// ticks below 2^32, so the high word is zero.

export const TTL_STAMP_BYTES = 8;

export function writeTtlStamp(v: Uint8Array, tick: number): void {
  v[0] = 0;
  v[1] = 0;
  v[2] = 0;
  v[3] = 0;
  v[4] = tick >>> 24;
  v[5] = (tick >>> 16) & 0xff;
  v[6] = (tick >>> 8) & 0xff;
  v[7] = tick & 0xff;
}

/** The stamp's tick (its low 32 bits: the workloads' ticks stay below 2^32). */
export function readTtlStamp(v: Uint8Array): number {
  return (((v[4] as number) << 24) | ((v[5] as number) << 16) | ((v[6] as number) << 8) | (v[7] as number)) >>> 0;
}
