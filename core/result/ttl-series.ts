// A TTL state's figures over time: a backend's interval sample (EngineSample, the time series'
// `engine` record) carries them under keys `ttl.<state>.<figure>`, and the reports read them back
// from the document. One definition of the keys for both sides.

/**
 * - stored: the state's entries a read could still reach (a pass over the state);
 * - expired: of those, entries whose stamp + TTL is not after the workload's time: expired but
 *   still stored (Flink would drop them on read; a cleanup has not reached them yet);
 * - sstBytes: bytes of the state's SST files (lsm: its column family), what a filter gives back;
 * - filterDrops: entries the state's TTL compaction filter dropped since open (lsm);
 * - cleaned: entries the heap's incremental cleanup removed since open.
 */
export const TTL_FIGURES = ['stored', 'expired', 'sstBytes', 'filterDrops', 'cleaned'] as const;
export type TtlFigure = (typeof TTL_FIGURES)[number];

const PREFIX = 'ttl.';

export function ttlSampleKey(state: string, figure: TtlFigure): string {
  return `${PREFIX}${state}.${figure}`;
}

/** The state and figure of a sample key, or null when it is not a TTL key. */
export function parseTtlSampleKey(key: string): { state: string; figure: TtlFigure } | null {
  if (!key.startsWith(PREFIX)) return null;
  const dot = key.lastIndexOf('.');
  const figure = key.slice(dot + 1);
  if (dot <= PREFIX.length || !(TTL_FIGURES as readonly string[]).includes(figure)) return null;
  return { state: key.slice(PREFIX.length, dot), figure: figure as TtlFigure };
}
