// Exponential (YCSB's ExponentialGenerator as CoreWorkload uses it): a distance back from the
// newest key, exponentially distributed so that `percentile` % of draws fall within
// `frac` x count of the newest key. YCSB redraws distances past the oldest key; inverting the
// truncated distribution gives the same law without a loop.

import type { Rng } from '../../core/rng.js';
import type { KeyChooser } from './chooser.js';

export class ExponentialChooser implements KeyChooser {
  private gamma = 0;
  /** 1 / gamma: a multiplication in next() instead of a division. */
  private meanDistance = 0;
  private tailMass = 0;
  constructor(
    private count: number,
    private readonly percentile: number,
    private readonly frac: number,
    private readonly rng: Rng,
  ) {
    this.resize(count);
  }
  next(): number {
    const d = Math.floor(-Math.log(1 - this.rng.next() * this.tailMass) * this.meanDistance);
    return this.count - 1 - (d < this.count ? d : this.count - 1);
  }
  grow(newCount: number): void {
    this.resize(newCount);
  }
  private resize(count: number): void {
    this.count = count;
    this.gamma = exponentialGamma(count, this.percentile, this.frac);
    this.meanDistance = 1 / this.gamma;
    // Probability mass of distances below the count (the truncation).
    this.tailMass = 1 - Math.exp(-this.gamma * count);
  }
}

export function exponentialGamma(count: number, percentile: number, frac: number): number {
  return -Math.log(1 - percentile / 100) / (count * frac);
}
