// Successive halving (Jamieson and Talwalkar 2016; Hyperband's inner loop): every candidate runs
// with a small budget, the best 1/eta go on with eta times the budget, until one is left. Most
// of the time goes to the candidates that look good; a bad one costs one short cell.
// Pure over an `evaluate` function, so the schedule is testable without running anything.

export interface Rung {
  /** The budget of this rung (ms of run phase, or ops: whatever `evaluate` takes). */
  readonly budget: number;
  readonly scores: readonly { readonly index: number; readonly score: number | null }[];
  /** Indices kept for the next rung. */
  readonly kept: readonly number[];
}

export interface HalvingResult {
  readonly winner: number;
  readonly rungs: readonly Rung[];
}

export interface HalvingOptions {
  readonly candidates: number;
  readonly minBudget: number;
  readonly eta: number;
  /** No rung gets more than this budget. */
  readonly maxBudget: number;
}

/** Higher scores are better; a null score (the cell failed) is never kept. */
export async function successiveHalving(
  o: HalvingOptions,
  evaluate: (indices: readonly number[], budget: number) => Promise<(number | null)[]>,
): Promise<HalvingResult> {
  let alive = Array.from({ length: o.candidates }, (_, i) => i);
  let budget = o.minBudget;
  const rungs: Rung[] = [];
  while (alive.length > 1) {
    const scores = await evaluate(alive, budget);
    const scored = alive.map((index, i) => ({ index, score: scores[i] ?? null }));
    const ranked = scored.filter((s) => s.score !== null).sort((a, b) => (b.score as number) - (a.score as number));
    const keep = Math.max(1, Math.ceil(alive.length / o.eta));
    const kept = ranked.slice(0, keep).map((s) => s.index);
    rungs.push({ budget, scores: scored, kept });
    if (kept.length === 0) break;
    alive = kept;
    budget = Math.min(o.maxBudget, budget * o.eta);
  }
  const winner = alive[0];
  if (winner === undefined || (rungs.length > 0 && (rungs[rungs.length - 1] as Rung).kept.length === 0)) {
    throw new Error('every candidate failed');
  }
  return { winner, rungs };
}
