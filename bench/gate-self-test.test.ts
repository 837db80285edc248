// The gate on real timings, kept small for CI and asserted only where the margin is wide: the
// median latency of the slowed kind (10 % slower against a 5 % threshold, noise well under 1 %).
// The full 20 + 20 comparison figures come from `npx tsx bench/gate-self-test.ts`.
import { describe, expect, it } from 'vitest';
import { runSelfTest } from './gate-self-test.js';

describe('the gate on the delay backend', () => {
  it('flags a 10 % slower get on read p50 every time, never update p50, and never p50 in A/A', async () => {
    const f = await runSelfTest({ comparisons: 4, repeat: 5, ops: 1000, latencyUs: 20 });
    expect(f.slowReadRegressed['read.p50']).toBe(4);
    expect(f.slowOtherRegressedMetrics.filter((m) => m.startsWith('update.p50'))).toEqual([]);
    expect(f.aaRegressedMetrics.filter((m) => /\.p50 /.test(m))).toEqual([]);
  });
});
