// Decoding and merging the HDR histograms a result document carries (nanoseconds, compressed,
// base64), so repeats of one configuration combine losslessly rather than by averaging percentiles.

import type { Histogram } from 'hdr-histogram-js';
import { createHistogram, decodeHistogram as decodeRecorded } from '../../harness/recorder/histogram.js';

/** Null when the string is not a histogram this tool wrote (a damaged or foreign document). */
export function decodeHistogram(encoded: string): Histogram | null {
  try {
    return decodeRecorded(encoded);
  } catch {
    return null;
  }
}

/** Merges encoded histograms; null when any of them is missing or unreadable. */
export function mergeEncoded(encoded: readonly (string | null)[]): Histogram | null {
  if (encoded.length === 0) return null;
  const merged = createHistogram();
  for (const e of encoded) {
    if (e === null) return null;
    const h = decodeHistogram(e);
    if (h === null) return null;
    merged.add(h);
  }
  return merged.totalCount > 0 ? merged : null;
}
