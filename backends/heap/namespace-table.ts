// One namespace's state: a hash map for point access, and an ordered key index for range scans.
//
// Flink's heap backend has no ordered iteration, so the index is built the first time a scan
// needs it (a sort of the keys) and then kept up to date cheaply: keys inserted since the sort
// go into a small sorted `pending` list (binary-search insert), deleted keys stay in the sorted
// array and are skipped at scan time. Scans merge the two lists. When pending or the stale keys
// grow large, the index is dropped and rebuilt by the next scan. So a workload of scans with
// some inserts (YCSB E) pays O(log n + pending) per insert instead of a full sort per scan.

import type { ScanEntry } from '../types.js';

const MIN_PENDING = 1024;

export class NamespaceTable {
  readonly map = new Map<number, Uint8Array>();
  private sorted: Float64Array | null = null;
  private pending: number[] = [];
  private stale = 0;

  set(key: number, value: Uint8Array): void {
    const size = this.map.size;
    this.map.set(key, value);
    if (this.map.size === size || this.sorted === null) return;
    const p = this.pending;
    const at = lowerBound(p, key);
    // A key deleted and inserted again may still be listed here.
    if (p[at] !== key) p.splice(at, 0, key);
    if (p.length > Math.max(MIN_PENDING, Math.sqrt(this.sorted.length) * 4)) this.dropIndex();
  }

  delete(key: number): void {
    if (!this.map.delete(key) || this.sorted === null) return;
    if (++this.stale > Math.max(MIN_PENDING, this.sorted.length / 2)) this.dropIndex();
  }

  scan(start: number, limit: number, end?: number): ScanEntry[] {
    if (this.sorted === null) {
      this.sorted = Float64Array.from(this.map.keys()).sort();
      this.pending = [];
      this.stale = 0;
    }
    const a = this.sorted;
    const b = this.pending;
    const stop = end ?? Infinity;
    const out: ScanEntry[] = [];
    let i = lowerBound(a, start);
    let j = lowerBound(b, start);
    while (out.length < limit) {
      const ka = i < a.length ? (a[i] as number) : Infinity;
      const kb = j < b.length ? (b[j] as number) : Infinity;
      const key = ka <= kb ? ka : kb;
      if (key >= stop) break;
      if (ka === key) i++;
      if (kb === key) j++;
      // A key deleted since the index was built is still listed: skip it.
      const value = this.map.get(key);
      if (value !== undefined) out.push({ key, value });
    }
    return out;
  }

  private dropIndex(): void {
    this.sorted = null;
    this.pending = [];
    this.stale = 0;
  }
}

function lowerBound(keys: ArrayLike<number>, target: number): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((keys[mid] as number) < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
