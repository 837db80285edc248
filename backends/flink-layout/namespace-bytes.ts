// A namespace's bytes as Flink's namespace serializers write them, for every FlinkNamespace kind
// (core/flink/keyed-state.ts):
//
//   void     VoidNamespaceSerializer: one byte 0
//   window   TimeWindow.Serializer: start, then end, each a long (8 bytes big-endian);
//            window number ns is [ns x slide, ns x slide + size)
//   session  TimeWindow.Serializer: [ns, ns + gap)
//   names    StringSerializer (core/flink/namespace-order.ts's javaStringBytes)
//
// The namespaces are non-negative here (OpBatch.ns is unsigned), so a TimeWindow's start and end
// are non-negative longs and their bytes order as their values.

import type { FlinkNamespace } from '../../core/flink/keyed-state.js';
import { javaStringBytes } from '../../core/flink/namespace-order.js';

const LONG_BYTES = 8;

/** Writes a safe integer as a Java long, big-endian (two's complement: `>>>` takes the low 32 bits of a negative high word and of v). */
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
}

const VOID: NamespaceBytes = {
  maxBytes: 1,
  fixed: true,
  write: (out, at) => {
    out[at] = 0;
    return 1;
  },
  read: () => 0,
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
  };
}

function names(ns: FlinkNamespace & { readonly kind: 'names' }): NamespaceBytes {
  const list = ns.names;
  if (list.length === 0) throw new Error('a names namespace needs at least one name');
  const encoded = list.map(javaStringBytes);
  const maxBytes = Math.max(...encoded.map((b) => b.length));
  const of = (n: number): Uint8Array => {
    const b = encoded[n];
    if (b === undefined) throw new RangeError(`namespace ${n}: the state has ${list.length} names (${list.join(', ')})`);
    return b;
  };
  return {
    maxBytes,
    fixed: encoded.every((b) => b.length === maxBytes),
    write: (out, at, n) => {
      const b = of(n);
      out.set(b, at);
      return b.length;
    },
    read: (bytes, at) => {
      const i = encoded.findIndex((b) => b.every((v, j) => bytes[at + j] === v));
      if (i < 0) throw new Error(`no name of this state (${list.join(', ')}) at byte ${at}`);
      return i;
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
      return names(ns);
  }
}
