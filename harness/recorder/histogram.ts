// HDR histograms of operation latencies, recorded in nanoseconds (sub-microsecond operations of
// the heap need that resolution) and reported in microseconds.

import * as hdr from 'hdr-histogram-js';
import type { Histogram } from 'hdr-histogram-js';
import type { LatencyUs } from '../../core/result/schema.js';
import { round3 } from '../../core/numbers.js';

/** An hour in nanoseconds: anything slower is clamped (and would be a failed run anyway). */
export const HIGHEST_TRACKABLE_NS = 3_600_000_000_000;

export function createHistogram(): Histogram {
  return hdr.build({
    bitBucketSize: 32,
    autoResize: false,
    lowestDiscernibleValue: 1,
    highestTrackableValue: HIGHEST_TRACKABLE_NS,
    numberOfSignificantValueDigits: 3,
    useWebAssembly: false,
  });
}

/** The parts of hdr-histogram-js's JsHistogram that recordNs uses (public in JS, not in its types). */
interface JsHistogramParts {
  readonly unitMagnitude: number;
  readonly subBucketHalfCountMagnitude: number;
  readonly countsArrayLength: number;
  incrementCountAtIndex(index: number): void;
  updateMinAndMax(value: number): void;
  incrementTotalCount(): void;
}

// The layout createHistogram's settings give (3 significant digits: 2048 sub-buckets, unit 1 ns).
const HALF_MAGNITUDE = 10;
const parts = createHistogram() as unknown as JsHistogramParts;
export const FAST_RECORD = parts.unitMagnitude === 0 && parts.subBucketHalfCountMagnitude === HALF_MAGNITUDE && typeof parts.incrementCountAtIndex === 'function';

/**
 * Records an integer value (ns, >= 1) into a histogram made by createHistogram. Below 2^32 ns
 * (4.3 s) the counts index comes from bit arithmetic; hdr-histogram-js computes the same index
 * with Math.log2 and two Math.pow calls, which cost more than the clock readings around the op.
 */
export function recordNs(h: Histogram, v: number): void {
  if (FAST_RECORD && v < 4294967296) {
    const hp = h as unknown as JsHistogramParts;
    const bucket = Math.max(31 - Math.clz32(v) - HALF_MAGNITUDE, 0);
    hp.incrementCountAtIndex(((bucket + 1) << HALF_MAGNITUDE) + (v >>> bucket) - (1 << HALF_MAGNITUDE));
    hp.updateMinAndMax(v);
    hp.incrementTotalCount();
  } else {
    h.recordValue(v);
  }
}

export function summarise(h: Histogram): LatencyUs {
  if (h.totalCount === 0) {
    return { min: null, mean: null, p50: null, p90: null, p99: null, p999: null, p9999: null, max: null };
  }
  const us = (ns: number): number => round3(ns / 1000);
  return {
    min: us(h.minNonZeroValue),
    mean: us(h.mean),
    p50: us(h.getValueAtPercentile(50)),
    p90: us(h.getValueAtPercentile(90)),
    p99: us(h.getValueAtPercentile(99)),
    p999: us(h.getValueAtPercentile(99.9)),
    p9999: us(h.getValueAtPercentile(99.99)),
    max: us(h.maxValue),
  };
}

export function encodeHistogram(h: Histogram): string | null {
  return h.totalCount === 0 ? null : hdr.encodeIntoCompressedBase64(h);
}

export function decodeHistogram(encoded: string): Histogram {
  return hdr.decodeFromCompressedBase64(encoded, 32, false);
}

/**
 * Encoded histograms added into one (HDR histograms add losslessly): the one merge, for a
 * threaded cell's slots and a report's repeats. A missing histogram (null) adds nothing: the
 * recorder writes null exactly when it timed no operation of the kind (encodeHistogram), so a
 * slot or repeat that timed none leaves the others' histogram as it is. Throws on a string that
 * is not a histogram this tool wrote.
 */
export function mergeEncoded(encoded: readonly (string | null)[]): Histogram {
  const h = createHistogram();
  for (const e of encoded) if (e !== null) h.add(decodeHistogram(e));
  return h;
}
