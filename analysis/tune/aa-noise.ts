// The noise tune judges with: A/A ratios, the same configuration run twice in one round on one
// seed. Their root mean square (their mean is 0 when nothing changed) estimates the standard
// deviation of one paired log ratio. Few samples can understate it badly (one lucky pair reads
// as no noise at all), so tune uses the estimate's upper 80 % confidence bound,
// rms x sqrt(n / chi2_0.2(n)), and never less than a floor.

/** The least noise assumed (a paired ratio's standard deviation, as a log ratio: ~2 %). */
export const NOISE_FLOOR = 0.02;

export class AaNoise {
  private readonly samples: number[] = [];

  constructor(private readonly floor: number = NOISE_FLOOR) {}

  /** One A/A log ratio, log(second / first). */
  add(logRatio: number): void {
    if (Number.isFinite(logRatio)) this.samples.push(logRatio);
  }

  get count(): number {
    return this.samples.length;
  }

  /** Standard deviation of one A/A log ratio: the upper 80 % bound of the estimate, at least the floor. */
  sigma(): number {
    const n = this.samples.length;
    if (n === 0) return Math.max(this.floor, 0.1);
    return Math.max(this.floor, this.rms() * Math.sqrt(n / chiSquareQuantile20(n)));
  }

  /** The plain estimate (root mean square), for the record. */
  rms(): number {
    const n = this.samples.length;
    return n === 0 ? 0 : Math.sqrt(this.samples.reduce((s, x) => s + x * x, 0) / n);
  }

  /** The samples as per-cent changes, for tune.json. */
  samplesPct(): number[] {
    return this.samples.map((x) => Math.round((Math.exp(x) - 1) * 1e4) / 100);
  }
}

/** z of the 20th percentile of the standard normal. */
const Z20 = -0.8416212;

/** The 20th percentile of chi-square with n degrees of freedom (Wilson and Hilferty 1931). */
function chiSquareQuantile20(n: number): number {
  const a = 2 / (9 * n);
  return n * Math.max(1e-3, 1 - a + Z20 * Math.sqrt(a)) ** 3;
}
