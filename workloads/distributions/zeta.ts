// The zeta constant of a Zipf distribution, zeta(n, theta) = sum over i = 1..n of 1 / i^theta.

/** Adds the terms from+1 .. to to `initial` (YCSB's incremental zeta when the item count grows). */
export function zetaFrom(from: number, to: number, theta: number, initial: number): number {
  let sum = initial;
  for (let i = from + 1; i <= to; i++) sum += 1 / Math.pow(i, theta);
  return sum;
}

export function zeta(n: number, theta: number): number {
  return zetaFrom(0, n, theta, 0);
}

const EXACT_TERMS = 1_000_000;

/**
 * zeta for item counts too large to sum term by term (scrambled zipfian's 10^10 items): the first
 * million terms exactly, the tail by Euler-Maclaurin (integral, end-point and first derivative
 * corrections; the error is far below double precision at these sizes).
 */
export function zetaLarge(n: number, theta: number): number {
  if (n <= EXACT_TERMS) return zeta(n, theta);
  const m = EXACT_TERMS;
  const f = (x: number): number => Math.pow(x, -theta);
  const df = (x: number): number => -theta * Math.pow(x, -theta - 1);
  const integral = (Math.pow(n, 1 - theta) - Math.pow(m, 1 - theta)) / (1 - theta);
  return zeta(m, theta) + integral + (f(n) - f(m)) / 2 + (df(n) - df(m)) / 12;
}
