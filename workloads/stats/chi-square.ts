// Pearson's chi-square goodness-of-fit of observed counts against expected probabilities.
// Keys whose expected count is below 5 are pooled with their neighbours (in key order) until
// each bin expects at least 5, the usual condition for the chi-square approximation.

import { upperRegularizedGamma } from './gamma.js';

export interface FitResult {
  readonly test: 'chi-square';
  readonly statistic: number;
  readonly degreesOfFreedom: number;
  readonly pValue: number;
  readonly bins: number;
}

const MIN_EXPECTED = 5;

export function chiSquarePValue(statistic: number, df: number): number {
  if (df <= 0) return 1;
  return upperRegularizedGamma(df / 2, statistic / 2);
}

export function chiSquareFit(counts: ArrayLike<number>, probabilities: ArrayLike<number>): FitResult {
  if (counts.length !== probabilities.length) throw new RangeError('counts and probabilities differ in length');
  let samples = 0;
  for (let i = 0; i < counts.length; i++) samples += counts[i] as number;
  let impossible = false;
  const observed: number[] = [];
  const expected: number[] = [];
  let obs = 0;
  let exp = 0;
  for (let i = 0; i < counts.length; i++) {
    obs += counts[i] as number;
    exp += (probabilities[i] as number) * samples;
    if ((probabilities[i] as number) <= 0 && (counts[i] as number) > 0) impossible = true;
    if (exp >= MIN_EXPECTED) {
      observed.push(obs);
      expected.push(exp);
      obs = 0;
      exp = 0;
    }
  }
  if (obs > 0 || exp > 0) {
    // The short tail joins the last full bin (or stands alone when there is none).
    if (observed.length > 0) {
      observed[observed.length - 1] = (observed[observed.length - 1] as number) + obs;
      expected[expected.length - 1] = (expected[expected.length - 1] as number) + exp;
    } else {
      observed.push(obs);
      expected.push(exp);
    }
  }
  let statistic = 0;
  for (let b = 0; b < observed.length; b++) {
    const o = observed[b] as number;
    const e = expected[b] as number;
    if (e > 0) statistic += ((o - e) * (o - e)) / e;
  }
  // A draw of a key the distribution never gives is an impossible outcome, whatever the bins say.
  if (impossible) statistic = Infinity;
  const bins = observed.length;
  const df = Math.max(0, bins - 1);
  const pValue = Number.isFinite(statistic) ? chiSquarePValue(statistic, df) : 0;
  return { test: 'chi-square', statistic, degreesOfFreedom: df, pValue, bins };
}
