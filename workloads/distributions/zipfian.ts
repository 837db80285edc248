// Zipfian ranks by Gray et al., "Quickly Generating Billion-Record Synthetic Databases"
// (SIGMOD 1994), as YCSB's ZipfianGenerator does it: ranks 0 and 1 exactly, the rest by a
// continuous inversion. Rank 0 is the most popular. The zeta constant is computed once and
// updated term by term when the item count grows, never recomputed from scratch.

import type { Rng } from '../../core/rng.js';
import type { KeyChooser } from './chooser.js';
import { zeta, zetaFrom } from './zeta.js';

export class ZipfianRanks {
  private n: number;
  private zetan: number;
  private eta = 0;
  private readonly alpha: number;
  /** alpha as an integer when it is one (theta 0.99 -> 100, 0.9 -> 10, 0.5 -> 2), else 0. */
  private readonly intAlpha: number;
  private readonly zeta2: number;
  private readonly half: number;

  /** `zetan`, when given, is zeta(items, theta) precomputed (huge item counts). */
  constructor(
    items: number,
    readonly theta: number,
    private readonly rng: Rng,
    zetan?: number,
  ) {
    this.n = items;
    this.alpha = 1 / (1 - theta);
    const rounded = Math.round(this.alpha);
    this.intAlpha = Math.abs(this.alpha - rounded) < 1e-9 && rounded <= 4096 ? rounded : 0;
    this.zeta2 = zeta(2, theta);
    this.half = 1 + Math.pow(0.5, theta);
    this.zetan = zetan ?? zeta(items, theta);
    this.updateEta();
  }

  get items(): number {
    return this.n;
  }

  get zetaN(): number {
    return this.zetan;
  }

  next(): number {
    const u = this.rng.next();
    const uz = u * this.zetan;
    if (uz < 1) return 0;
    if (uz < this.half) return 1;
    // b^alpha by squaring when alpha is a whole number, else exp(alpha log b): both agree with
    // Math.pow to a few ulps at a fraction of its cost in V8. b >= 1 - eta keeps every square
    // far from the subnormal range.
    const b = this.eta * u - this.eta + 1;
    const r = Math.floor(this.n * (this.intAlpha > 0 ? powInt(b, this.intAlpha) : Math.exp(this.alpha * Math.log(b))));
    // Guards the edge where rounding lands exactly on n.
    return r < this.n ? r : this.n - 1;
  }

  grow(newCount: number): void {
    if (newCount <= this.n) return;
    this.zetan = zetaFrom(this.n, newCount, this.theta, this.zetan);
    this.n = newCount;
    this.updateEta();
  }

  private updateEta(): void {
    this.eta = (1 - Math.pow(2 / this.n, 1 - this.theta)) / (1 - this.zeta2 / this.zetan);
  }
}

function powInt(base: number, exponent: number): number {
  let result = 1;
  let x = base;
  for (let e = exponent; e > 0; e >>>= 1) {
    if (e & 1) result *= x;
    x *= x;
  }
  return result;
}

/** Key id = rank: key 0 is the hottest. */
export class ZipfianChooser implements KeyChooser {
  private readonly ranks: ZipfianRanks;
  constructor(count: number, theta: number, rng: Rng) {
    this.ranks = new ZipfianRanks(count, theta, rng);
  }
  next(): number {
    return this.ranks.next();
  }
  grow(newCount: number): void {
    this.ranks.grow(newCount);
  }
}

/**
 * The exact probability of each rank under Gray's method (not under exact Zipf: the continuous
 * inversion is a few % off at small ranks), for ranks 0 .. upTo-1 of `items`.
 */
export function zipfianRankPmf(items: number, theta: number, upTo: number, zetan = zeta(items, theta)): Float64Array {
  const out = new Float64Array(upTo);
  const eta = (1 - Math.pow(2 / items, 1 - theta)) / (1 - zeta(2, theta) / zetan);
  const u0 = 1 / zetan;
  const u1 = (1 + Math.pow(0.5, theta)) / zetan;
  // P(continuous branch gives rank < x) for u in [u1, 1): u < F(x).
  const F = (x: number): number => Math.min(1, Math.max(u1, (Math.pow(x / items, 1 - theta) - 1 + eta) / eta));
  for (let r = 0; r < upTo; r++) {
    const lo = F(r);
    const hi = r === items - 1 ? 1 : F(r + 1);
    out[r] = Math.max(0, hi - lo);
  }
  if (upTo > 0) out[0] = (out[0] as number) + u0;
  if (upTo > 1) out[1] = (out[1] as number) + (u1 - u0);
  return out;
}
