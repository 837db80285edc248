// The order of a state's namespaces as their serialized bytes order them: the order in which a
// RocksDB timer queue keeps timers of one key group and timestamp ([timestamp][key][namespace]),
// and in which statebench's heap queue breaks ties to match it. TimeWindows (tumbling, sliding,
// session) and VoidNamespace order as their numbers; String names as Flink's StringSerializer
// bytes, which begin with the length: a shorter name first.

import type { FlinkNamespace } from './keyed-state.js';

const HIGH_BIT = 0x80;

/** A Java String as Flink's StringSerializer writes it (StringValue.writeString): the length + 1, then each char, each a 7-bit variable-length integer, low bits first. */
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

/** Unsigned lexicographic order of two byte strings (RocksDB's and LMDB's default comparator). */
export function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = (a[i] as number) - (b[i] as number);
    if (d !== 0) return d;
  }
  return a.length - b.length;
}

/** The rank of each namespace number in its bytes' order: namespaces compare as their ranks. */
export function namespaceRank(ns: FlinkNamespace): (n: number) => number {
  if (ns.kind !== 'names') return (n) => n;
  const encoded = ns.names.map(javaStringBytes);
  const ranks = new Array<number>(encoded.length);
  encoded
    .map((b, i) => ({ b, i }))
    .sort((x, y) => compareBytes(x.b, y.b))
    .forEach((s, r) => (ranks[s.i] = r));
  return (n) => {
    const r = ranks[n];
    if (r === undefined) throw new RangeError(`namespace ${n}: the state has ${ns.names.length} names (${ns.names.join(', ')})`);
    return r;
  };
}
