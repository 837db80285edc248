import { describe, expect, it } from 'vitest';
import { successiveHalving } from './halving.js';

describe('successive halving', () => {
  it('keeps the best third each rung, grows the budget by eta, and ends on the best candidate', async () => {
    const quality = [3, 9, 1, 7, 5, 8, 2, 6, 4];
    const calls: { indices: number[]; budget: number }[] = [];
    const r = await successiveHalving({ candidates: 9, minBudget: 100, eta: 3, maxBudget: 10_000 }, async (indices, budget) => {
      calls.push({ indices: [...indices], budget });
      return indices.map((i) => quality[i] as number);
    });
    expect(r.winner).toBe(1);
    expect(calls.map((c) => [c.indices.length, c.budget])).toEqual([[9, 100], [3, 300]]);
    expect(r.rungs[0]?.kept).toEqual([1, 5, 3]);
  });
  it('never keeps a failed candidate and caps the budget', async () => {
    const budgets: number[] = [];
    const r = await successiveHalving({ candidates: 4, minBudget: 1000, eta: 2, maxBudget: 1500 }, async (indices, budget) => {
      budgets.push(budget);
      return indices.map((i) => (i === 3 ? null : i));
    });
    expect(r.winner).toBe(2);
    expect(budgets).toEqual([1000, 1500]);
  });
  it('fails when every candidate fails', async () => {
    await expect(successiveHalving({ candidates: 3, minBudget: 1, eta: 3, maxBudget: 1 }, async (i) => i.map(() => null))).rejects.toThrow(/every candidate failed/);
  });
});
