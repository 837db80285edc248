// Samples a key distribution and checks it against its theoretical frequencies: the engine of
// `statebench keys` (the command only parses flags and prints).

import { UsageError } from '../core/errors.js';
import { checkDistribution, createKeyChooser, THETA_DISTRIBUTIONS } from './distributions/index.js';
import { checkTheta } from './distributions/theta.js';
import { keyProbabilities } from './distributions/pmf.js';
import { createRng } from '../core/rng.js';
import { chiSquareFit, type FitResult } from './stats/chi-square.js';

export const MAX_SAMPLE_RECORDS = 10_000_000;
export const MAX_SAMPLES = 1_000_000_000;

export interface KeySampleOptions {
  readonly distribution: string;
  readonly theta: number;
  readonly records: number;
  readonly samples: number;
  readonly seed: number;
}

export interface KeySample extends KeySampleOptions {
  /** counts[k]: how many draws gave key id k. */
  readonly counts: Float64Array;
  readonly probabilities: Float64Array;
  readonly fit: FitResult;
}

function wholeNumber(flag: string, n: number, min: number, max: number): number {
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new UsageError(`--${flag}: ${n} is not valid; expected a whole number from ${min} to ${max}`);
  }
  return n;
}

export function sampleKeys(o: KeySampleOptions): KeySample {
  const distribution = checkDistribution(o.distribution);
  const theta = (THETA_DISTRIBUTIONS as readonly string[]).includes(distribution) ? checkTheta(o.theta) : o.theta;
  const records = wholeNumber('records', o.records, 1, MAX_SAMPLE_RECORDS);
  const samples = wholeNumber('samples', o.samples, 1, MAX_SAMPLES);
  if (!Number.isInteger(o.seed)) throw new UsageError(`--seed: ${o.seed} is not valid; expected a whole number`);
  const chooser = createKeyChooser(distribution, records, theta, createRng(o.seed));
  const counts = new Float64Array(records);
  for (let i = 0; i < samples; i++) {
    const k = chooser.next();
    counts[k] = (counts[k] as number) + 1;
  }
  const probabilities = keyProbabilities(distribution, records, theta);
  return { distribution, theta, records, samples, seed: o.seed, counts, probabilities, fit: chiSquareFit(counts, probabilities) };
}

/** The --json document: `counts[k]` for every key id 0 .. records-1. */
export function keySampleJson(s: KeySample): object {
  return {
    distribution: s.distribution,
    theta: s.theta,
    records: s.records,
    samples: s.samples,
    seed: s.seed,
    counts: Array.from(s.counts),
    fit: { test: s.fit.test, statistic: s.fit.statistic, pValue: s.fit.pValue },
  };
}

export interface TopKey {
  readonly key: number;
  readonly count: number;
  readonly share: number;
  readonly expectedShare: number;
}

export function topKeys(s: KeySample, n: number): TopKey[] {
  const ids = Array.from({ length: s.records }, (_, i) => i);
  ids.sort((a, b) => (s.counts[b] as number) - (s.counts[a] as number) || a - b);
  return ids.slice(0, n).map((key) => ({
    key,
    count: s.counts[key] as number,
    share: (s.counts[key] as number) / s.samples,
    expectedShare: s.probabilities[key] as number,
  }));
}

/** Share of draws that went to the most drawn `fraction` of keys, realised and expected. */
export function concentration(s: KeySample, fraction: number): { realised: number; expected: number } {
  const n = Math.max(1, Math.round(s.records * fraction));
  const byCount = Array.from(s.counts).sort((a, b) => b - a);
  const byProb = Array.from(s.probabilities).sort((a, b) => b - a);
  let realised = 0;
  let expected = 0;
  for (let i = 0; i < n; i++) {
    realised += byCount[i] as number;
    expected += byProb[i] as number;
  }
  return { realised: realised / s.samples, expected };
}
