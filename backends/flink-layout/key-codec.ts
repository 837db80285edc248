// Flink's RocksDB key layout for one state, for byte-keyed engines (lsm, lmdb):
//
//   value, list, reducing, aggregating:  [key group][key][namespace]
//   map:                                 [key group][key][namespace][user key]
//
// as RocksDBSerializedCompositeKeyBuilder writes it: the key group in 1 or 2 big-endian bytes
// (CompositeKeySerializationUtils.writeKeyGroup), the key as LongSerializer writes it (8 bytes
// big-endian), the namespace as VoidNamespaceSerializer (one byte 0) or TimeWindow.Serializer
// (start and end, 8 bytes each) writes it, and map state's user key as a Long. Key and namespace
// are fixed-size here, so Flink writes no length bytes between them (it does only when both are
// variable-size: "ambiguousKeyPossible").
//
// The contract's (key, ns) arguments map onto it as the state's kind says: for a map state `ns`
// is the map's key (the Flink key) and `key` the user key, the namespace being VoidNamespace (a
// map iteration is then a scan of container `ns`, as it was in the plain layout); for the other
// kinds `key` is the Flink key and `ns` the namespace (a window's number).

import type { FlinkNamespace, StateDescriptor } from '../../core/flink/keyed-state.js';
import { keyGroupOfLong, keyGroupPrefixBytes } from '../../core/flink/key-group.js';

const VOID_NAMESPACE_BYTES = 1;
const TIME_WINDOW_BYTES = 16;
const LONG_BYTES = 8;

function namespaceBytes(ns: FlinkNamespace): number {
  return ns.kind === 'void' ? VOID_NAMESPACE_BYTES : TIME_WINDOW_BYTES;
}

/** Writes a non-negative integer below 2^53 as a Java long, big-endian. */
function writeLong(out: Uint8Array, at: number, v: number): void {
  const high = Math.floor(v / 0x1_0000_0000);
  out[at] = high >>> 24;
  out[at + 1] = (high >>> 16) & 0xff;
  out[at + 2] = (high >>> 8) & 0xff;
  out[at + 3] = high & 0xff;
  out[at + 4] = v >>> 24;
  out[at + 5] = (v >>> 16) & 0xff;
  out[at + 6] = (v >>> 8) & 0xff;
  out[at + 7] = v & 0xff;
}

function readLong(bytes: Uint8Array, at: number): number {
  const high = ((bytes[at] as number) << 24) | ((bytes[at + 1] as number) << 16) | ((bytes[at + 2] as number) << 8) | (bytes[at + 3] as number);
  const low = ((bytes[at + 4] as number) << 24) | ((bytes[at + 5] as number) << 16) | ((bytes[at + 6] as number) << 8) | (bytes[at + 7] as number);
  return (high >>> 0) * 0x1_0000_0000 + (low >>> 0);
}

/** A key range to read, and which of its keys a scan keeps (null: all). */
export interface ScanPlan {
  /** Inclusive; null: from the start of the keyspace. */
  readonly lower: Uint8Array | null;
  /** Exclusive; null: to the end of the keyspace. */
  readonly upper: Uint8Array | null;
  readonly accept: ((key: Uint8Array) => boolean) | null;
}

export class FlinkKeyCodec {
  /** Bytes of one encoded key. */
  readonly keyBytes: number;
  /** The scratch buffer encode() writes into; valid until the next encode(). */
  readonly scratch: Uint8Array;
  private readonly groupBytes: 1 | 2;
  private readonly maxParallelism: number;
  private readonly isMap: boolean;
  private readonly windowSize: number;
  /** Offset of the namespace in an encoded key. */
  private readonly nsAt: number;

  constructor(d: StateDescriptor) {
    if (d.kind === 'timers') throw new Error(`state ${d.name}: timer queues have no key layout here yet`);
    if (d.kind === 'map' && d.namespace.kind !== 'void') throw new Error(`state ${d.name}: a map state's namespace must be VoidNamespace here`);
    this.groupBytes = keyGroupPrefixBytes(d.maxParallelism);
    this.maxParallelism = d.maxParallelism;
    this.isMap = d.kind === 'map';
    this.windowSize = d.namespace.kind === 'window' ? d.namespace.size : 0;
    this.nsAt = this.groupBytes + LONG_BYTES;
    this.keyBytes = this.nsAt + namespaceBytes(d.namespace) + (this.isMap ? LONG_BYTES : 0);
    this.scratch = new Uint8Array(this.keyBytes);
  }

  /** Encodes into the shared scratch buffer (no allocation). */
  encode(key: number, ns = 0): Uint8Array {
    this.encodeAt(this.scratch, 0, key, ns);
    return this.scratch;
  }

  /** Encodes into a fresh buffer (batches, scan bounds). */
  encodeNew(key: number, ns = 0): Uint8Array {
    const out = new Uint8Array(this.keyBytes);
    this.encodeAt(out, 0, key, ns);
    return out;
  }

  /** Writes the key at `offset` of `out` (packing many keys into one buffer). */
  encodeAt(out: Uint8Array, offset: number, key: number, ns = 0): void {
    const flinkKey = this.isMap ? ns : key;
    const at = offset;
    const group = keyGroupOfLong(flinkKey, this.maxParallelism);
    if (this.groupBytes === 2) {
      out[at] = group >>> 8;
      out[at + 1] = group & 0xff;
    } else {
      out[at] = group;
    }
    writeLong(out, at + this.groupBytes, flinkKey);
    this.writeNamespace(out, offset + this.nsAt, this.isMap ? 0 : ns);
    if (this.isMap) writeLong(out, offset + this.nsAt + VOID_NAMESPACE_BYTES, key);
  }

  private writeNamespace(out: Uint8Array, at: number, ns: number): void {
    if (this.windowSize === 0) {
      out[at] = 0;
      return;
    }
    const start = ns * this.windowSize;
    writeLong(out, at, start);
    writeLong(out, at + LONG_BYTES, start + this.windowSize);
  }

  /** The entry id of an encoded key: the user key of a map state, the Flink key otherwise. */
  decodeEntry(bytes: Uint8Array): number {
    return readLong(bytes, this.isMap ? this.nsAt + VOID_NAMESPACE_BYTES : this.nsAt - LONG_BYTES);
  }

  /**
   * Where the entries of scan(start, limit, ns, end) lie. A map's entries are contiguous under
   * [key group][key][namespace], user keys ascending: a prefix seek. A namespace of keyed state
   * has one entry under each key, spread over the whole state: a pass over the state keeping
   * the keys of that namespace (as Flink's RocksDB getKeys(namespace) does), in key group order.
   */
  scanPlan(start: number, ns: number, end: number | undefined): ScanPlan {
    if (this.isMap) {
      const lower = this.encodeNew(start, ns);
      const upper = end !== undefined ? this.encodeNew(end, ns) : successor(lower.subarray(0, this.nsAt + VOID_NAMESPACE_BYTES));
      return { lower, upper, accept: null };
    }
    const stop = end ?? Infinity;
    return {
      lower: null,
      upper: null,
      accept: (k) => {
        if (!this.inNamespace(k, ns)) return false;
        const id = this.decodeEntry(k);
        return id >= start && id < stop;
      },
    };
  }

  private inNamespace(bytes: Uint8Array, ns: number): boolean {
    if (this.windowSize === 0) return ns === 0;
    return readLong(bytes, this.nsAt) === ns * this.windowSize;
  }
}

/** The first byte string after every string starting with `bytes` (null-free: all 0xff cannot occur here). */
function successor(bytes: Uint8Array): Uint8Array {
  const out = bytes.slice();
  for (let i = out.length - 1; i >= 0; i--) {
    if ((out[i] as number) < 0xff) {
      out[i] = (out[i] as number) + 1;
      return out.subarray(0, i + 1);
    }
  }
  throw new RangeError('no successor of an all-0xff prefix');
}
