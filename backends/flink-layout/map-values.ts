// Map state's values as Flink's RocksDB backend writes them: a null flag byte (0: a value
// follows), then the user value (RocksDBMapState writes values with serializeValueNullSensitive).
// A TTL-stamped map value thus has its timestamp at offset 1 (RocksDbTtlCompactFiltersManager).
// Wraps a byte-keyed engine's map state handle: the flag goes on at a write and comes off at a read.

import type { BatchOp, ScanEntry, StateHandle } from '../types.js';

function flagged(value: Uint8Array): Uint8Array {
  const out = new Uint8Array(value.byteLength + 1);
  out.set(value, 1);
  return out;
}

function unflagged(stored: Uint8Array | undefined): Uint8Array | undefined {
  return stored === undefined ? undefined : stored.subarray(1);
}

export class MapValues implements StateHandle {
  readonly keyBytes: number | undefined;
  readonly putAsync?: (key: number, value: Uint8Array, ns?: number) => Promise<void>;
  readonly deleteAsync?: (key: number, ns?: number) => Promise<void>;

  constructor(private readonly inner: StateHandle) {
    this.keyBytes = inner.keyBytes;
    const { putAsync, deleteAsync } = inner;
    if (putAsync !== undefined) this.putAsync = (key, value, ns) => putAsync.call(inner, key, flagged(value), ns);
    if (deleteAsync !== undefined) this.deleteAsync = (key, ns) => deleteAsync.call(inner, key, ns);
  }

  get(key: number, ns?: number): Uint8Array | undefined {
    return unflagged(this.inner.get(key, ns));
  }

  put(key: number, value: Uint8Array, ns?: number): void {
    this.inner.put(key, flagged(value), ns);
  }

  delete(key: number, ns?: number): void {
    this.inner.delete(key, ns);
  }

  multiGet(keys: readonly number[], ns?: number): (Uint8Array | undefined)[] {
    return this.inner.multiGet(keys, ns).map(unflagged);
  }

  writeBatch(ops: readonly BatchOp[]): void {
    this.inner.writeBatch(ops.map((op) => (op.type === 'put' && op.value instanceof Uint8Array ? { ...op, value: flagged(op.value) } : op)));
  }

  scan(start: number, limit: number, ns?: number, end?: number): ScanEntry[] {
    return this.inner.scan(start, limit, ns, end).map((e) => ({ key: e.key, value: e.value.subarray(1) }));
  }

  /** Flink's MapState has no append (a list state's call). */
  append(key: number): void {
    throw new TypeError(`map state: no append (key ${key}); a map entry is written with put`);
  }
}
