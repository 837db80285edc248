// Flink's key-group assignment: the published check (five Java strings that Flink's tests place
// in key group 17 of 128) ties the murmur port to Flink's; Long keys hash as Java's Long.hashCode.
import { describe, expect, it } from 'vitest';
import { flinkMurmurHash, javaLongHash, javaStringHash, keyGroupOfHash, keyGroupOfLong, keyGroupPrefixBytes } from './key-group.js';

describe('key groups', () => {
  it('puts "UM57", "pIUm", "Unpw", "HRvb" and "HwHh" in key group 17 of 128, as Flink does', () => {
    for (const s of ['UM57', 'pIUm', 'Unpw', 'HRvb', 'HwHh']) expect(keyGroupOfHash(javaStringHash(s), 128)).toBe(17);
  });

  it("hashes strings as Java's String.hashCode", () => {
    expect(javaStringHash('')).toBe(0);
    expect(javaStringHash('a')).toBe(97);
    // 'hello'.hashCode() in Java, wrapping past 2^31
    expect(javaStringHash('hello')).toBe(99162322);
    expect(javaStringHash('polygenelubricants')).toBe(-2147483648);
  });

  it("hashes Long keys as Java's Long.hashCode, (int) (v ^ (v >>> 32))", () => {
    expect(javaLongHash(0)).toBe(0);
    expect(javaLongHash(42)).toBe(42);
    expect(javaLongHash(0xffff_ffff)).toBe(-1);
    expect(javaLongHash(0x1_0000_0001)).toBe(0);
    expect(javaLongHash(0x1_0000_0005)).toBe(4);
    // 2^53 - 1: high word 0x1fffff, low word 0xffffffff
    expect(javaLongHash(2 ** 53 - 1)).toBe(0xffe0_0000 | 0);
  });

  it('gives a Long key the key group of its hash code, within [0, maxParallelism)', () => {
    for (const k of [0, 1, 7, 1000, 0x1_0000_0005, 2 ** 53 - 1]) {
      expect(keyGroupOfLong(k, 128)).toBe(keyGroupOfHash(javaLongHash(k), 128));
      expect(keyGroupOfLong(k, 32_768)).toBeLessThan(32_768);
    }
    // keys spread over the key groups: 10 000 keys reach every one of 128
    const seen = new Set<number>();
    for (let k = 0; k < 10_000; k++) seen.add(keyGroupOfLong(k, 128));
    expect(seen.size).toBe(128);
  });

  it('never returns a negative hash', () => {
    for (let i = -5000; i < 5000; i++) expect(flinkMurmurHash(i * 7919)).toBeGreaterThanOrEqual(0);
  });

  it('uses one key-group byte up to 128 key groups, two above', () => {
    expect(keyGroupPrefixBytes(1)).toBe(1);
    expect(keyGroupPrefixBytes(128)).toBe(1);
    expect(keyGroupPrefixBytes(129)).toBe(2);
    expect(keyGroupPrefixBytes(32_768)).toBe(2);
  });
});
