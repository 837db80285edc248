// WindowOperator with tumbling and sliding windows: the state calls per element and per timer
// match what Flink's operator makes for known inputs.
import { describe, expect, it } from 'vitest';
import { createRng } from '../../core/rng.js';
import { keyGroupOfLong } from '../../core/flink/key-group.js';
import { resolveParams } from '../params.js';
import { OpBatch, type WorkloadParamsInput } from '../types.js';
import { alignedOperator, type AlignedWorkload } from './aligned-window-operator.js';
import { SLIDING, slidingWindow } from './sliding-window.js';
import { TUMBLING, tumblingWindow } from './tumbling-window.js';
import { countNames, drain, type EmittedOp } from './test-support/drain.js';

function operator(a: AlignedWorkload, extra: WorkloadParamsInput['extra']) {
  const def = a === TUMBLING ? tumblingWindow : slidingWindow;
  const op = alignedOperator(a, resolveParams(def, { extra }));
  return { op, read: (): EmittedOp[] => drain(op, def.operations) };
}

describe('sliding windows', () => {
  it('adds an in-order element to size / slide windows, registering the trigger and cleanup timer of each', () => {
    const { op, read } = operator(SLIDING, { windowSize: 1000, slide: 250 });
    op.processElement(7, 1100);
    const ops = read();
    expect(countNames(ops)).toEqual({ 'window.add': 1, 'window.add.more': 3, 'timer.register': 4, 'timer.register.cleanup': 4 });
    // The latest window first (SlidingEventTimeWindows), each window's add before its timers.
    expect(ops.map((o) => o.name).slice(0, 4)).toEqual(['window.add', 'timer.register', 'timer.register.cleanup', 'window.add.more']);
    const adds = ops.filter((o) => o.name.startsWith('window.add'));
    expect(adds.map((o) => o.ns)).toEqual([4, 3, 2, 1]);
    expect(ops.filter((o) => o.name === 'timer.register').map((o) => o.arg)).toEqual([1999, 1749, 1499, 1249]);
    expect(ops.every((o) => o.key === 7)).toBe(true);
  });

  it('appends to a ListState with function=holistic', () => {
    const { op, read } = operator(SLIDING, { windowSize: 1000, slide: 500, function: 'holistic' });
    op.processElement(1, 2000);
    expect(countNames(read())).toEqual({ 'window.append': 1, 'window.append.more': 1, 'timer.register': 2, 'timer.register.cleanup': 2 });
  });

  it('skips the windows already late and adds to the others', () => {
    const { op, read } = operator(SLIDING, { windowSize: 1000, slide: 250 });
    op.advanceWatermark(1500);
    read();
    // ts 1600: windows starting 1500, 1250, 1000, 750; the last ends at 1749 > 1500, none is late.
    // ts 1400 after watermark 1500: windows starting 1250 and 1000 end after 1500; 750 and 500 end at 1749 and 1499.
    op.processElement(1, 1400);
    const ops = read();
    expect(countNames(ops)).toEqual({ 'window.add': 1, 'window.add.more': 2, 'timer.register': 3, 'timer.register.cleanup': 3 });
    expect(ops.filter((o) => o.name.startsWith('window.add')).map((o) => o.ns)).toEqual([5, 4, 3]);
  });
});

describe('tumbling windows', () => {
  it('drops an element whose window is past the allowed lateness: one element.late op and nothing else', () => {
    const { op, read } = operator(TUMBLING, { windowSize: 1000 });
    op.advanceWatermark(5000);
    read();
    op.processElement(3, 3000);
    expect(read()).toEqual([{ name: 'element.late', key: 3, ns: 0, arg: 0 }]);
  });

  it('fires a window again for a late element within the allowed lateness: add, get, and the cleanup timer', () => {
    const { op, read } = operator(TUMBLING, { windowSize: 1000, allowedLateness: 2000 });
    op.processElement(3, 3000);
    op.advanceWatermark(5000);
    const first = read();
    // The window [3000, 4000) fired at 3999 (a get), its state kept until 5999.
    expect(countNames(first)).toEqual({ 'window.add': 1, 'timer.register': 1, 'timer.register.cleanup': 1, 'timer.fire': 1, 'window.get': 1 });
    op.processElement(3, 3500);
    expect(read().map((o) => [o.name, o.arg])).toEqual([
      ['window.add', 0],
      ['window.get', 0],
      ['timer.register.cleanup', 5999],
    ]);
    op.advanceWatermark(6000);
    expect(read().map((o) => [o.name, o.ns, o.arg])).toEqual([
      ['timer.fire', 3, 5999],
      ['window.clear', 3, 0],
      ['timer.delete', 3, 3999],
    ]);
  });

  it('fires each key and window once, with one timer.fire, one get, one clear and the trigger timer deleted', () => {
    const { op, read } = operator(TUMBLING, { windowSize: 100 });
    for (let ts = 100; ts < 400; ts += 7) for (const key of [1, 2, 3]) op.processElement(key, ts);
    const elements = read();
    expect(countNames(elements)).toEqual({ 'window.add': 129, 'timer.register': 129, 'timer.register.cleanup': 129 });
    op.advanceWatermark(1000);
    const fired = read();
    expect(countNames(fired)).toEqual({ 'timer.fire': 9, 'window.get': 9, 'window.clear': 9, 'timer.delete': 9 });
    const perWindow = new Set(fired.filter((o) => o.name === 'timer.fire').map((o) => `${o.key}/${o.ns}`));
    expect(perWindow.size).toBe(9);
    // Each firing: fire, get, clear, then the trigger's timer (end - 1) deleted.
    expect(fired.slice(0, 4).map((o) => o.name)).toEqual(['timer.fire', 'window.get', 'window.clear', 'timer.delete']);
    op.advanceWatermark(2000);
    expect(read()).toEqual([]);
  });

  it('fires timers in the order (timestamp, key group, key, namespace)', () => {
    const { op, read } = operator(TUMBLING, { windowSize: 100 });
    const keys = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
    for (const ts of [250, 150]) for (const key of keys) op.processElement(key, ts);
    read();
    op.advanceWatermark(1000);
    const fires = read().filter((o) => o.name === 'timer.fire');
    const order = (o: EmittedOp) => [o.arg, keyGroupOfLong(o.key, 128), o.key, o.ns];
    const sorted = [...fires].sort((a, b) => {
      const x = order(a);
      const y = order(b);
      for (let i = 0; i < 4; i++) if (x[i] !== y[i]) return (x[i] as number) - (y[i] as number);
      return 0;
    });
    expect(fires).toEqual(sorted);
    expect(fires.map((o) => o.arg)).toEqual([...Array(10).fill(199), ...Array(10).fill(299)]);
    // Key groups, not keys, order a timestamp's timers: the keys come out of numeric order.
    expect(fires.slice(0, 10).map((o) => o.key)).not.toEqual(keys);
  });
});

describe('the window workloads as op sources', () => {
  it('begins every element with one element kind, so accesses per element are what the operator makes', () => {
    const p = resolveParams(tumblingWindow, { records: 50, extra: { windowSize: 100, outOfOrderShare: 0 } });
    const run = tumblingWindow.createRun(p, createRng(3), { inserted: 0 }, 20_000);
    const b = new OpBatch(20_000);
    expect(run.fill(b, 20_000)).toBe(20_000);
    let elements = 0;
    for (let i = 0; i < 20_000; i++) if (tumblingWindow.operations[b.kind[i] as number]?.element) elements++;
    // In order, no element is late: 3 ops per element, and 4 per (key, window) fired; a window of
    // 100 elements holds about 50 x (1 - e^-2) = 43 of the 50 keys.
    const adds = [...b.kind].filter((k) => k === 1).length;
    expect(adds).toBe(elements);
    expect(20_000 / elements).toBeGreaterThan(3 + 4 * 0.38);
    expect(20_000 / elements).toBeLessThan(3 + 4 * 0.44);
  });

  it('keeps the clock from the warm-up into the run (both phases share the key space)', () => {
    const p = resolveParams(tumblingWindow, { extra: { windowSize: 100 } });
    const space = { inserted: 0 };
    const registered = (n: number) => {
      const b = new OpBatch(n);
      tumblingWindow.createRun(p, createRng(1), space, n).fill(b, n);
      return [...b.arg].filter((_, i) => tumblingWindow.operations[b.kind[i] as number]?.name === 'timer.register');
    };
    const warm = registered(5000);
    const run = registered(5000);
    // A fresh clock would start again where the warm-up did; the shared one goes on, a lagging element's window at most a window and a delay back.
    expect(Math.min(...run)).toBeGreaterThanOrEqual(Math.max(...warm) - 300);
    expect(Math.min(...run)).toBeGreaterThan(Math.min(...warm) + 500);
  });
});
