import { describe, expect, it } from 'vitest';
import { humanReadable, multiplyBytes, parseFlinkMemorySize } from './memory-size.js';

describe("Flink's MemorySize", () => {
  it('parses sizes as MemorySize.parseBytes does', () => {
    expect(parseFlinkMemorySize('1728m')).toBe(1728 * 2 ** 20);
    expect(parseFlinkMemorySize(' 64 MB ')).toBe(64 * 2 ** 20);
    expect(parseFlinkMemorySize('4g')).toBe(4 * 2 ** 30);
    expect(parseFlinkMemorySize('2 gibibytes')).toBe(2 * 2 ** 30);
    expect(parseFlinkMemorySize('268435456')).toBe(268435456);
    expect(parseFlinkMemorySize('100 bytes')).toBe(100);
    // Flink reads the digits, then ".5g" as a unit, and refuses it.
    expect(parseFlinkMemorySize('1.5g')).toBeNull();
    expect(parseFlinkMemorySize('lots')).toBeNull();
    expect(parseFlinkMemorySize('12 parsecs')).toBeNull();
    expect(parseFlinkMemorySize('99999999t')).toBeNull();
  });

  it('multiplies as MemorySize.multiply: the float widened, the exact product truncated', () => {
    expect(multiplyBytes(1342177280, Math.fround(0.4))).toBe(536870920);
    expect(multiplyBytes(1811939328, Math.fround(0.1))).toBe(181193935);
    // 0.1 typed as a double would give 134217728: Flink's float gives 2 bytes more.
    expect(multiplyBytes(1342177280, Math.fround(0.1))).toBe(134217730);
    expect(multiplyBytes(1342177280, 0.1)).toBe(134217728);
    expect(multiplyBytes(7, 0)).toBe(0);
  });

  it('prints sizes as toHumanReadableString: the largest unit the size exceeds, three decimals, the bytes', () => {
    expect(humanReadable(0)).toBe('0 bytes');
    expect(humanReadable(1024)).toBe('1024 bytes');
    expect(humanReadable(1025)).toBe('1.001kb (1025 bytes)');
    expect(humanReadable(1811939328)).toBe('1.688gb (1811939328 bytes)');
    expect(humanReadable(2 ** 30)).toBe('1024.000mb (1073741824 bytes)');
    expect(humanReadable(181193935)).toBe('172.800mb (181193935 bytes)');
    expect(humanReadable(Infinity)).toBe('8388608.000tb (9223372036854775807 bytes)');
  });
});
