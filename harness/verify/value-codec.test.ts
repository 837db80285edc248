// A stamped value reads back as its key and version; any changed byte, a foreign key's value or
// a truncated value does not.
import { describe, expect, it } from 'vitest';
import { MIN_VERIFIED_BYTES, readElement, readTick, stampValue, writeTick } from './value-codec.js';

const payload = Uint8Array.from({ length: 100 }, (_, i) => i);

describe('verified values', () => {
  it('carry key id, version and a checksum over header and payload', () => {
    const v = stampValue(payload, 123456789012, 77);
    expect(v.byteLength).toBe(100);
    expect(readElement(v, 0)).toEqual({ key: 123456789012, version: 77, length: 100 });
    for (const at of [0, 5, 13, 17, 20, 99]) {
      const bad = v.slice();
      bad[at] = (bad[at] as number) ^ 0x01;
      expect(typeof readElement(bad, 0)).toBe('string');
    }
    expect(typeof readElement(v.subarray(0, 50), 0)).toBe('string');
  });

  it('grow small values to hold the header and a tick', () => {
    const v = stampValue(new Uint8Array(8), 1, 1);
    expect(v.byteLength).toBe(MIN_VERIFIED_BYTES);
    writeTick(v, 4242);
    expect(readTick(v)).toBe(4242);
    expect(readElement(v, 0)).toMatchObject({ key: 1, version: 1 });
  });
});
