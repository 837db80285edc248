// The plain layout YCSB and db_bench workloads run in: [namespace 4 B][zero padding][key id 8 B],
// big-endian. Fixed bytes, so a change to them shows here.
import { describe, expect, it } from 'vitest';
import { KeyCodec } from './key-codec.js';

describe('plain key codec', () => {
  it('writes [namespace][padding][key id] big-endian, as it always has', () => {
    const c = new KeyCodec(16);
    expect(Array.from(c.encode(0x0102_0304_0506, 0x0a0b0c0d))).toEqual([0x0a, 0x0b, 0x0c, 0x0d, 0, 0, 0, 0, 0, 0, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06]);
    expect(Array.from(c.encodeNew(7))).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 7]);
    expect(Array.from(new KeyCodec(12).encode(2 ** 53 - 1, 1))).toEqual([0, 0, 0, 1, 0x00, 0x1f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]);
  });

  it('reads back the key id and namespace it wrote', () => {
    const c = new KeyCodec(24);
    const bytes = c.encodeNew(123_456_789_012, 99);
    expect(c.decodeKey(bytes)).toBe(123_456_789_012);
    expect(c.decodeNamespace(bytes)).toBe(99);
    const packed = new Uint8Array(48);
    c.encodeAt(packed, 24, 5, 3);
    expect(Array.from(packed.subarray(24))).toEqual(Array.from(c.encodeNew(5, 3)));
  });
});
