// Input elements and state accesses from a phase's op counts and the workload's kinds.
import { describe, expect, it } from 'vitest';
import { phaseElements } from './elements.js';

const op = (count: number) => ({ count, errors: 0, timed: count, latencyUs: { min: 1, mean: 1, p50: 1, p90: 1, p99: 1, p999: 1, p9999: 1, max: 1 }, hdr: null });

describe('phaseElements', () => {
  it('counts elements from the kinds marked element, and accesses from every op that is not none', () => {
    const kinds = [
      { name: 'element.late', action: 'none', writes: false, element: true },
      { name: 'window.add', action: 'rmw', writes: true, element: true },
      { name: 'window.add.more', action: 'rmw', writes: true },
      { name: 'timer.register', action: 'timer-register', writes: true },
    ];
    const e = phaseElements({ ops: 1000, throughputOpsPerSec: 10_000, operations: { 'element.late': op(100), 'window.add': op(300), 'window.add.more': op(300), 'timer.register': op(300) } }, kinds);
    // 400 elements (100 late, no access), 900 accesses: 2.25 per element; 10,000 ops/s is 4,000 elements/s.
    expect(e).toEqual({ count: 400, stateAccesses: 900, accessesPerElement: 2.25, elementsPerSec: 4000 });
  });

  it('without an element kind, each op is one element', () => {
    const kinds = [
      { name: 'list.add', action: 'append', writes: true },
      { name: 'list.get', action: 'get', writes: false },
    ];
    expect(phaseElements({ ops: 100, throughputOpsPerSec: 50, operations: { 'list.add': op(90), 'list.get': op(10) } }, kinds)).toEqual({ count: 100, stateAccesses: 100, accessesPerElement: 1, elementsPerSec: 50 });
  });

  it('no elements: no ratio', () => {
    const kinds = [{ name: 'insert', action: 'put', writes: true }, { name: 'value.get', action: 'get', writes: false, element: true }];
    expect(phaseElements({ ops: 10, throughputOpsPerSec: 5, operations: { insert: op(10) } }, kinds)).toMatchObject({ count: 0, accessesPerElement: null, elementsPerSec: 0 });
  });
});
