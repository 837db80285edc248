// A bounded set of byte strings in unsigned lexicographic order: the in-memory head of one key
// group's timer queue, as Flink's TreeOrderedSetCache (a TreeSet over
// UnsignedBytes.lexicographicalComparator) keeps it. A sorted array: the set holds at most the
// cache size (128 by default), where a binary search and a short copy beat a tree.

import { compareBytes } from '../../core/flink/namespace-order.js';

export class SortedByteSet {
  private items: Uint8Array[] = [];

  constructor(readonly maxSize: number) {}

  get size(): number {
    return this.items.length;
  }

  isFull(): boolean {
    return this.items.length >= this.maxSize;
  }

  /** Index of `b`, or -(insertion point) - 1. */
  private find(b: Uint8Array): number {
    let lo = 0;
    let hi = this.items.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const c = compareBytes(this.items[mid] as Uint8Array, b);
      if (c < 0) lo = mid + 1;
      else if (c > 0) hi = mid - 1;
      else return mid;
    }
    return -lo - 1;
  }

  /** Adds `b` unless the set holds it; true when added. */
  add(b: Uint8Array): boolean {
    const i = this.find(b);
    if (i >= 0) return false;
    this.items.splice(-i - 1, 0, b);
    return true;
  }

  /** Removes `b` if the set holds it; true when removed. */
  remove(b: Uint8Array): boolean {
    const i = this.find(b);
    if (i < 0) return false;
    this.items.splice(i, 1);
    return true;
  }

  first(): Uint8Array | undefined {
    return this.items[0];
  }

  last(): Uint8Array | undefined {
    return this.items[this.items.length - 1];
  }

  pollFirst(): Uint8Array | undefined {
    return this.items.shift();
  }

  pollLast(): Uint8Array | undefined {
    return this.items.pop();
  }

  /** Replaces the contents with `ordered` (already in order, at most maxSize). */
  load(ordered: Uint8Array[]): void {
    this.items = ordered;
  }
}
