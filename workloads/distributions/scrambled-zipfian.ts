// Scrambled zipfian (YCSB's ScrambledZipfianGenerator): a zipfian rank over a very large item
// space (10^10), hashed into the key space, so the hot keys are spread over the key range
// instead of sitting at its start. Its curve over the keys is therefore not an exact Zipf.
//
// The rank is hashed modulo a fixed `capacity` (at least the count); keys at or above the
// current count are redrawn. Inserts then grow the count without moving the hot set.

import type { Rng } from '../../core/rng.js';
import type { KeyChooser } from './chooser.js';
import { hashToRange } from './hash.js';
import { ZipfianRanks } from './zipfian.js';
import { zetaLarge } from './zeta.js';

export const SCRAMBLED_ITEM_COUNT = 10_000_000_000;

const zetaCache = new Map<number, number>();

/** zeta(10^10, theta), computed once per theta per process. */
export function scrambledZeta(theta: number): number {
  let z = zetaCache.get(theta);
  if (z === undefined) {
    z = zetaLarge(SCRAMBLED_ITEM_COUNT, theta);
    zetaCache.set(theta, z);
  }
  return z;
}

export class ScrambledZipfianChooser implements KeyChooser {
  private readonly ranks: ZipfianRanks;
  private capacity: number;

  constructor(
    private count: number,
    theta: number,
    rng: Rng,
    capacity = count,
  ) {
    this.capacity = Math.max(capacity, count);
    this.ranks = new ZipfianRanks(SCRAMBLED_ITEM_COUNT, theta, rng, scrambledZeta(theta));
  }

  next(): number {
    for (;;) {
      const k = hashToRange(this.ranks.next(), this.capacity);
      if (k < this.count) return k;
    }
  }

  grow(newCount: number): void {
    this.count = newCount;
    // Past the planned capacity the hot set has to move once; doubling keeps that rare.
    if (newCount > this.capacity) this.capacity = Math.max(newCount, this.capacity * 2);
  }
}
