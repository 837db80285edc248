// YCSB's zipfian constant (theta), one rule wherever it is given: --theta, a workload spec's
// "theta", a property file's zipfianconstant. Gray et al.'s method, as YCSB's ZipfianGenerator and
// our zipfian generators use it, needs 0 < theta < 1: its alpha = 1 / (1 - theta) is infinite at
// 1 and negative above, and theta <= 0 is no longer a skew towards rank 0.

import { UsageError } from '../../core/errors.js';

/** What is accepted, for every error message about theta. */
export const THETA_ACCEPTED = 'a number strictly between 0 and 1 (YCSB uses 0.99)';

export function isTheta(theta: number): boolean {
  return Number.isFinite(theta) && theta > 0 && theta < 1;
}

/** Theta from a flag's text or a number; bad input is one line naming the flag. */
export function checkTheta(raw: string | number, flag = '--theta'): number {
  const text = String(raw).trim();
  const theta = text === '' ? Number.NaN : Number(text);
  if (!isTheta(theta)) throw new UsageError(`${flag}: ${text} is not valid; expected ${THETA_ACCEPTED}`);
  return theta;
}
