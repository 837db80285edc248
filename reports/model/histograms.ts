// The HDR histograms a result document carries (nanoseconds, compressed, base64), merged so that
// repeats of one configuration combine losslessly rather than by averaging percentiles.

import type { Histogram } from 'hdr-histogram-js';
import { mergeEncoded } from '../../harness/recorder/histogram.js';

/**
 * The recorder's merge (a missing histogram adds nothing); null when none of them timed an
 * operation, or when one is not a histogram this tool wrote (a damaged or foreign document).
 */
export function mergeReadable(encoded: readonly (string | null)[]): Histogram | null {
  try {
    const merged = mergeEncoded(encoded);
    return merged.totalCount > 0 ? merged : null;
  } catch {
    return null;
  }
}
