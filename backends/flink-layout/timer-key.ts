// The key of one event-time timer in a RocksDB timer queue's column family, as Flink writes it:
//
//   [key group][timestamp][key][namespace]
//
// RocksDBCachingPriorityQueueSet.serializeElement writes the key group prefix
// (CompositeKeySerializationUtils.writeKeyGroup: 1 byte up to 128 key groups, else 2) and then
// TimerSerializer's bytes: the timestamp as a long with its sign bit flipped
// (MathUtils.flipSignBit, so that the bytes order as the timestamps do, negative ones first), the
// key (LongSerializer: 8 bytes big-endian) and the namespace (namespace-bytes.ts), with no length
// bytes between them. The value is empty (the set's DUMMY_BYTES). Within a key group the entries
// thus order by (timestamp, key, namespace bytes).

import type { StateDescriptor } from '../../core/flink/keyed-state.js';
import { keyGroupOfLong, keyGroupPrefixBytes } from '../../core/flink/key-group.js';
import { namespaceBytes, readLong, writeLong, type NamespaceBytes } from './namespace-bytes.js';

const LONG_BYTES = 8;
const TWO_32 = 0x1_0000_0000;

/** Writes a safe integer as a Java long with its sign bit flipped (TimerSerializer's timestamp). */
function writeFlippedLong(out: Uint8Array, at: number, v: number): void {
  writeLong(out, at, v);
  out[at] = (out[at] as number) ^ 0x80;
}

function readFlippedLong(bytes: Uint8Array, at: number): number {
  const high = ((((bytes[at] as number) ^ 0x80) << 24) | ((bytes[at + 1] as number) << 16) | ((bytes[at + 2] as number) << 8) | (bytes[at + 3] as number)) | 0;
  const low = ((bytes[at + 4] as number) << 24) | ((bytes[at + 5] as number) << 16) | ((bytes[at + 6] as number) << 8) | (bytes[at + 7] as number);
  return high * TWO_32 + (low >>> 0);
}

export class TimerKeyCodec {
  /** Bytes of the longest timer key (of every one unless String namespaces differ in length). */
  readonly keyBytes: number;
  readonly groupBytes: 1 | 2;
  private readonly maxParallelism: number;
  private readonly namespace: NamespaceBytes;

  constructor(d: StateDescriptor) {
    if (d.kind !== 'timers') throw new Error(`state ${d.name}: a ${d.kind} state has no timer keys`);
    this.maxParallelism = d.maxParallelism;
    this.groupBytes = keyGroupPrefixBytes(d.maxParallelism);
    this.namespace = namespaceBytes(d.namespace);
    this.keyBytes = this.groupBytes + 2 * LONG_BYTES + this.namespace.maxBytes;
  }

  keyGroup(key: number): number {
    return keyGroupOfLong(key, this.maxParallelism);
  }

  /** The key group's prefix (CompositeKeySerializationUtils.writeKeyGroup). */
  groupPrefix(group: number): Uint8Array {
    return this.groupBytes === 2 ? Uint8Array.of(group >>> 8, group & 0xff) : Uint8Array.of(group);
  }

  /** The timer's key, in a fresh buffer (a queue's cache keeps it). */
  encode(key: number, ns: number, timestamp: number): Uint8Array {
    const out = new Uint8Array(this.keyBytes);
    const group = this.keyGroup(key);
    if (this.groupBytes === 2) {
      out[0] = group >>> 8;
      out[1] = group & 0xff;
    } else {
      out[0] = group;
    }
    writeFlippedLong(out, this.groupBytes, timestamp);
    writeLong(out, this.groupBytes + LONG_BYTES, key);
    const n = this.groupBytes + 2 * LONG_BYTES + this.namespace.write(out, this.groupBytes + 2 * LONG_BYTES, ns);
    return n === this.keyBytes ? out : out.slice(0, n);
  }

  /** The timer a key stands for, in words (error messages). */
  describe(bytes: Uint8Array): string {
    const at = this.groupBytes;
    return `timer (key ${readLong(bytes, at + LONG_BYTES)}, ns ${this.namespace.read(bytes, at + 2 * LONG_BYTES)}, timestamp ${readFlippedLong(bytes, at)})`;
  }
}
