// Flink's RocksDB key layout for one state, for byte-keyed engines (lsm, lmdb):
//
//   value, list, reducing, aggregating:  [key group][key][namespace]
//   map:                                 [key group][key][namespace][user key]
//
// as RocksDBSerializedCompositeKeyBuilder writes it: the key group in 1 or 2 big-endian bytes
// (CompositeKeySerializationUtils.writeKeyGroup), the key as LongSerializer writes it (8 bytes
// big-endian), the namespace as its serializer writes it (namespace-bytes.ts: VoidNamespace, a
// TimeWindow of a tumbling, sliding or session window, a String), and map state's user key as a
// Long. The key is fixed-size, so Flink writes no length bytes between key and namespace (it does
// only when both are variable-size: "ambiguousKeyPossible").
//
// The contract's (key, ns) arguments map onto it as the state's kind says: for a map state `ns`
// is the map's key (the Flink key) and `key` the user key, the namespace being VoidNamespace (a
// map iteration is then a scan of container `ns`, as it was in the plain layout); for the other
// kinds `key` is the Flink key and `ns` the namespace (a window's number).

import type { StateDescriptor } from '../../core/flink/keyed-state.js';
import { keyGroupOfLong, keyGroupPrefixBytes } from '../../core/flink/key-group.js';
import { namespaceBytes, readLong, writeLong, type NamespaceBytes } from './namespace-bytes.js';

const VOID_NAMESPACE_BYTES = 1;
const LONG_BYTES = 8;

/** A key range to read, and which of its keys a scan keeps (null: all). */
export interface ScanPlan {
  /** Inclusive; null: from the start of the keyspace. */
  readonly lower: Uint8Array | null;
  /** Exclusive; null: to the end of the keyspace. */
  readonly upper: Uint8Array | null;
  readonly accept: ((key: Uint8Array) => boolean) | null;
}

export class FlinkKeyCodec {
  /** Bytes of the longest encoded key (of every key when `fixedLength`). */
  readonly keyBytes: number;
  /**
   * True when every key has keyBytes bytes: all namespaces but String names of unequal lengths
   * (a variable-length key cannot go through an engine's fixed scratch buffer).
   */
  readonly fixedLength: boolean;
  /** The scratch buffer encode() writes into; valid until the next encode(). */
  readonly scratch: Uint8Array;
  private readonly groupBytes: 1 | 2;
  private readonly maxParallelism: number;
  private readonly isMap: boolean;
  private readonly namespace: NamespaceBytes;
  /** Offset of the namespace in an encoded key. */
  private readonly nsAt: number;
  /** A namespace's bytes, for a scan's comparison. */
  private readonly nsScratch: Uint8Array;

  constructor(d: StateDescriptor) {
    if (d.kind === 'timers') throw new Error(`state ${d.name}: a timer queue's keys are timer-key.ts's`);
    if (d.kind === 'map' && d.namespace.kind !== 'void') throw new Error(`state ${d.name}: a map state's namespace must be VoidNamespace here`);
    this.groupBytes = keyGroupPrefixBytes(d.maxParallelism);
    this.maxParallelism = d.maxParallelism;
    this.isMap = d.kind === 'map';
    this.namespace = namespaceBytes(d.namespace);
    this.nsAt = this.groupBytes + LONG_BYTES;
    this.keyBytes = this.nsAt + this.namespace.maxBytes + (this.isMap ? LONG_BYTES : 0);
    this.fixedLength = this.namespace.fixed;
    this.scratch = new Uint8Array(this.keyBytes);
    this.nsScratch = new Uint8Array(this.namespace.maxBytes);
  }

  /** Encodes into the shared scratch buffer (no allocation for fixed-length keys). */
  encode(key: number, ns = 0): Uint8Array {
    const n = this.encodeAt(this.scratch, 0, key, ns);
    return this.fixedLength ? this.scratch : this.scratch.subarray(0, n);
  }

  /** Encodes into a fresh buffer (batches, scan bounds). */
  encodeNew(key: number, ns = 0): Uint8Array {
    return this.encode(key, ns).slice();
  }

  /** Writes the key at `offset` of `out` (packing many keys into one buffer); returns its bytes. */
  encodeAt(out: Uint8Array, offset: number, key: number, ns = 0): number {
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
    const nsBytes = this.namespace.write(out, offset + this.nsAt, this.isMap ? 0 : ns);
    if (this.isMap) writeLong(out, offset + this.nsAt + VOID_NAMESPACE_BYTES, key);
    return this.nsAt + nsBytes + (this.isMap ? LONG_BYTES : 0);
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
    const want = this.nsScratch.slice(0, this.namespace.write(this.nsScratch, 0, ns));
    return {
      lower: null,
      upper: null,
      accept: (k) => {
        if (k.length !== this.nsAt + want.length) return false;
        for (let i = 0; i < want.length; i++) if (k[this.nsAt + i] !== want[i]) return false;
        const id = this.decodeEntry(k);
        return id >= start && id < stop;
      },
    };
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
