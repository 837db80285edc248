// Two-sided 95 % quantiles of Student's t (t_0.975 with df degrees of freedom), for the noise
// estimates of calibrate. Exact table to 30 degrees of freedom, Cornish-Fisher beyond.

import { normalQuantile } from './mann-whitney.js';

const T975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101, 2.093,
  2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];

export function t975(df: number): number {
  if (df < 1) return Infinity;
  const exact = T975[Math.floor(df) - 1];
  if (exact !== undefined) return exact;
  const z = normalQuantile(0.975);
  return z + (z ** 3 + z) / (4 * df) + (5 * z ** 5 + 16 * z ** 3 + 3 * z) / (96 * df * df);
}
