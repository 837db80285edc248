// The gate's seeded self-test with issue 7's criteria, on cells measured by the real cell code
// path (runCell in this process, ycsb-a on the delay backend): 400 cells, about 20 s.
// The same figures, printed: `npx tsx bench/gate-self-test.ts`.
import { describe, expect, it } from 'vitest';
import { runSelfTest, selfTestLine } from './gate-self-test.js';

describe('the gate on the delay backend', () => {
  it('gives at most 1 regression verdict in 20 A/A comparisons and catches a 10 % slower get in >= 19 of 20, never on update', async () => {
    const f = await runSelfTest();
    const why = selfTestLine(f);
    expect(f.cells, why).toBe(400);
    expect(f.cellsNotOk, why).toEqual([]);
    expect(f.aaRegressionVerdicts, `${why}\n${f.aaRegressedMetrics.join('\n')}`).toBeLessThanOrEqual(1);
    expect(f.slowReadComparisons, `${why}\n${f.slowReadP50.join('\n')}`).toBeGreaterThanOrEqual(19);
    expect(f.slowOtherRegressedMetrics, why).toEqual([]);
  }, 180_000);
});
