// A namespace's bytes as Flink's namespace serializers write them, for every FlinkNamespace kind
// (core/flink/keyed-state.ts), and the order those bytes give (a timer queue's order within a key
// group and a timestamp):
//
//   void     VoidNamespaceSerializer: one byte 0
//   window   TimeWindow.Serializer: start, then end, each a long (8 bytes big-endian);
//            window number ns is [ns x slide, ns x slide + size)
//   session  TimeWindow.Serializer: [ns, ns + gap)
//   names    StringSerializer (StringValue.writeString): the length + 1 as a variable-length
//            integer (7 bits a byte, low bits first, the high bit set on every byte but the last),
//            then each char the same way (one byte for a char below 0x80)
//
// The namespaces are non-negative here (OpBatch.ns is unsigned), so a TimeWindow's start and end
// are non-negative longs and their bytes order as their values.

import type { FlinkNamespace } from '../../core/flink/keyed-state.js';

const LONG_BYTES = 8;
const HIGH_BIT = 0x80;

/** Writes a non-negative integer below 2^53 as a Java long, big-endian. */
export function writeLong(out: Uint8Array, at: number, v: number): void {
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

/** Reads a Java long written by writeLong (non-negative, below 2^53). */
export function readLong(bytes: Uint8Array, at: number): number {
  const high = ((bytes[at] as number) << 24) | ((bytes[at + 1] as number) << 16) | ((bytes[at + 2] as number) << 8) | (bytes[at + 3] as number);
  const low = ((bytes[at + 4] as number) << 24) | ((bytes[at + 5] as number) << 16) | ((bytes[at + 6] as number) << 8) | (bytes[at + 7] as number);
  return (high >>> 0) * 0x1_0000_0000 + (low >>> 0);
}

/** A Java String as Flink's StringSerializer writes it (StringValue.writeString). */
export function javaStringBytes(s: string): Uint8Array {
  const out: number[] = [];
  const varint = (v: number): void => {
    while (v >= HIGH_BIT) {
      out.push((v | HIGH_BIT) & 0xff);
      v >>>= 7;
    }
    out.push(v);
  };
  varint(s.length + 1);
  for (let i = 0; i < s.length; i++) varint(s.charCodeAt(i));
  return Uint8Array.from(out);
}

/** Unsigned lexicographic order of two byte strings (RocksDB's and LMDB's default). */
export function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = (a[i] as number) - (b[i] as number);
    if (d !== 0) return d;
  }
  return a.length - b.length;
}

/** How one state's namespaces are written. */
export interface NamespaceBytes {
  /** Bytes of the longest namespace (every namespace when `fixed`). */
  readonly maxBytes: number;
  /** True when every namespace has maxBytes bytes (all kinds but names of unequal lengths). */
  readonly fixed: boolean;
  /** Writes namespace `ns` at out[at]; returns its bytes. */
  write(out: Uint8Array, at: number, ns: number): number;
  /** The namespace number whose bytes are at bytes[at]. */
  read(bytes: Uint8Array, at: number): number;
  /** The rank of namespace `ns` in its bytes' order (namespaces compare as their ranks). */
  rank(ns: number): number;
}

const VOID: NamespaceBytes = {
  maxBytes: 1,
  fixed: true,
  write: (out, at) => {
    out[at] = 0;
    return 1;
  },
  read: () => 0,
  rank: () => 0,
};

/** TimeWindow [start, start + size) where start = ns x step. */
function timeWindows(step: number, size: number): NamespaceBytes {
  return {
    maxBytes: 2 * LONG_BYTES,
    fixed: true,
    write: (out, at, ns) => {
      const start = ns * step;
      writeLong(out, at, start);
      writeLong(out, at + LONG_BYTES, start + size);
      return 2 * LONG_BYTES;
    },
    read: (bytes, at) => readLong(bytes, at) / step,
    rank: (ns) => ns,
  };
}

function names(list: readonly string[]): NamespaceBytes {
  if (list.length === 0) throw new Error('a names namespace needs at least one name');
  const encoded = list.map(javaStringBytes);
  const sorted = encoded.map((b, i) => ({ b, i })).sort((x, y) => compareBytes(x.b, y.b));
  const ranks = new Array<number>(list.length);
  sorted.forEach((s, r) => (ranks[s.i] = r));
  const maxBytes = Math.max(...encoded.map((b) => b.length));
  const of = (ns: number): Uint8Array => {
    const b = encoded[ns];
    if (b === undefined) throw new RangeError(`namespace ${ns}: the state has ${list.length} names (${list.join(', ')})`);
    return b;
  };
  return {
    maxBytes,
    fixed: encoded.every((b) => b.length === maxBytes),
    write: (out, at, ns) => {
      const b = of(ns);
      out.set(b, at);
      return b.length;
    },
    read: (bytes, at) => {
      const i = encoded.findIndex((b) => b.every((v, j) => bytes[at + j] === v));
      if (i < 0) throw new Error(`no name of this state (${list.join(', ')}) at byte ${at}`);
      return i;
    },
    rank: (ns) => {
      of(ns);
      return ranks[ns] as number;
    },
  };
}

export function namespaceBytes(ns: FlinkNamespace): NamespaceBytes {
  switch (ns.kind) {
    case 'void':
      return VOID;
    case 'window':
      return timeWindows(ns.slide ?? ns.size, ns.size);
    case 'session':
      return timeWindows(1, ns.gap);
    case 'names':
      return names(ns.names);
  }
}
