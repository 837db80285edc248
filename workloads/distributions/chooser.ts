// The key chooser interface: every request distribution draws key ids in [0, count).

export interface KeyChooser {
  /** The next key id, in [0, count). */
  next(): number;
  /** The key space grew to `newCount` keys (inserts); skewed choosers update incrementally. */
  grow?(newCount: number): void;
}

/** Settings some distributions take (YCSB's property names in the comments). */
export interface ChooserOptions {
  /** hotspot: fraction of keys in the hot set (hotspotdatafraction, default 0.2). */
  readonly hotsetFraction?: number;
  /** hotspot: fraction of operations that go to the hot set (hotspotopnfraction, default 0.8). */
  readonly hotOpnFraction?: number;
  /** exponential: this percentile of draws falls within `exponentialFrac` of the keys (default 95). */
  readonly exponentialPercentile?: number;
  /** exponential: fraction of the key space holding that percentile (default 0.8571428571). */
  readonly exponentialFrac?: number;
  /**
   * scrambled-zipfian: the key space it hashes into, at least the record count. Keys above the
   * current count are redrawn, so the hot set stays put while inserts grow the space (YCSB sizes
   * it as records + 2 x expected inserts).
   */
  readonly capacity?: number;
}

export const CHOOSER_DEFAULTS = {
  hotsetFraction: 0.2,
  hotOpnFraction: 0.8,
  exponentialPercentile: 95,
  exponentialFrac: 0.8571428571,
} as const;
