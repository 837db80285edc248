// The median, one definition for every figure statebench summarises (repeats, intervals,
// rounds of a bench script): the middle value, or the mean of the two middle values of an even count.

/** The median of the finite numbers among `values` (null, undefined, NaN and ±Infinity are skipped; any order); null when none is left. */
export function median(values: readonly (number | null | undefined)[]): number | null {
  const xs = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b);
  return xs.length === 0 ? null : sortedMedian(xs);
}

/** The median of numbers already sorted ascending, at least one: for callers that keep the sorted array (min, max, ranks). */
export function sortedMedian(sorted: readonly number[]): number {
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}
