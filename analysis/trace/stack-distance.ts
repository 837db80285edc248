// LRU stack distances (Mattson et al., 1970): an access's distance is the number of distinct
// keys touched since the same key's previous access; an LRU cache of C keys hits exactly the
// accesses of distance below C, so one pass gives the miss ratio at every size. Counted exactly
// with a Fenwick tree over access times (each key marked at its latest access), or, for traces
// too long for that, on the keys SHARDS samples (Waldspurger et al., FAST 2015: a key is kept
// when its hash falls under rate R; distances are scaled by 1/R).

import { hash32 } from '../../workloads/distributions/hash.js';

/** Where exact counting ends and SHARDS begins: the tree takes 4 bytes per counted access. */
export interface SamplingOptions {
  /** Traces up to this many accesses are counted exactly (default 16 M: a 64 MB tree). */
  readonly exactMaxAccesses: number;
  /** The accesses SHARDS aims to count in a longer trace (default 4 M). */
  readonly sampledAccesses: number;
}

const DEFAULT_SAMPLING: SamplingOptions = { exactMaxAccesses: 16_000_000, sampledAccesses: 4_000_000 };

export interface StackDistances {
  readonly method: 'exact' | 'shards';
  /** The sampling rate: 1 when exact. */
  readonly rate: number;
  readonly accesses: number;
  /** Accesses counted (the sampled ones under SHARDS). */
  readonly counted: number;
  /** First accesses of a key (misses at every size), as counted. */
  readonly cold: number;
  /** Counted accesses by distance (distances as counted: multiply by 1/rate for keys). */
  readonly histogram: Float64Array;
}

export class StackDistanceCounter {
  readonly method: 'exact' | 'shards';
  readonly rate: number;
  /** Keys hashed to 32 bits are kept when below this. */
  private readonly threshold: number;
  private readonly last: Int32Array;
  private tree: Int32Array;
  private readonly histogram: Float64Array;
  private t = 0;
  private accesses = 0;
  private cold = 0;

  constructor(distinctKeys: number, accesses: number, sampling: Partial<SamplingOptions> = {}) {
    const o = { ...DEFAULT_SAMPLING, ...sampling };
    this.method = accesses <= o.exactMaxAccesses ? 'exact' : 'shards';
    // A power-of-two rate, so the threshold is exact on 32-bit hashes.
    this.rate = this.method === 'exact' ? 1 : Math.pow(2, -Math.ceil(Math.log2(accesses / o.sampledAccesses)));
    this.threshold = this.rate * 0x1_0000_0000;
    this.last = new Int32Array(distinctKeys).fill(-1);
    this.tree = new Int32Array(Math.ceil(Math.min(accesses, (accesses * this.rate) * 1.5 + 1024)) + 1);
    this.histogram = new Float64Array(distinctKeys + 1);
  }

  add(key: number): void {
    this.accesses++;
    if (this.method === 'shards' && hash32(key) >= this.threshold) return;
    const t = this.t++;
    if (t + 1 >= this.tree.length) this.grow();
    const prev = this.last[key] as number;
    if (prev < 0) this.cold++;
    else {
      const d = this.prefix(t) - this.prefix(prev + 1);
      this.histogram[d] = (this.histogram[d] as number) + 1;
      this.mark(prev, -1);
    }
    this.mark(t, 1);
    this.last[key] = t;
  }

  finish(): StackDistances {
    return { method: this.method, rate: this.rate, accesses: this.accesses, counted: this.t, cold: this.cold, histogram: this.histogram };
  }

  /** Marked positions in [0, end). */
  private prefix(end: number): number {
    let s = 0;
    for (let i = end; i > 0; i -= i & -i) s += this.tree[i] as number;
    return s;
  }

  private mark(pos: number, delta: number): void {
    for (let i = pos + 1; i < this.tree.length; i += i & -i) this.tree[i] = (this.tree[i] as number) + delta;
  }

  /** More sampled accesses than planned: rebuild a tree twice as long from the marks. */
  private grow(): void {
    const size = (this.tree.length - 1) * 2;
    const marks = new Int32Array(size + 1);
    for (const pos of this.last) if (pos >= 0) marks[pos + 1] = 1;
    for (let i = 1; i <= size; i++) {
      const j = i + (i & -i);
      if (j <= size) marks[j] = (marks[j] as number) + (marks[i] as number);
    }
    this.tree = marks;
  }
}

export interface MissRatioPoint {
  /** Cache size in keys. */
  readonly keys: number;
  readonly missRatio: number;
}

/**
 * The LRU miss ratio at each cache size (in keys): cold accesses and those of distance >= size,
 * over all counted. Under SHARDS, over the accesses the rate expects, the surplus or shortfall
 * of the sample counted as hits at the smallest distance (SHARDS-adj: a hot key sampled or not
 * moves the sample's size, and the paper's correction puts that difference in the first bucket).
 */
export function missRatioCurve(d: StackDistances, sizes: readonly number[]): MissRatioPoint[] {
  const expected = d.accesses * d.rate;
  const surplus = d.method === 'shards' ? expected - d.counted : 0;
  const total = d.counted + surplus;
  // Counted distance c stands for c / rate keys; it hits a cache of C keys when c / rate < C.
  const cumulative = new Float64Array(d.histogram.length + 1);
  for (let i = 0; i < d.histogram.length; i++) cumulative[i + 1] = (cumulative[i] as number) + (d.histogram[i] as number);
  return sizes.map((keys) => {
    // Under SHARDS a counted distance spans 1/rate keys: the part of its bucket below the size counts.
    const x = Math.min(d.histogram.length, keys * d.rate);
    const whole = Math.floor(x);
    const hits = (cumulative[whole] as number) + (x - whole) * (d.histogram[whole] ?? 0);
    return { keys, missRatio: total <= 0 ? 0 : Math.min(1, Math.max(0, 1 - (hits + surplus) / total)) };
  });
}

/** Cache sizes to show: powers of two up to the distinct keys, and the distinct keys. */
export function curveSizes(distinctKeys: number): number[] {
  const sizes: number[] = [];
  for (let s = 1; s < distinctKeys; s *= 2) sizes.push(s);
  sizes.push(distinctKeys);
  return sizes;
}

/** A stack-distance percentile (keys) among the reuses (cold accesses left out); null when nothing was reused. */
export function distancePercentile(d: StackDistances, p: number): number | null {
  const reuses = d.counted - d.cold;
  if (reuses <= 0) return null;
  const want = p * reuses;
  let acc = 0;
  for (let i = 0; i < d.histogram.length; i++) {
    acc += d.histogram[i] as number;
    if (acc >= want) return i / d.rate;
  }
  return (d.histogram.length - 1) / d.rate;
}
