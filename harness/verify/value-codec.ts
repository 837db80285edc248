// Verified values (--verify, statebench durability): each value, or each element of a list
// value, starts with a header that says what it is, so a read can tell a good value from a
// corrupt, misplaced or stale one.
//
// Element layout: [length u32 BE: header + payload][key id f64 BE][version u32 BE]
// [checksum u32 BE: FNV-1a of bytes 0..15 and the payload][payload]. A list value is its
// elements back to back (an append adds one element).

export const HEADER_BYTES = 20;
/** Smallest verified value: the header and 4 payload bytes (ttl-dedupe keeps its tick there). */
export const MIN_VERIFIED_BYTES = HEADER_BYTES + 4;

/** A new value for `key` at `version`, with the payload taken from `payload` (the value pool). */
export function stampValue(payload: Uint8Array, key: number, version: number): Uint8Array {
  const len = Math.max(payload.byteLength, MIN_VERIFIED_BYTES);
  const out = new Uint8Array(len);
  out.set(payload.subarray(HEADER_BYTES, len), HEADER_BYTES);
  const view = new DataView(out.buffer);
  view.setUint32(0, len);
  view.setFloat64(4, key);
  view.setUint32(12, version >>> 0);
  view.setUint32(16, checksum(out, 0, len));
  return out;
}

export interface Element {
  readonly key: number;
  readonly version: number;
  readonly length: number;
}

/** The element at `at`, or a one-line reason why it is not a valid one. */
export function readElement(v: Uint8Array, at: number): Element | string {
  if (v.byteLength - at < HEADER_BYTES) return `${v.byteLength - at} bytes where a ${HEADER_BYTES}-byte header should be`;
  const view = new DataView(v.buffer, v.byteOffset + at, v.byteLength - at);
  const length = view.getUint32(0);
  if (length < HEADER_BYTES || length > v.byteLength - at) return `element length ${length} does not fit the ${v.byteLength - at} bytes left`;
  const sum = checksum(v, at, length);
  if (sum !== view.getUint32(16)) return 'checksum mismatch';
  return { key: view.getFloat64(4), version: view.getUint32(12), length };
}

/** FNV-1a over bytes [at, at+16) and [at+20, at+length): the header less its checksum field, and the payload. */
export function checksum(v: Uint8Array, at: number, length: number): number {
  let h = 0x811c9dc5;
  for (let i = at; i < at + 16; i++) h = Math.imul(h ^ (v[i] as number), 0x01000193);
  for (let i = at + HEADER_BYTES; i < at + length; i++) h = Math.imul(h ^ (v[i] as number), 0x01000193);
  return h >>> 0;
}

/** ttl-dedupe's tick, kept in the first payload bytes of a verified value. */
export function readTick(v: Uint8Array): number {
  return new DataView(v.buffer, v.byteOffset).getUint32(HEADER_BYTES);
}

/** Sets the tick and re-seals the checksum. */
export function writeTick(v: Uint8Array, tick: number): void {
  const view = new DataView(v.buffer, v.byteOffset);
  view.setUint32(HEADER_BYTES, tick >>> 0);
  view.setUint32(16, checksum(v, 0, v.byteLength));
}
