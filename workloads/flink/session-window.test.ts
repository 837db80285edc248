// WindowOperator with event-time session windows: the merging window set's reads and rewrites,
// merges (timers deleted and registered, state namespaces merged) and firings match Flink's calls.
import { describe, expect, it } from 'vitest';
import { createRng } from '../../core/rng.js';
import { resolveParams } from '../params.js';
import { OpBatch, type WorkloadParamsInput } from '../types.js';
import { hashSetOrder, longToIntWithBitMixing } from './merging-window-set.js';
import { sessionOperator, sessionWindow } from './session-window.js';
import { countNames, drain } from './test-support/drain.js';

function operator(extra: WorkloadParamsInput['extra']) {
  const op = sessionOperator(resolveParams(sessionWindow, { extra }));
  return { op, read: () => drain(op, sessionWindow.operations).map((o) => [o.name, o.ns, o.arg]) };
}

describe('a Java HashSet of TimeWindows', () => {
  const w = (start: number, end: number) => ({ start, end });
  it('hashes as TimeWindow.hashCode does (values from Java 17)', () => {
    expect([longToIntWithBitMixing(10), longToIntWithBitMixing(3000), longToIntWithBitMixing(123456789 + 123457789)]).toEqual([-1456339591, -535147460, -55632831]);
  });

  it('iterates in the order java.util.HashSet does (orders printed by Java 17)', () => {
    const order = (ws: { start: number; end: number }[]) => hashSetOrder(ws).map((x) => `${x.start}-${x.end}`);
    expect(order([w(100, 1100), w(900, 1900), w(1950, 2950)])).toEqual(['900-1900', '1950-2950', '100-1100']);
    expect(order([w(300, 1300), w(1250, 2250), w(1700, 2700)])).toEqual(['1700-2700', '300-1300', '1250-2250']);
    expect(order([w(5, 15), w(10, 20), w(18, 28)])).toEqual(['5-15', '10-20', '18-28']);
  });
});

describe('session windows', () => {
  it("reads the key's merging window set first, then adds to a new window with its timers and writes the set (one update)", () => {
    const { op, read } = operator({ gap: 1000 });
    op.processElement(1, 300);
    expect(read()).toEqual([
      ['merging-set.get', 0, 0],
      ['window.add', 300, 0],
      ['timer.register', 300, 1299],
      ['timer.register.cleanup', 300, 1299],
      ['merging-set.update', 0, 0],
    ]);
  });

  it('merges two elements within the gap into one window: its timers move, its state stays in the first window', () => {
    const { op, read } = operator({ gap: 1000 });
    op.processElement(1, 300);
    read();
    op.processElement(1, 800);
    expect(read()).toEqual([
      ['merging-set.get', 0, 0],
      ['timer.register', 300, 1799],
      ['timer.delete', 300, 1299],
      ['timer.delete.cleanup', 300, 1299],
      ['window.add', 300, 0],
      ['timer.register', 300, 1799],
      ['timer.register.cleanup', 300, 1799],
      ['merging-set.update', 0, 0],
    ]);
    // A third element inside the session ([700, 1700) in [300, 1800)) merges nothing and changes nothing: no rewrite of the set.
    op.processElement(1, 700);
    expect(read().map((o) => o[0])).toEqual(['merging-set.get', 'window.add', 'timer.register', 'timer.register.cleanup']);
  });

  it('bridges two sessions: reads and clears the merged state window, writes the kept one (the first in HashSet order)', () => {
    const { op, read } = operator({ gap: 1000 });
    op.processElement(1, 300);
    op.processElement(1, 1700);
    read();
    op.processElement(1, 1250);
    expect(read()).toEqual([
      ['merging-set.get', 0, 0],
      ['timer.register', 300, 2699],
      ['timer.delete', 1700, 2699],
      ['timer.delete.cleanup', 1700, 2699],
      ['timer.delete', 300, 1299],
      ['timer.delete.cleanup', 300, 1299],
      ['window.merge.get', 300, 0],
      ['window.merge.clear', 300, 0],
      ['window.merge.put', 1700, 0],
      ['window.add', 1700, 0],
      ['timer.register', 300, 2699],
      ['timer.register.cleanup', 300, 2699],
      ['merging-set.update', 0, 0],
    ]);
  });

  it('merges a ListState by a get, a delete and a merge per source (function=holistic)', () => {
    const { op, read } = operator({ gap: 1000, function: 'holistic' });
    op.processElement(1, 300);
    op.processElement(1, 1700);
    read();
    op.processElement(1, 1250);
    const names = read().map((o) => o[0]);
    expect(names.filter((n) => (n as string).startsWith('window.'))).toEqual(['window.merge.get', 'window.merge.clear', 'window.merge.append', 'window.append']);
  });

  it('fires a session once when the watermark passes it: get, clear, its timer deleted, the emptied set cleared twice', () => {
    const { op, read } = operator({ gap: 1000 });
    op.processElement(1, 300);
    op.processElement(2, 300);
    read();
    op.advanceWatermark(1299);
    const fired = read();
    expect(fired.slice(0, 7)).toEqual([
      ['timer.fire', 300, 1299],
      ['merging-set.get.fire', 0, 0],
      ['window.get', 300, 0],
      ['window.clear', 300, 0],
      ['timer.delete', 300, 1299],
      ['merging-set.clear', 0, 0],
      ['merging-set.clear', 0, 0],
    ]);
    expect(countNames(fired.map(([name]) => ({ name: name as string, key: 0, ns: 0, arg: 0 })))).toEqual({
      'timer.fire': 2,
      'merging-set.get.fire': 2,
      'window.get': 2,
      'window.clear': 2,
      'timer.delete': 2,
      'merging-set.clear': 4,
    });
    op.advanceWatermark(5000);
    expect(read()).toEqual([]);
  });

  it("writes the key's set twice when a fired session leaves another (clearAllState's persist, then onEventTime's)", () => {
    const { op, read } = operator({ gap: 1000 });
    op.processElement(1, 300);
    op.processElement(1, 2000);
    read();
    op.advanceWatermark(1299);
    expect(read().map((o) => o[0])).toEqual(['timer.fire', 'merging-set.get.fire', 'window.get', 'window.clear', 'timer.delete', 'merging-set.update', 'merging-set.update']);
  });

  it('drops a late element after reading the merging window set (Flink reads it before it knows)', () => {
    const { op, read } = operator({ gap: 1000 });
    op.advanceWatermark(5000);
    op.processElement(1, 3000);
    expect(read()).toEqual([
      ['merging-set.get', 0, 0],
      ['element.late', 0, 0],
    ]);
  });

  it('runs as an op source: every element begins with the merging set read', () => {
    const p = resolveParams(sessionWindow, { records: 2000 });
    const b = new OpBatch(50_000);
    sessionWindow.createRun(p, createRng(9), { inserted: 0 }, 50_000).fill(b, 50_000);
    const names = [...b.kind].map((k) => sessionWindow.operations[k]?.name);
    const elements = names.filter((n) => n === 'merging-set.get').length;
    expect(names.filter((n) => n === 'window.add' || n === 'element.late').length).toBe(names[49_999] === 'merging-set.get' ? elements - 1 : elements);
    expect(names.filter((n) => n === 'timer.delete.cleanup').length).toBeGreaterThan(0);
    expect(names.filter((n) => n === 'timer.fire').length).toBeGreaterThan(0);
  });
});
