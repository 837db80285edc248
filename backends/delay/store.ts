// The delay backend's state: one map per namespace, with a sorted key index built when a scan
// needs it (dropped when the key set changes). Values are private copies.

import type { ScanEntry } from '../types.js';

export class NamespaceStore {
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
    if (this.sorted === null) this.sorted = Float64Array.from(this.map.keys()).sort();
    const keys = this.sorted;
    let lo = 0;
    let hi = keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((keys[mid] as number) < start) lo = mid + 1;
      else hi = mid;
    }
    const out: ScanEntry[] = [];
    for (let i = lo; i < keys.length && out.length < limit; i++) {
      const key = keys[i] as number;
      if (end !== undefined && key >= end) break;
      out.push({ key, value: this.map.get(key) as Uint8Array });
    }
    return out;
  }
}
