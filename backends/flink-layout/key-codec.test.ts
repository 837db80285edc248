// Flink's RocksDB key bytes per state kind: [key group][key][namespace] (+ [user key] for map
// state), the key group in 1 byte up to 128 key groups and 2 above, fixed-size parts with no
// length bytes between them.
import { describe, expect, it } from 'vitest';
import type { StateDescriptor } from '../../core/flink/keyed-state.js';
import { FlinkKeyCodec } from './key-codec.js';
import { keyGroupOfLong } from '../../core/flink/key-group.js';

const value = (maxParallelism = 128): StateDescriptor => ({ name: 'v', kind: 'value', namespace: { kind: 'void' }, ttl: null, maxParallelism });
const map: StateDescriptor = { name: 'm', kind: 'map', namespace: { kind: 'void' }, ttl: null, maxParallelism: 128 };
const windowed: StateDescriptor = { name: 'w', kind: 'aggregating', namespace: { kind: 'window', size: 1000 }, ttl: null, maxParallelism: 128 };

const long = (v: number): number[] => {
  const out: number[] = [];
  for (let i = 7; i >= 0; i--) out.push(Math.floor(v / 2 ** (8 * i)) % 256);
  return out;
};

describe('Flink key codec', () => {
  it('writes a value state key as [key group][key: 8 bytes][VoidNamespace: one byte 0]', () => {
    const c = new FlinkKeyCodec(value());
    const key = 0x0102_0304_0506;
    expect(Array.from(c.encode(key))).toEqual([keyGroupOfLong(key, 128), ...long(key), 0]);
    expect(c.keyBytes).toBe(10);
  });

  it('writes the key group in two big-endian bytes above 128 key groups', () => {
    const c = new FlinkKeyCodec(value(32_768));
    const key = 12_345;
    const g = keyGroupOfLong(key, 32_768);
    expect(g).toBeGreaterThan(255); // this key's group needs both bytes
    expect(Array.from(c.encode(key))).toEqual([g >>> 8, g & 0xff, ...long(key), 0]);
    expect(c.keyBytes).toBe(11);
  });

  it("writes a map entry as [key group][key][VoidNamespace][user key], the contract's ns being the map's key", () => {
    const c = new FlinkKeyCodec(map);
    // key = user key 3 of the map of key 77
    expect(Array.from(c.encode(3, 77))).toEqual([keyGroupOfLong(77, 128), ...long(77), 0, ...long(3)]);
    expect(c.keyBytes).toBe(18);
    expect(c.decodeEntry(c.encodeNew(3, 77))).toBe(3);
  });

  it('writes a window state key as [key group][key][TimeWindow start][TimeWindow end]', () => {
    const c = new FlinkKeyCodec(windowed);
    // window 5 of size 1000: [5000, 6000)
    expect(Array.from(c.encode(42, 5))).toEqual([keyGroupOfLong(42, 128), ...long(42), ...long(5000), ...long(6000)]);
    expect(c.keyBytes).toBe(25);
    expect(c.decodeEntry(c.encodeNew(42, 5))).toBe(42);
  });

  it('encodes the same bytes in place into a packed buffer', () => {
    const c = new FlinkKeyCodec(value());
    const packed = new Uint8Array(2 * c.keyBytes);
    c.encodeAt(packed, c.keyBytes, 9);
    expect(Array.from(packed.subarray(c.keyBytes))).toEqual(Array.from(c.encode(9)));
  });

  it("scans a map as a prefix range and a window's keys as a pass over the state", () => {
    const m = new FlinkKeyCodec(map);
    const plan = m.scanPlan(0, 77, undefined);
    expect(plan.accept).toBeNull();
    expect(Array.from(plan.lower as Uint8Array)).toEqual(Array.from(m.encodeNew(0, 77)));
    // the upper bound is the map's prefix plus one: past every user key of map 77, before map 78's
    const prefix = Array.from(m.encodeNew(0, 77).subarray(0, 10));
    prefix[9] = 1;
    expect(Array.from(plan.upper as Uint8Array)).toEqual(prefix);

    const w = new FlinkKeyCodec(windowed);
    const pass = w.scanPlan(10, 5, 100);
    // the whole state (its own column family or database)
    expect(pass.lower).toBeNull();
    expect(pass.upper).toBeNull();
    expect(pass.accept?.(w.encodeNew(42, 5))).toBe(true);
    expect(pass.accept?.(w.encodeNew(42, 6))).toBe(false);
    expect(pass.accept?.(w.encodeNew(100, 5))).toBe(false);
    expect(pass.accept?.(w.encodeNew(9, 5))).toBe(false);
  });

  it('refuses timer queues and windowed map states, which it has no layout for', () => {
    expect(() => new FlinkKeyCodec({ ...value(), kind: 'timers' })).toThrow(/timer/);
    expect(() => new FlinkKeyCodec({ ...map, namespace: { kind: 'window', size: 10 } })).toThrow(/VoidNamespace/);
  });

  it('writes a sliding window as [ns x slide, ns x slide + size) and a session window as [ns, ns + gap)', () => {
    const sliding = new FlinkKeyCodec({ ...windowed, namespace: { kind: 'window', size: 100, slide: 25 } });
    expect(Array.from(sliding.encode(42, 5))).toEqual([keyGroupOfLong(42, 128), ...long(42), ...long(125), ...long(225)]);
    const session = new FlinkKeyCodec({ ...windowed, namespace: { kind: 'session', gap: 30 } });
    expect(Array.from(session.encode(42, 1000))).toEqual([keyGroupOfLong(42, 128), ...long(42), ...long(1000), ...long(1030)]);
    expect(session.keyBytes).toBe(25);
    // a namespace scan keeps that session's keys only
    const keep = session.scanPlan(0, 1000, undefined).accept;
    expect(keep?.(session.encodeNew(7, 1000))).toBe(true);
    expect(keep?.(session.encodeNew(7, 1001))).toBe(false);
  });

  it('writes a String namespace as StringSerializer does: its length + 1, then each char, 7 bits a byte', () => {
    const c = new FlinkKeyCodec({ ...value(), namespace: { kind: 'names', names: ['ab', 'é', 'x'.repeat(130)] } });
    const g = keyGroupOfLong(3, 128);
    expect(Array.from(c.encode(3, 0))).toEqual([g, ...long(3), 3, 0x61, 0x62]);
    // 'é' is 0xe9: two bytes, low 7 bits first with the high bit set
    expect(Array.from(c.encode(3, 1))).toEqual([g, ...long(3), 2, 0xe9, 0x01]);
    // a length + 1 of 131 takes two bytes
    expect(Array.from(c.encode(3, 2).subarray(9, 12))).toEqual([131 & 0x7f | 0x80, 1, 0x78]);
    expect(c.fixedLength).toBe(false);
    expect(c.keyBytes).toBe(9 + 2 + 130);
    expect(c.encode(3, 0).length).toBe(12);
    expect(() => c.encode(3, 3)).toThrow(/3 names/);
  });
});
