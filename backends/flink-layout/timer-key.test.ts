// A timer's key in a RocksDB timer queue: [key group][timestamp, sign bit flipped][key][namespace]
// (RocksDBCachingPriorityQueueSet's key group prefix, then TimerSerializer), no value.
import { describe, expect, it } from 'vitest';
import type { StateDescriptor } from '../../core/flink/keyed-state.js';
import { keyGroupOfLong } from '../../core/flink/key-group.js';
import { compareBytes } from '../../core/flink/namespace-order.js';
import { TimerKeyCodec } from './timer-key.js';

const timers = (namespace: StateDescriptor['namespace'], maxParallelism = 128): StateDescriptor => ({ name: 't', kind: 'timers', namespace, ttl: null, maxParallelism });
const long = (v: number): number[] => {
  const out: number[] = [];
  for (let i = 7; i >= 0; i--) out.push(Math.floor(v / 2 ** (8 * i)) % 256);
  return out;
};
const ascii = (s: string): number[] => Array.from(s, (c) => c.charCodeAt(0));

describe('timer key codec', () => {
  it('writes a window timer as [key group][timestamp ^ sign bit][key][TimeWindow start][end]', () => {
    const c = new TimerKeyCodec(timers({ kind: 'window', size: 100, slide: 25 }));
    // key 42's sliding window 3 is [75, 175); its timer is at the window's max timestamp 174
    const bytes = c.encode(42, 3, 174);
    expect(Array.from(bytes)).toEqual([keyGroupOfLong(42, 128), 0x80, 0, 0, 0, 0, 0, 0, 174, ...long(42), ...long(75), ...long(175)]);
    expect(c.keyBytes).toBe(1 + 8 + 8 + 16);
    expect(c.describe(bytes)).toBe('timer (key 42, ns 3, timestamp 174)');
  });

  it('flips the sign bit so the bytes order as the timestamps, negative ones first', () => {
    const c = new TimerKeyCodec(timers({ kind: 'void' }));
    expect(Array.from(c.encode(7, 0, -1).subarray(1, 9))).toEqual([0x7f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]);
    expect(Array.from(c.encode(7, 0, 0).subarray(1, 9))).toEqual([0x80, 0, 0, 0, 0, 0, 0, 0]);
    const times = [-5_000_000_000, -1, 0, 1, 255, 256, 2 ** 40];
    const keys = times.map((t) => c.encode(7, 0, t));
    for (let i = 1; i < keys.length; i++) expect(compareBytes(keys[i - 1] as Uint8Array, keys[i] as Uint8Array)).toBeLessThan(0);
    expect(c.describe(keys[0] as Uint8Array)).toBe('timer (key 7, ns 0, timestamp -5000000000)');
  });

  it("writes an interval join's cleanup timer with its String namespace as StringSerializer writes it", () => {
    const c = new TimerKeyCodec(timers({ kind: 'names', names: ['CLEANUP_LEFT', 'CLEANUP_RIGHT'] }));
    const g = keyGroupOfLong(9, 128);
    expect(Array.from(c.encode(9, 0, 5))).toEqual([g, 0x80, 0, 0, 0, 0, 0, 0, 5, ...long(9), 13, ...ascii('CLEANUP_LEFT')]);
    expect(Array.from(c.encode(9, 1, 5))).toEqual([g, 0x80, 0, 0, 0, 0, 0, 0, 5, ...long(9), 14, ...ascii('CLEANUP_RIGHT')]);
    expect(c.keyBytes).toBe(1 + 8 + 8 + 14);
    expect(c.describe(c.encode(9, 1, 5))).toBe('timer (key 9, ns 1, timestamp 5)');
  });

  it('writes the key group in two bytes above 128 key groups, and a session window as [start, start + gap)', () => {
    const c = new TimerKeyCodec(timers({ kind: 'session', gap: 30 }, 32_768));
    const g = keyGroupOfLong(12_345, 32_768);
    expect(Array.from(c.encode(12_345, 1000, 1029))).toEqual([g >>> 8, g & 0xff, ...[0x80, 0, 0, 0], ...long(1029).slice(4), ...long(12_345), ...long(1000), ...long(1030)]);
    expect(Array.from(c.groupPrefix(g))).toEqual([g >>> 8, g & 0xff]);
  });

  it('refuses a state that is not a timer queue', () => {
    expect(() => new TimerKeyCodec({ ...timers({ kind: 'void' }), kind: 'value' })).toThrow(/no timer keys/);
  });
});
