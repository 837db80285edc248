// How warm a phase ran: the block cache's hit ratio in its first and its last interval, from the
// cumulative hit and miss counters the engine's interval sample carries (blockCacheHits,
// blockCacheMisses). A cache still filling shows a start well below its end.

import type { EngineSample } from '../../backends/types.js';

export interface Warmth {
  readonly startHitRatio: number | null;
  readonly endHitRatio: number | null;
}

type Counters = { readonly hits: number; readonly misses: number };

function counters(s: EngineSample | undefined): Counters | null {
  const hits = s?.blockCacheHits;
  const misses = s?.blockCacheMisses;
  return typeof hits === 'number' && typeof misses === 'number' ? { hits, misses } : null;
}

interface Window {
  readonly lookups: number;
  readonly hits: number;
}

/**
 * @param atStart the engine sample taken just before the phase
 * @param series the phase's interval samples, in order (the last closes the phase)
 */
export function cacheWarmth(atStart: EngineSample | undefined, series: readonly EngineSample[]): Warmth | null {
  const points = [counters(atStart), ...series.map(counters)];
  if (points.some((p) => p === null) || points.length < 2) return null;
  const windows: Window[] = [];
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1] as Counters;
    const b = points[i] as Counters;
    windows.push({ lookups: b.hits - a.hits + (b.misses - a.misses), hits: b.hits - a.hits });
  }
  // The phase's last interval can be a sliver (the deadline just after a boundary): windows with
  // under a quarter of the busiest window's lookups say little and are passed over.
  const busiest = Math.max(...windows.map((w) => w.lookups));
  const full = windows.filter((w) => w.lookups > 0 && w.lookups >= busiest / 4);
  const first = full[0];
  const last = full[full.length - 1];
  if (!first || !last) return null;
  return { startHitRatio: first.hits / first.lookups, endHitRatio: last.hits / last.lookups };
}
