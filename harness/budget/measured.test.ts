import { describe, expect, it } from 'vitest';
import { craftCell } from '../test-support/cells.js';
import { parseMemoryBudget } from './parse-budget.js';
import { applyMeasuredBudget, measuredStateBytes } from './measured.js';

const MiB = 1024 * 1024;

describe('heap cells against the budget, measured', () => {
  const cell = craftCell({ backend: 'heap', metrics: { heapUsedBytes: 300 * MiB, valueBytes: 50 * MiB } });
  it('over the budget: skipped, the measured figure in the reason', () => {
    const out = applyMeasuredBudget(cell, 256 * MiB);
    expect(out.status).toBe('skipped');
    expect(out.status === 'skipped' && out.reason).toMatch(/heap state measured 350MiB .* > --memory-budget 256MiB/);
  });
  it('within the budget or without one: unchanged', () => {
    expect(applyMeasuredBudget(cell, 512 * MiB)).toBe(cell);
    expect(applyMeasuredBudget(cell, null)).toBe(cell);
  });
});

describe('a heap cell of several slots, measured', () => {
  it('counts every slot\'s state, not slot 0\'s alone', () => {
    const slot = { heapUsedBytes: 100 * MiB, valueBytes: 50 * MiB };
    const one = craftCell({ backend: 'heap', metrics: slot });
    const cell = { ...one, threads: 2, engine: { ...one.engine!, raw: { threads: [slot, slot] } } };
    expect(measuredStateBytes(cell)).toBe(300 * MiB);
    const out = applyMeasuredBudget(cell, 256 * MiB);
    expect(out.status === 'skipped' && out.reason).toMatch(/heap state measured 300MiB .*summed over the 2 slots\) > --memory-budget 256MiB/);
  });
});

describe('--memory-budget', () => {
  it('takes sizes with units', () => {
    expect(parseMemoryBudget('512MiB')).toBe(512 * MiB);
    expect(parseMemoryBudget('1g')).toBe(1024 * MiB);
    expect(parseMemoryBudget(undefined)).toBeNull();
  });
  it('names the flag and what it accepts', () => {
    expect(() => parseMemoryBudget('lots')).toThrow(/--memory-budget: 'lots' is not valid; expected a size/);
    expect(() => parseMemoryBudget('0')).toThrow(/--memory-budget/);
  });
});
