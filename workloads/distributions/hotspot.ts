// Hotspot (YCSB's HotspotIntegerGenerator): a hot set of the lowest `hotsetFraction` of the keys
// receives `hotOpnFraction` of the operations, uniformly inside it; the rest go uniformly to
// the cold keys.

import type { Rng } from '../../core/rng.js';
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
    // One uniform draw picks the set and, rescaled, the key inside it.
    const u = this.rng.next();
    const f = this.hotOpnFraction;
    if (this.cold === 0 || (this.hot > 0 && u < f)) {
      const k = Math.floor((this.cold === 0 ? u : u / f) * this.hot);
      return k < this.hot ? k : this.hot - 1;
    }
    const k = this.hot + Math.floor(((this.hot === 0 ? u : (u - f) / (1 - f))) * this.cold);
    return k < this.hot + this.cold ? k : this.hot + this.cold - 1;
  }
  grow(newCount: number): void {
    this.resize(newCount);
  }
  private resize(count: number): void {
    this.hot = Math.floor(count * this.hotsetFraction);
    this.cold = count - this.hot;
  }
}
