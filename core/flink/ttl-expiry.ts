// When a TTL state's entry is expired, as Flink decides it (TtlUtils.expired: last access + TTL is
// not after now), from the stamp Flink's TtlSerializer puts in the value: the 8-byte big-endian
// last-access time, at offset 0 (ValueState, Reducing/AggregatingState) or 1 (MapState, after
// the null flag). For counting expired entries outside the measured loops.

/** Where a state kind's stamp is in a stored value; null: a kind whose stamps are per element (lists) or that has none. */
export function stampOffset(kind: string): number | null {
  if (kind === 'value' || kind === 'reducing' || kind === 'aggregating') return 0;
  return kind === 'map' ? 1 : null;
}

/** True when the value's stamp at `offset` plus `ttl` is not after `now`; a value too short for a stamp is not expired (Flink keeps it). */
export function stampExpired(v: Uint8Array, offset: number, ttl: number, now: number): boolean {
  if (v.length < offset + 8) return false;
  const high = (((v[offset] as number) << 24) | ((v[offset + 1] as number) << 16) | ((v[offset + 2] as number) << 8) | (v[offset + 3] as number)) >>> 0;
  const low = (((v[offset + 4] as number) << 24) | ((v[offset + 5] as number) << 16) | ((v[offset + 6] as number) << 8) | (v[offset + 7] as number)) >>> 0;
  return high * 2 ** 32 + low + ttl <= now;
}
