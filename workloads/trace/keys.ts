// Key interning: every distinct key of a trace gets an id, its rank in byte order, so scans and
// locality keep their order. Decimal keys are 8-byte big-endian integers (so byte order is
// numeric order); 0x keys are their bytes. A trace of decimal keys only is held in a sorted
// Float64Array, 8 bytes per distinct key; byte keys in a sorted array of latin1 strings.

import type { TraceOp } from './format.js';

const FIRST_CAPACITY = 1 << 16;

/** A decimal key as the 8 bytes it stands for, one latin1 char per byte. */
function decimalBytes(n: number): string {
  const hi = Math.floor(n / 0x1_0000_0000);
  const lo = n >>> 0;
  return String.fromCharCode(hi >>> 24, (hi >>> 16) & 0xff, (hi >>> 8) & 0xff, hi & 0xff, lo >>> 24, (lo >>> 16) & 0xff, (lo >>> 8) & 0xff, lo & 0xff);
}

function sortUnique(a: Float64Array, n: number): number {
  const view = a.subarray(0, n).sort();
  let w = 0;
  for (let i = 0; i < n; i++) if (w === 0 || view[i] !== view[w - 1]) view[w++] = view[i] as number;
  return w;
}

/** Collects the distinct keys of a pass, then freezes them into a KeyIndex. */
export class KeyCollector {
  private nums = new Float64Array(FIRST_CAPACITY);
  private n = 0;
  private readonly bytes = new Set<string>();

  add(op: TraceOp): void {
    if (op.keyNum < 0) {
      this.bytes.add(op.keyBytes);
      return;
    }
    if (this.n === this.nums.length) {
      // Compact duplicates away first; grow only when the distinct keys fill half the array.
      this.n = sortUnique(this.nums, this.n);
      if (this.n * 2 > this.nums.length) {
        const bigger = new Float64Array(this.nums.length * 2);
        bigger.set(this.nums.subarray(0, this.n));
        this.nums = bigger;
      }
    }
    this.nums[this.n++] = op.keyNum;
  }

  finish(): KeyIndex {
    const n = sortUnique(this.nums, this.n);
    const nums = this.nums.slice(0, n);
    this.nums = new Float64Array(0);
    if (this.bytes.size === 0) return new KeyIndex(nums, null);
    const all = [...this.bytes];
    for (const k of nums) all.push(decimalBytes(k));
    this.bytes.clear();
    // One char per byte, each below 256: the default string order is byte order.
    all.sort();
    // A decimal key and a 0x key of the same 8 bytes are one key.
    let w = 0;
    for (const k of all) if (w === 0 || k !== all[w - 1]) all[w++] = k;
    all.length = w;
    return new KeyIndex(null, all);
  }
}

/** The distinct keys in byte order; a key's id is its rank. */
export class KeyIndex {
  readonly size: number;
  private readonly coarse: Float64Array | null;
  constructor(
    private readonly nums: Float64Array | null,
    private readonly strs: string[] | null,
  ) {
    this.size = nums ? nums.length : (strs as string[]).length;
    this.coarse = nums ? coarseIndex(nums) : null;
  }

  /** The bytes of every distinct key together (a decimal key is 8). */
  keyBytes(): number {
    if (this.nums) return 8 * this.nums.length;
    let total = 0;
    for (const s of this.strs as string[]) total += s.length;
    return total;
  }

  /** Bytes the index holds per distinct key: 8 (and 1/8 for the coarse index) for a decimal-only trace, else a pointer and the key's bytes (not counting a string's own header). */
  bytesPerKey(): number {
    if (this.nums) return 8 + 8 / BLOCK;
    return this.size === 0 ? 0 : 8 + this.keyBytes() / this.size;
  }

  idOf(op: TraceOp): number {
    if (this.nums) return searchNum(this.nums, this.coarse as Float64Array, op.keyNum);
    const strs = this.strs as string[];
    return searchIn(strs, op.keyNum < 0 ? op.keyBytes : decimalBytes(op.keyNum), 0, strs.length - 1);
  }
}

/** Keys per block of the coarse index: the first key of each block, searched first, stays in cache. */
const BLOCK = 64;

/** The first key of every BLOCK keys of a sorted array. */
function coarseIndex(a: Float64Array): Float64Array {
  const out = new Float64Array(Math.ceil(a.length / BLOCK));
  for (let i = 0; i < out.length; i++) out[i] = a[i * BLOCK] as number;
  return out;
}

/** The key's rank: the block whose first key is the last at or below it, then the block. */
function searchNum(a: Float64Array, coarse: Float64Array, x: number): number {
  let lo = 0;
  let hi = coarse.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if ((coarse[mid] as number) <= x) lo = mid;
    else hi = mid - 1;
  }
  return searchIn(a, x, lo * BLOCK, Math.min(a.length, lo * BLOCK + BLOCK) - 1);
}

/** The index of x in the sorted a[from..to] (numbers or one-char-per-byte strings, both ordered by <). */
function searchIn<T extends number | string>(a: ArrayLike<T>, x: T, from: number, to: number): number {
  let lo = from;
  let hi = to;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = a[mid] as T;
    if (v < x) lo = mid + 1;
    else if (v > x) hi = mid - 1;
    else return mid;
  }
  throw new Error('a key was not seen in the first pass');
}
