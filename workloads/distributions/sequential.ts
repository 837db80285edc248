// Keys in order 0, 1, 2 ... wrapping around at the count (YCSB's SequentialGenerator).
import type { KeyChooser } from './chooser.js';

export class SequentialChooser implements KeyChooser {
  private cursor = 0;
  constructor(private count: number) {}
  next(): number {
    const k = this.cursor;
    this.cursor = k + 1 < this.count ? k + 1 : 0;
    return k;
  }
  grow(newCount: number): void {
    this.count = newCount;
  }
}
