// The addon's native loop (statebench overhead's baseline) works on the same data as the JS
// path: keys it writes are read back by get() (its key encoding is the key codec's), and its
// gets find what put() wrote, counting the bytes of every hit and nothing for a miss.
import { describe, expect, it } from 'vitest';
import { useLsm } from './test-support/open.js';

const VALUE = 100;

function pool(count: number): Uint8Array {
  const flat = new Uint8Array(count * VALUE);
  for (let i = 0; i < flat.length; i++) flat[i] = (i * 31 + 7) & 0xff;
  return flat;
}

describe('nativeLoop', () => {
  const { open } = useLsm();

  it('puts keys that get() reads back, in the namespaces given, with the pool value of each op', async () => {
    const { db } = await open();
    const keys = Float64Array.from([0, 1, 2 ** 40 + 3, 99]);
    const nss = Uint32Array.from([0, 7]);
    const values = pool(2);
    expect(db.nativeLoop('put', keys, nss, values, VALUE)).toBe(0);
    keys.forEach((key, i) => {
      const ns = nss[i & 1] as number;
      expect(Array.from(db.get(key, ns) ?? []), `key ${key} ns ${ns}`).toEqual(Array.from(values.subarray((i & 1) * VALUE, ((i & 1) + 1) * VALUE)));
      expect(db.get(key, (ns + 1) % 8)).toBeUndefined();
    });
  });

  it('gets what put() wrote: the sink is the bytes of the hits, misses count nothing', async () => {
    const { db } = await open();
    db.put(5, new Uint8Array(10), 0);
    db.put(6, new Uint8Array(30), 0);
    const sink = db.nativeLoop('get', Float64Array.from([5, 6, 7, 5]), new Uint32Array(1), pool(1), VALUE);
    expect(sink).toBe(10 + 30 + 0 + 10);
  });

  it('refuses an unknown op or arguments of the wrong type with a TypeError', async () => {
    const { db } = await open();
    expect(() => db.nativeLoop('scan' as never, new Float64Array(1), new Uint32Array(1), pool(1), VALUE)).toThrow(TypeError);
    expect(() => db.nativeLoop('get', [1] as never, new Uint32Array(1), pool(1), VALUE)).toThrow(/nativeLoop\(op/);
  });
});
