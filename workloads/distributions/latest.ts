// Latest (YCSB's SkewedLatestGenerator): a zipfian over recency, so the newest insert is the
// most popular key. Inserts grow it; the zeta constant is updated incrementally.

import type { Rng } from '../../core/rng.js';
import type { KeyChooser } from './chooser.js';
import { ZipfianRanks } from './zipfian.js';

export class LatestChooser implements KeyChooser {
  private readonly ranks: ZipfianRanks;
  private count: number;
  constructor(count: number, theta: number, rng: Rng) {
    this.count = count;
    this.ranks = new ZipfianRanks(count, theta, rng);
  }
  next(): number {
    return this.count - 1 - this.ranks.next();
  }
  grow(newCount: number): void {
    if (newCount <= this.count) return;
    this.count = newCount;
    this.ranks.grow(newCount);
  }
}
