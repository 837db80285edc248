// One Flink state of the lsm backend: its keys in Flink's layout (flink-layout/key-codec.ts).
//
// Flink's RocksDB backend gives each state a column family of its own, named after the state,
// with the same options. Until the addon opens column families, openStateKeyspace keeps every
// state in the default one, each under a one-byte prefix of its own (the state's number), so the
// states stay apart and each is a contiguous range: the one function to switch to column
// families. The calls take the key as an argument (the instance's hot path reads it from a
// scratch buffer sized for the plain layout's keys).

import type { StateDescriptor } from '../../core/flink/keyed-state.js';
import { FlinkKeyCodec } from '../flink-layout/key-codec.js';
import { MapValues } from '../flink-layout/map-values.js';
import type { BatchOp, ScanEntry, StateHandle } from '../types.js';
import type { NativeDatabase } from './native.js';
import { writeBatchWith } from './write-batch.js';

/** The keyspace of state number `index` (0-based, in the order the states were opened). */
export function openStateKeyspace(db: NativeDatabase, d: StateDescriptor, index: number): StateHandle {
  if (index > 0xfe) throw new Error(`lsm: state ${d.name}: at most 255 states per instance`);
  const keyspace = new LsmStateKeyspace(db, new FlinkKeyCodec(d, Uint8Array.of(index + 1)));
  return d.kind === 'map' ? new MapValues(keyspace) : keyspace;
}

class LsmStateKeyspace implements StateHandle {
  readonly keyBytes: number;
  private packed: Uint8Array;

  constructor(
    private readonly db: NativeDatabase,
    private readonly codec: FlinkKeyCodec,
  ) {
    this.keyBytes = codec.keyBytes;
    this.packed = new Uint8Array(codec.keyBytes * 64);
  }

  get(key: number, ns = 0): Uint8Array | undefined {
    return this.db.get(this.codec.encode(key, ns));
  }

  put(key: number, value: Uint8Array, ns = 0): void {
    this.db.put(this.codec.encode(key, ns), value);
  }

  delete(key: number, ns = 0): void {
    this.db.del(this.codec.encode(key, ns));
  }

  multiGet(keys: readonly number[], ns = 0): (Uint8Array | undefined)[] {
    const size = this.keyBytes;
    if (this.packed.byteLength < keys.length * size) this.packed = new Uint8Array(keys.length * size * 2);
    for (let i = 0; i < keys.length; i++) this.codec.encodeAt(this.packed, i * size, keys[i] as number, ns);
    return this.db.multiGet(this.packed.subarray(0, keys.length * size), size);
  }

  writeBatch(ops: readonly BatchOp[]): void {
    writeBatchWith(this.db, ops, (op) => this.codec.encode(op.key, op.ns ?? 0));
  }

  /** Flink's list state: a merge with the string-append operator, as RocksDBListState.add merges. */
  append(key: number, value: Uint8Array, ns = 0): void {
    this.db.merge(this.codec.encode(key, ns), value);
  }

  scan(start: number, limit: number, ns = 0, end?: number): ScanEntry[] {
    const plan = this.codec.scanPlan(start, ns, end);
    const out: ScanEntry[] = [];
    if (limit <= 0) return out;
    if (plan.accept === null) {
      const flat = this.db.scan(plan.lower as Uint8Array, plan.upper as Uint8Array, limit);
      for (let i = 0; i < flat.length; i += 2) out.push({ key: this.codec.decodeEntry(flat[i] as Uint8Array), value: flat[i + 1] as Uint8Array });
      return out;
    }
    // A namespace of keyed state: a pass over the whole state, keeping that namespace's keys.
    const it = this.db.iterator(plan.lower, plan.upper);
    try {
      for (let ok = plan.lower ? it.seek(plan.lower) : it.seekToFirst(); ok && out.length < limit; ok = it.next()) {
        const k = it.key() as Uint8Array;
        if (plan.accept(k)) out.push({ key: this.codec.decodeEntry(k), value: it.value() as Uint8Array });
      }
    } finally {
      it.close();
    }
    return out;
  }
}
