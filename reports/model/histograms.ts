// Decoding and merging the HDR histograms a result document carries (nanoseconds, compressed,
// base64), so repeats of one configuration combine losslessly rather than by averaging percentiles.

import * as hdr from 'hdr-histogram-js';
import type { Histogram } from 'hdr-histogram-js';

// Must match how the recorder builds its histograms (harness/recorder/histogram.ts).
const BIT_BUCKET_SIZE = 32;
const HIGHEST_TRACKABLE_NS = 3_600_000_000_000;

export function emptyHistogram(): Histogram {
  return hdr.build({
    bitBucketSize: BIT_BUCKET_SIZE,
    autoResize: false,
    lowestDiscernibleValue: 1,
    highestTrackableValue: HIGHEST_TRACKABLE_NS,
    numberOfSignificantValueDigits: 3,
    useWebAssembly: false,
  });
}

/** Null when the string is not a histogram this tool wrote (a damaged or foreign document). */
export function decodeHistogram(encoded: string): Histogram | null {
  try {
    return hdr.decodeFromCompressedBase64(encoded, BIT_BUCKET_SIZE, false);
  } catch {
    return null;
  }
}

/** Merges encoded histograms; null when any of them is missing or unreadable. */
export function mergeEncoded(encoded: readonly (string | null)[]): Histogram | null {
  if (encoded.length === 0) return null;
  const merged = emptyHistogram();
  for (const e of encoded) {
    if (e === null) return null;
    const h = decodeHistogram(e);
    if (h === null) return null;
    merged.add(h);
  }
  return merged.totalCount > 0 ? merged : null;
}
