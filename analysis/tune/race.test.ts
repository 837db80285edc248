// The race on made-up machines: candidates with known true speeds, cells with seeded noise,
// a round-wide drift that a paired ratio cancels. What could fail: the best not found, a
// candidate within the noise dropped as worse, the drops not explained, rungs not growing.
import { describe, expect, it } from 'vitest';
import { createRng } from '../../core/rng.js';
import { AaNoise } from './aa-noise.js';
import { race, roundsFor, type RunRound } from './race.js';

const RUNGS = [
  { durationMs: 1000, rounds: 1 },
  { durationMs: 2000, rounds: 2 },
  { durationMs: 2000, rounds: 3 },
];

/** A machine: control speed 100, each candidate its own factor, cells noisy by `noise` (log sd), and each round drifting by up to ±40 %. */
function machine(factors: readonly number[], noise: number, seed = 1): { run: RunRound; calls: { indices: number[]; controlCells: number }[] } {
  const rng = createRng(seed);
  const gauss = (): number => Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());
  const calls: { indices: number[]; controlCells: number }[] = [];
  const run: RunRound = async (indices, _ms, controlCells) => {
    calls.push({ indices: [...indices], controlCells });
    const drift = 0.6 + 0.8 * rng.next();
    const cell = (f: number): number => 100 * f * drift * Math.exp(noise * gauss());
    return { controls: Array.from({ length: controlCells }, () => cell(1)), values: indices.map((i) => cell(factors[i] as number)) };
  };
  return { run, calls };
}

describe('race', () => {
  it('finds a clearly better candidate despite round-to-round drift larger than its gain, and says it beats the control', async () => {
    const factors = [0.9, 1.0, 1.5, 0.95, 1.05, 0.8, 1.1, 0.7];
    const { run, calls } = machine(factors, 0.03);
    const r = await race({ candidates: factors.length, rungs: RUNGS, eta: 3, noise: new AaNoise(), z: 2.5 }, run);
    expect(r.leader).toBe(2);
    expect(r.beatsControl).toBe(true);
    expect(r.leaderGainPct).toBeGreaterThan(30);
    expect(r.leaderLowPct).toBeGreaterThan(0);
    // The first rung runs every candidate and the control twice (A/A); later rounds the control once.
    expect(calls[0]).toEqual({ indices: [0, 1, 2, 3, 4, 5, 6, 7], controlCells: 2 });
    expect(calls.slice(1).every((c) => c.controlCells === 1)).toBe(true);
    // Every other candidate left with a reason, or stayed to the end with a lower score.
    const lead = r.standings[2]!;
    expect(lead.dropped).toBeNull();
    for (const s of r.standings.filter((x) => x.index !== 2)) expect(s.dropped !== null || (s.meanLogRatio as number) < (lead.meanLogRatio as number)).toBe(true);
  });

  it('drops only beyond the noise: on a noisy machine a 5 % worse candidate is rarely dropped as worse, a 50 % worse one nearly always', async () => {
    let slightDropped = 0;
    let farDropped = 0;
    const seeds = 40;
    for (let seed = 1; seed <= seeds; seed++) {
      const { run } = machine([1.0, 0.95, 0.5], 0.1, seed);
      // As tune does before its search: two A/A rounds of the defaults.
      const noise = new AaNoise();
      for (let i = 0; i < 2; i++) {
        const { controls } = await run([], 1000, 2);
        noise.add(Math.log((controls[1] as number) / (controls[0] as number)));
      }
      const r = await race({ candidates: 3, rungs: RUNGS, eta: 1, noise, z: 2.5 }, run);
      if (r.standings[1]?.dropped) slightDropped++;
      if (r.standings[2]?.dropped?.why.endsWith('beyond the noise')) farDropped++;
    }
    expect(slightDropped / seeds).toBeLessThanOrEqual(0.15);
    expect(farDropped / seeds).toBeGreaterThanOrEqual(0.9);
  });

  it('does not call a candidate no better than the control a gain', async () => {
    const { run } = machine([1.0, 0.98, 1.01], 0.05, 7);
    const r = await race({ candidates: 3, rungs: RUNGS, eta: 3, noise: new AaNoise(), z: 2.5 }, run);
    expect(r.beatsControl).toBe(false);
  });

  it('drops nobody to make room: candidates within the noise all stay, one round each in later rungs, and the rung\'s cells stay within its plan or one round each', async () => {
    const factors = Array.from({ length: 9 }, (_, i) => 1 + i * 0.001);
    const { run, calls } = machine(factors, 0.05, 5);
    const r = await race({ candidates: 9, rungs: RUNGS, eta: 3, noise: new AaNoise(), z: 2.5 }, run);
    expect(r.standings.filter((s) => s.dropped !== null)).toEqual([]);
    expect(r.rungs.map((g) => g.ran.length)).toEqual([9, 9, 9]);
    // planned: 1 round x 9, 2 rounds x 3, 3 rounds x 1; shared by 9 candidates: 1 round each
    expect(r.rungs.map((g) => g.rounds)).toEqual([1, 1, 1]);
    expect(calls.length).toBe(3);
  });

  it('gives the candidates left more rounds as the field narrows (the rung\'s planned cells shared among fewer)', () => {
    // 9 candidates, eta 3: rung 1 plans 2 rounds for 3 candidates, rung 2 3 rounds for 1.
    expect([9, 6, 3, 2, 1].map((alive) => roundsFor(2, 9, 1, 3, alive))).toEqual([1, 1, 2, 3, 6]);
    expect([9, 3, 1].map((alive) => roundsFor(3, 9, 2, 3, alive))).toEqual([1, 1, 3]);
    expect(roundsFor(1, 9, 0, 3, 9)).toBe(1);
  });

  it('narrows the field by the noise rule alone: clearly worse candidates leave, and the rounds of those left grow', async () => {
    const factors = [1.3, 1.25, 0.5, 0.45, 0.4, 0.5, 0.45, 0.4, 0.35];
    const { run } = machine(factors, 0.02, 3);
    const noise = new AaNoise();
    for (let i = 0; i < 4; i++) noise.add(0.02 * (i % 2 === 0 ? 1 : -1));
    const r = await race({ candidates: 9, rungs: RUNGS, eta: 3, noise, z: 2.5 }, run);
    expect(r.standings.filter((s) => s.dropped !== null).map((s) => s.dropped?.why.endsWith('beyond the noise'))).toEqual([true, true, true, true, true, true, true]);
    expect([...(r.rungs[0]?.kept ?? [])].sort()).toEqual([0, 1]);
    expect(r.rungs[1]?.rounds).toBe(3);
  });

  it('stops a lone survivor early once it is shown slower than or as fast as the control', async () => {
    const { run, calls } = machine([0.6, 0.5], 0.02, 2);
    const r = await race({ candidates: 2, rungs: RUNGS, eta: 2, noise: new AaNoise(), z: 2.5 }, run);
    expect(r.rungs.length).toBeLessThan(3);
    expect(r.beatsControl).toBe(false);
    expect(calls.length).toBeLessThan(6);
  });

  it('drops a candidate whose every cell failed, and has no leader when all failed', async () => {
    const run: RunRound = async (indices, _ms, n) => ({ controls: Array.from({ length: n }, () => 100), values: indices.map(() => null) });
    const r = await race({ candidates: 2, rungs: RUNGS, eta: 3, noise: new AaNoise(), z: 2.5 }, run);
    expect(r.leader).toBeNull();
    expect(r.standings.map((s) => s.dropped?.why)).toEqual(['failed', 'failed']);
  });
});

describe('A/A noise', () => {
  it('is the root mean square of the A/A log ratios, raised to its upper 80 % bound while samples are few, never below its floor', () => {
    const n = new AaNoise(0.02);
    expect(n.sigma()).toBeGreaterThanOrEqual(0.02);
    n.add(Math.log(1.1));
    n.add(Math.log(1 / 1.1));
    expect(n.rms()).toBeCloseTo(Math.log(1.1), 6);
    // chi2_0.2(2) = 0.446: the bound is sqrt(2 / 0.446) = 2.1 x the estimate.
    expect(n.sigma() / n.rms()).toBeGreaterThan(2);
    expect(n.sigma() / n.rms()).toBeLessThan(2.25);
    for (let i = 0; i < 98; i++) n.add(i % 2 ? Math.log(1.1) : -Math.log(1.1));
    expect(n.sigma() / n.rms()).toBeLessThan(1.1);
    const quiet = new AaNoise(0.02);
    for (let i = 0; i < 50; i++) quiet.add(0.001);
    expect(quiet.sigma()).toBe(0.02);
    expect(n.samplesPct().slice(0, 2)).toEqual([10, -9.09]);
  });
});
