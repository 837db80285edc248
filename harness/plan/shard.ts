// --shard i/N: a deterministic share of a plan's cells, numbered from 1 as vitest, jest and
// playwright number theirs (--shard 1/4 ... 4/4, what a CI matrix of [1, 2, 3, 4] passes).
// Cell k of the whole plan (0-based, in the plan's seeded order) belongs to shard (k mod N) + 1,
// so every shard gets an even share of every configuration's repeats, and the N shards together
// are the whole plan, each cell exactly once. --shard auto reads i and N from the CI's own
// variables (shard-auto.ts).

import { UsageError } from '../../core/errors.js';
import { shardFromEnvironment, type Environment } from './shard-auto.js';

export interface ShardSpec {
  /** 1-based: 1 ... count. */
  readonly index: number;
  readonly count: number;
}

/** "i/N" with 1 <= i <= N (--shard 1/4 ... 4/4), or "auto" / "auto/N" from the CI's variables in `env`. */
export function parseShard(raw: string | undefined, env: Environment = process.env): ShardSpec | null {
  if (raw === undefined) return null;
  const auto = /^\s*auto\s*(?:\/\s*(\S+)\s*)?$/i.exec(String(raw));
  if (auto) return shardFromEnvironment(auto[1], env);
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(String(raw));
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || !(count >= 1) || !(index >= 1 && index <= count)) {
    const range = count >= 1 ? `1/${count} ... ${count}/${count}` : '1/N ... N/N';
    throw new UsageError(
      `--shard: '${raw}' is not valid; expected i/N with 1 <= i <= N, numbered from 1 as vitest and jest number shards, or auto (auto/N in a Kubernetes Indexed Job) (here: ${range})`,
    );
  }
  return { index, count };
}

export function inShard(position: number, shard: ShardSpec | null | undefined): boolean {
  return !shard || position % shard.count === shard.index - 1;
}

export function selectShard<T>(cells: readonly T[], shard: ShardSpec | null | undefined): T[] {
  return cells.filter((_, k) => inShard(k, shard));
}
