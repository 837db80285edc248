// --shard i/N: a deterministic share of a plan's cells. Cell k of the whole plan (in the plan's
// seeded order) belongs to shard k mod N, so every shard gets an even share of every
// configuration's repeats, and the N shards together are the whole plan, each cell exactly once.

import { UsageError } from '../../core/errors.js';

export interface ShardSpec {
  /** 0-based. */
  readonly index: number;
  readonly count: number;
}

/** "i/N" with 0 <= i < N (0-based, as CI matrices count: --shard 0/4 ... 3/4). */
export function parseShard(raw: string | undefined): ShardSpec | null {
  if (raw === undefined) return null;
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(String(raw));
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || !(count >= 1) || !(index < count)) {
    throw new UsageError(`--shard: '${raw}' is not valid; expected i/N with 0 <= i < N, e.g. --shard 0/4`);
  }
  return { index, count };
}

export function inShard(position: number, shard: ShardSpec | null | undefined): boolean {
  return !shard || position % shard.count === shard.index;
}

export function selectShard<T>(cells: readonly T[], shard: ShardSpec | null | undefined): T[] {
  return cells.filter((_, k) => inShard(k, shard));
}
