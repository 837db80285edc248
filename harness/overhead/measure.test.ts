// statebench overhead's measurement: both operations, the rounds it was asked for, the ratio of
// the medians, and the order of a round's two loops alternating (the second of a pair runs on
// warmer caches, so a fixed order would favour one side).
import { describe, expect, it } from 'vitest';
import { measureOverhead } from './measure.js';
import { heapBackend } from '../../backends/heap/backend.js';
import type { Backend, BackendInstance } from '../../backends/types.js';

/** The heap backend, its gets noted as raw (the overhead's own loop) or runner calls. */
function spiedHeap(calls: ('raw' | 'runner')[]): Backend {
  return {
    describe: () => heapBackend.describe(),
    open: async (dir, knobs, ctx) => {
      const inner = await heapBackend.open(dir, knobs, ctx);
      const get: BackendInstance['get'] = (key, ns) => {
        const stack = new Error().stack ?? '';
        calls.push(stack.includes('one-action-loops') ? 'runner' : 'raw');
        return inner.get(key, ns);
      };
      return new Proxy(inner, {
        get(target, prop) {
          if (prop === 'get') return get;
          const v: unknown = Reflect.get(target, prop);
          return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
        },
      });
    },
  };
}

const OPTIONS = { records: 1_000, ops: 2_000, rounds: 4, warmupRounds: 1, valueSize: 100, keySize: 16, knobs: {} };

describe('measureOverhead', () => {
  it('measures gets and puts over the rounds asked for, the ratio being that of the medians', async () => {
    const results = await measureOverhead(heapBackend, OPTIONS);
    expect(results.map((r) => r.op)).toEqual(['get', 'put']);
    for (const r of results) {
      expect(r.rawRoundsOpsPerSec).toHaveLength(4);
      expect(r.harnessRoundsOpsPerSec).toHaveLength(4);
      expect(r.rawOpsPerSec).toBeGreaterThan(0);
      expect(r.harnessOpsPerSec).toBeGreaterThan(0);
      expect(r.ratio).toBeCloseTo(r.harnessOpsPerSec / r.rawOpsPerSec, 2);
      expect(r.sampleEvery).toBeGreaterThanOrEqual(1);
    }
  });

  it('alternates which loop of a measured round runs first', async () => {
    const calls: ('raw' | 'runner')[] = [];
    await measureOverhead(spiedHeap(calls), OPTIONS);
    // each loop is OPTIONS.ops gets, all from one side
    const loops: string[] = [];
    for (let i = 0; i < calls.length; i += OPTIONS.ops) {
      const loop = calls.slice(i, i + OPTIONS.ops);
      expect(new Set(loop).size).toBe(1);
      loops.push(loop[0] as string);
    }
    // warm-up round: raw, runner; measured rounds: raw first, then runner first, and so on
    expect(loops).toEqual(['raw', 'runner', 'raw', 'runner', 'runner', 'raw', 'raw', 'runner', 'runner', 'raw']);
  });

  it('with a native loop, measures it too and rotates the three so each runs first equally often', async () => {
    const order: string[] = [];
    const calls: ('raw' | 'runner')[] = [];
    const spied = spiedHeap(calls);
    const withNative: Backend = {
      describe: spied.describe,
      open: async (dir, knobs, ctx) => {
        const inner = await spied.open(dir, knobs, ctx);
        let seen = 0;
        const note = (): void => {
          // Collapse the spied gets since the last native loop into one entry per loop.
          for (; seen < calls.length; seen += OPTIONS.ops) order.push(calls[seen] as string);
        };
        return new Proxy(inner, {
          get(target, prop) {
            if (prop === 'nativeLoop') {
              return (op: string, keys: Float64Array) => {
                if (op === 'get') {
                  note();
                  order.push('native');
                }
                return keys.length;
              };
            }
            if (prop === 'close') return () => (note(), target.close());
            return Reflect.get(target, prop) as unknown;
          },
        });
      },
    };
    const results = await measureOverhead(withNative, { ...OPTIONS, native: true });
    for (const r of results) {
      expect(r.nativeRoundsOpsPerSec).toHaveLength(4);
      expect(r.nativeOpsPerSec).toBeGreaterThan(0);
      expect(r.rawToNative).toBeCloseTo(r.rawOpsPerSec / (r.nativeOpsPerSec as number), 2);
    }
    // the gets' rounds: warm-up raw, runner, native; then rotated by one each measured round
    expect(order.slice(0, 15)).toEqual([
      'raw', 'runner', 'native',
      'raw', 'runner', 'native',
      'runner', 'native', 'raw',
      'native', 'raw', 'runner',
      'raw', 'runner', 'native',
    ]);
  });

  it('with the untimed runner, measures it too: the runner with timing off, its ratio to the raw loop', async () => {
    const results = await measureOverhead(heapBackend, { ...OPTIONS, untimed: true });
    for (const r of results) {
      expect(r.untimedRoundsOpsPerSec).toHaveLength(4);
      expect(r.untimedOpsPerSec).toBeGreaterThan(0);
      expect(r.untimedToRaw).toBeCloseTo((r.untimedOpsPerSec as number) / r.rawOpsPerSec, 2);
    }
    const [plain] = await measureOverhead(heapBackend, OPTIONS);
    expect(plain).toMatchObject({ untimedOpsPerSec: null, untimedToRaw: null, untimedRoundsOpsPerSec: [] });
  });

  it('flushes the load before the loops unless told not to (--no-flush: an LSM serves them from its memtable)', async () => {
    const flushes: number[] = [];
    const counting = (run: number): Backend => ({
      describe: () => heapBackend.describe(),
      open: async (dir, knobs, ctx) => {
        const inner = await heapBackend.open(dir, knobs, ctx);
        return new Proxy(inner, {
          get(target, prop) {
            if (prop === 'flush') return () => (flushes.push(run), target.flush());
            const v: unknown = Reflect.get(target, prop);
            return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
          },
        });
      },
    });
    await measureOverhead(counting(1), OPTIONS);
    await measureOverhead(counting(2), { ...OPTIONS, flush: false });
    expect(flushes).toEqual([1]);
  });

  it('without --native, or for a backend without a native loop, says so with nulls or refuses', async () => {
    const [get] = await measureOverhead(heapBackend, OPTIONS);
    expect(get).toMatchObject({ nativeOpsPerSec: null, rawToNative: null, nativeRoundsOpsPerSec: [] });
    await expect(measureOverhead(heapBackend, { ...OPTIONS, native: true })).rejects.toThrow(/heap has no native loop/);
  });
});
