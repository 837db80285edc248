// IntervalJoinOperator: each element is buffered, probes the other side and registers its
// cleanup timer once; each buffered timestamp is removed once, when the watermark passes it.
import { describe, expect, it } from 'vitest';
import { createRng } from '../../core/rng.js';
import { resolveParams } from '../params.js';
import { OpBatch, type WorkloadParamsInput } from '../types.js';
import { intervalJoin, joinOperator } from './interval-join.js';
import { countNames, drain } from './test-support/drain.js';

function operator(extra: WorkloadParamsInput['extra']) {
  const op = joinOperator(resolveParams(intervalJoin, { extra }));
  return { op, read: () => drain(op, intervalJoin.operations) };
}

describe('interval join', () => {
  it('buffers an element under its key and timestamp, probes the other buffer, and registers its cleanup timer', () => {
    const { op, read } = operator({ lowerBound: -200, upperBound: 100 });
    op.processElement(7, 1000, true);
    op.processElement(7, 1050, false);
    expect(read().map((o) => [o.name, o.key, o.ns, o.arg])).toEqual([
      // Map state: ns is the Flink key, key the user key (the timestamp).
      ['join.buffer.left', 1000, 7, 0],
      ['join.probe.right', 0, 7, 0],
      // A left element can join right ones until its timestamp + upperBound: the timer in CLEANUP_LEFT (0).
      ['timer.register', 7, 0, 1100],
      ['join.buffer.right', 1050, 7, 0],
      ['join.probe.left', 0, 7, 0],
      // A right element until its timestamp - lowerBound, in CLEANUP_RIGHT (1).
      ['timer.register', 7, 1, 1250],
    ]);
  });

  it('cleans each buffered timestamp up once, when the watermark passes its timer', () => {
    const { op, read } = operator({ lowerBound: -200, upperBound: 100 });
    for (let i = 0; i < 20; i++) op.processElement(i % 4, 1000 + i * 10, i % 2 === 0);
    const elements = read();
    expect(countNames(elements)).toEqual({ 'join.buffer.left': 10, 'join.buffer.right': 10, 'join.probe.left': 10, 'join.probe.right': 10, 'timer.register': 20 });
    op.advanceWatermark(10_000);
    const fired = read();
    expect(countNames(fired)).toEqual({ 'timer.fire': 20, 'join.cleanup.left': 10, 'join.cleanup.right': 10 });
    // Each removal is of the buffered entry: the same (key, timestamp) as its buffer add.
    const buffered = elements.filter((o) => o.name.startsWith('join.buffer')).map((o) => `${o.name.slice(12)}/${o.ns}/${o.key}`);
    const removed = fired.filter((o) => o.name.startsWith('join.cleanup')).map((o) => `${o.name.slice(13)}/${o.ns}/${o.key}`);
    expect(removed.sort()).toEqual(buffered.sort());
    op.advanceWatermark(20_000);
    expect(read()).toEqual([]);
  });

  it('drops an element behind the watermark: one element.late op and nothing else', () => {
    const { op, read } = operator({});
    op.advanceWatermark(5000);
    op.processElement(1, 4999, false);
    expect(read().map((o) => o.name)).toEqual(['element.late']);
    op.processElement(1, 5000, false);
    expect(read().map((o) => o.name)).toEqual(['join.buffer.right', 'join.probe.left', 'timer.register']);
  });

  it('refuses a lower bound above the upper one, and an input with no elements', () => {
    expect(() => resolveParams(intervalJoin, { extra: { lowerBound: 10, upperBound: 5 } })).toThrow(/--param lowerBound=10: expected at most upperBound \(5\)/);
    expect(() => resolveParams(intervalJoin, { extra: { leftShare: 1 } })).toThrow(/--param leftShare=1: expected a number > 0 < 1/);
  });

  it('runs as an op source with a share of left elements', () => {
    const p = resolveParams(intervalJoin, { extra: { leftShare: 0.25 } });
    const b = new OpBatch(40_000);
    intervalJoin.createRun(p, createRng(4), { inserted: 0 }, 40_000).fill(b, 40_000);
    const names = [...b.kind].map((k) => intervalJoin.operations[k]?.name);
    const left = names.filter((n) => n === 'join.buffer.left').length;
    const right = names.filter((n) => n === 'join.buffer.right').length;
    expect(left / (left + right)).toBeGreaterThan(0.22);
    expect(left / (left + right)).toBeLessThan(0.28);
    expect(names.filter((n) => n === 'join.cleanup.left').length).toBeGreaterThan(0);
  });
});
