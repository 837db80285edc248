// Every key equally likely.
import type { Rng } from '../../core/rng.js';
import type { KeyChooser } from './chooser.js';

export class UniformChooser implements KeyChooser {
  constructor(
    private count: number,
    private readonly rng: Rng,
  ) {}
  next(): number {
    return this.rng.int(this.count);
  }
  grow(newCount: number): void {
    this.count = newCount;
  }
}
