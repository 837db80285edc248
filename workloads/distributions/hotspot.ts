// Hotspot (YCSB's HotspotIntegerGenerator): a hot set of the lowest `hotsetFraction` of the keys
// receives `hotOpnFraction` of the operations, uniformly inside it; the rest go uniformly to
// the cold keys.

import type { Rng } from '../rng.js';
import type { KeyChooser } from './chooser.js';

export class HotspotChooser implements KeyChooser {
  private hot = 0;
  private cold = 0;
  constructor(
    count: number,
    private readonly hotsetFraction: number,
    private readonly hotOpnFraction: number,
    private readonly rng: Rng,
  ) {
    this.resize(count);
  }
  next(): number {
    if (this.cold === 0 || (this.hot > 0 && this.rng.next() < this.hotOpnFraction)) return this.rng.int(this.hot);
    return this.hot + this.rng.int(this.cold);
  }
  grow(newCount: number): void {
    this.resize(newCount);
  }
  private resize(count: number): void {
    this.hot = Math.floor(count * this.hotsetFraction);
    this.cold = count - this.hot;
  }
}
