// One namespace's state: a hash map for point access, and a sorted key index built on demand
// for range scans. Flink's heap backend has no ordered iteration; building the index when a scan
// needs it (and dropping it when the key set changes) charges the cost of ordering to scans.

import type { ScanEntry } from '../types.js';

export class NamespaceTable {
  readonly map = new Map<number, Uint8Array>();
  private sorted: Float64Array | null = null;

  set(key: number, value: Uint8Array): void {
    const size = this.map.size;
    this.map.set(key, value);
    if (this.map.size !== size) this.sorted = null;
  }

  delete(key: number): void {
    if (this.map.delete(key)) this.sorted = null;
  }

  scan(start: number, limit: number, end?: number): ScanEntry[] {
    const keys = this.sortedKeys();
    const out: ScanEntry[] = [];
    for (let i = lowerBound(keys, start); i < keys.length && out.length < limit; i++) {
      const key = keys[i] as number;
      if (end !== undefined && key >= end) break;
      out.push({ key, value: this.map.get(key) as Uint8Array });
    }
    return out;
  }

  private sortedKeys(): Float64Array {
    if (this.sorted === null) {
      this.sorted = Float64Array.from(this.map.keys()).sort();
    }
    return this.sorted;
  }
}

function lowerBound(keys: Float64Array, target: number): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((keys[mid] as number) < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
