import { describe, expect, it } from 'vitest';
import { appendedList } from './list-append.js';

const bytes = (...v: number[]): Uint8Array => Uint8Array.from(v);

describe('appendedList', () => {
  it('gives the list with the element after it, and keeps earlier views as they were', () => {
    const a = appendedList(undefined, bytes(1));
    const b = appendedList(a, bytes(2, 3));
    const c = appendedList(b, bytes(4));
    expect([...a]).toEqual([1]);
    expect([...b]).toEqual([1, 2, 3]);
    expect([...c]).toEqual([1, 2, 3, 4]);
  });

  it('grows in place as ArrayList does: n appends copy O(n) bytes, not O(n^2)', () => {
    let list = appendedList(undefined, bytes(0));
    const buffers = new Set<ArrayBufferLike>();
    for (let i = 1; i < 10_000; i++) {
      list = appendedList(list, bytes(i & 0xff));
      buffers.add(list.buffer);
    }
    expect(list.byteLength).toBe(10_000);
    expect(list[9_999]).toBe(9_999 & 0xff);
    // Growing by half each time: about log1.5(10,000) buffers, not one per append.
    expect(buffers.size).toBeLessThan(30);
  });

  it('never writes over bytes a newer view shows when an older view is appended to', () => {
    const a = appendedList(appendedList(undefined, bytes(1)), bytes(2));
    const newer = appendedList(a, bytes(3));
    const fork = appendedList(a, bytes(9));
    expect([...newer]).toEqual([1, 2, 3]);
    expect([...fork]).toEqual([1, 2, 9]);
    expect(fork.buffer).not.toBe(newer.buffer);
  });

  it("never extends a buffer it did not make (a caller's value may share it)", () => {
    const shared = new Uint8Array(16);
    const given = shared.subarray(0, 4).fill(7);
    const out = appendedList(given, bytes(1));
    expect([...out]).toEqual([7, 7, 7, 7, 1]);
    expect([...shared.subarray(4, 8)]).toEqual([0, 0, 0, 0]);
  });
});
