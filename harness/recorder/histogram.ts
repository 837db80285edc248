// HDR histograms of operation latencies, recorded in nanoseconds (sub-microsecond operations of
// the heap need that resolution) and reported in microseconds.

import * as hdr from 'hdr-histogram-js';
import type { Histogram } from 'hdr-histogram-js';
import type { LatencyUs } from '../result/schema.js';

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

const round3 = (x: number): number => Math.round(x * 1000) / 1000;

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
