// A race among candidate configurations (after F-Race, Birattari et al. 2002, with the rung
// schedule of successive halving, Jamieson and Talwalkar 2016): every round runs the control and
// each candidate still in the race once, interleaved on one seed, and scores a candidate by the
// log of its throughput over the control's in that round (paired ratios: a slow minute on a
// shared machine slows the control as much as the candidate). In a race's first rung the control
// runs twice per round: the two cells give an A/A ratio, the noise a paired ratio has with no
// change at all. After each rung a candidate is dropped only when it is worse beyond that noise
// (than the leader, or than the control), never to make room. What bounds the time is the rung's
// cell budget: rung k plans `rounds` rounds for the field successive halving would have left
// (ceil(n / eta^k)); the candidates actually left share those cells, each at least one round, so
// rounds grow as the field narrows. Rungs also grow in length; a lone survivor stops early once
// its gain over the control is shown, or once it is no faster than the control.
// Pure over a `runRound` function, so the schedule is testable without running anything.

import { AaNoise } from './aa-noise.js';

export interface RoundResult {
  /** The control's cells, as many as asked for (ops/s; null when a cell failed). */
  readonly controls: readonly (number | null)[];
  /** One value per index asked for, in the order asked. */
  readonly values: readonly (number | null)[];
}

export type RunRound = (indices: readonly number[], durationMs: number, controlCells: 1 | 2) => Promise<RoundResult>;

export interface RungPlan {
  readonly durationMs: number;
  readonly rounds: number;
}

export interface RaceOptions {
  readonly candidates: number;
  readonly rungs: readonly RungPlan[];
  /** Rung k's cells are planned for ceil(candidates / eta^k) candidates (the time bound). */
  readonly eta: number;
  readonly noise: AaNoise;
  /** Standard errors a difference must exceed to count as beyond the noise. */
  readonly z: number;
}

export type DropReason = 'worse than the leader beyond the noise' | 'worse than the control beyond the noise' | 'failed';

export interface Standing {
  readonly index: number;
  /** Mean log ratio to the control over the rounds it ran (0: as fast as the control). */
  readonly meanLogRatio: number | null;
  readonly rounds: number;
  readonly dropped: { readonly rung: number; readonly why: DropReason } | null;
}

export interface RaceRung {
  readonly durationMs: number;
  readonly rounds: number;
  readonly ran: readonly number[];
  readonly kept: readonly number[];
  /** The A/A noise (per cent, one paired ratio's standard deviation) the rung judged with. */
  readonly noisePct: number;
}

export interface RaceResult {
  readonly standings: readonly Standing[];
  readonly rungs: readonly RaceRung[];
  /** The best candidate still in the race at the end, or null when every one failed or was dropped. */
  readonly leader: number | null;
  /** The leader's gain over the control (per cent) and its lower bound at z standard errors. */
  readonly leaderGainPct: number | null;
  readonly leaderLowPct: number | null;
  /** The leader beats the control beyond the noise. */
  readonly beatsControl: boolean;
}

const pct = (logRatio: number): number => Math.round((Math.exp(logRatio) - 1) * 1e4) / 100;

export async function race(o: RaceOptions, runRound: RunRound): Promise<RaceResult> {
  const ratios: number[][] = Array.from({ length: o.candidates }, () => []);
  const dropped = new Map<number, { rung: number; why: DropReason }>();
  let alive = Array.from({ length: o.candidates }, (_, i) => i);
  const rungs: RaceRung[] = [];
  const mean = (i: number): number | null => {
    const r = ratios[i] as number[];
    return r.length === 0 ? null : r.reduce((s, x) => s + x, 0) / r.length;
  };

  for (let k = 0; k < o.rungs.length && alive.length > 0; k++) {
    const plan = o.rungs[k] as RungPlan;
    const rounds = roundsFor(plan.rounds, o.candidates, k, o.eta, alive.length);
    // A lone survivor still runs the rung: its gain over the control is judged on more rounds.
    for (let round = 0; round < rounds; round++) {
      const result = await runRound(alive, plan.durationMs, k === 0 ? 2 : 1);
      const [a, b] = result.controls;
      if (a != null && b != null && a > 0 && b > 0) o.noise.add(Math.log(b / a));
      const present = result.controls.filter((x): x is number => x !== null && x > 0);
      if (present.length === 0) continue;
      const control = present.reduce((s, x) => s + Math.log(x), 0) / present.length;
      alive.forEach((index, j) => {
        const v = result.values[j];
        if (v !== null && v !== undefined && v > 0) (ratios[index] as number[]).push(Math.log(v) - control);
      });
    }
    const sigma = o.noise.sigma();
    const ran = alive;
    const failed = alive.filter((i) => (ratios[i] as number[]).length === 0);
    for (const i of failed) dropped.set(i, { rung: k, why: 'failed' });
    let standing = alive.filter((i) => !failed.includes(i)).sort((x, y) => (mean(y) as number) - (mean(x) as number));
    const leader = standing[0];
    if (leader !== undefined) {
      const lm = mean(leader) as number;
      standing = standing.filter((i) => {
        const n = Math.min((ratios[i] as number[]).length, (ratios[leader] as number[]).length);
        // Candidates share the control's cells, so the control cancels in their difference: one
        // A/A ratio's noise per round.
        if (i !== leader && lm - (mean(i) as number) > o.z * sigma / Math.sqrt(n)) {
          dropped.set(i, { rung: k, why: 'worse than the leader beyond the noise' });
          return false;
        }
        // A ratio to the control carries the candidate's cell noise and the control's: an A/A
        // ratio's (two control cells in a round make it a little less; the larger figure is used).
        if ((mean(i) as number) < (-o.z * sigma) / Math.sqrt((ratios[i] as number[]).length)) {
          dropped.set(i, { rung: k, why: 'worse than the control beyond the noise' });
          return false;
        }
        return true;
      });
    }
    alive = standing;
    rungs.push({ durationMs: plan.durationMs, rounds, ran, kept: alive, noisePct: Math.round(sigma * 1e4) / 100 });
    const lone = alive.length === 1 ? (alive[0] as number) : null;
    if (lone !== null) {
      const m = mean(lone) as number;
      if (m <= 0 || lowerBound(m, sigma, (ratios[lone] as number[]).length, o.z) > 0) break;
    }
  }

  const standings: Standing[] = ratios.map((r, index) => ({ index, meanLogRatio: mean(index), rounds: r.length, dropped: dropped.get(index) ?? null }));
  const leader = alive.length > 0 ? (alive.reduce((best, i) => ((mean(i) as number) > (mean(best) as number) ? i : best)) as number) : null;
  if (leader === null) return { standings, rungs, leader: null, leaderGainPct: null, leaderLowPct: null, beatsControl: false };
  const m = mean(leader) as number;
  const low = lowerBound(m, o.noise.sigma(), (ratios[leader] as number[]).length, o.z);
  return { standings, rungs, leader, leaderGainPct: pct(m), leaderLowPct: pct(low), beatsControl: low > 0 };
}

/**
 * Rounds of rung k: its planned cells (planned rounds for the field successive halving would keep,
 * ceil(n / eta^k)) shared by the candidates actually left, at least one round each.
 */
export function roundsFor(plannedRounds: number, candidates: number, k: number, eta: number, alive: number): number {
  const planned = Math.max(1, Math.ceil(candidates / eta ** k));
  return Math.max(1, Math.round((plannedRounds * planned) / Math.max(1, alive)));
}

/** The mean log ratio to the control less z standard errors of an A/A ratio. */
function lowerBound(meanLogRatio: number, aaSigma: number, n: number, z: number): number {
  return meanLogRatio - (z * aaSigma) / Math.sqrt(n);
}
