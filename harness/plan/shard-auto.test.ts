// --shard auto under each CI's own variables selects the very cells --shard i/N selects, from a
// real plan; auto/N for a Kubernetes Indexed Job; one line naming the flag when nothing is found.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { resolveRunOptions } from '../run-command/resolve-options.js';
import { buildPlan } from './run-cells.js';
import { selectCells } from './selection.js';
import { parseShard } from './shard.js';

const ALL_VARIABLES = ['CI_NODE_INDEX', 'CI_NODE_TOTAL', 'CIRCLE_NODE_INDEX', 'CIRCLE_NODE_TOTAL', 'BUILDKITE_PARALLEL_JOB', 'BUILDKITE_PARALLEL_JOB_COUNT', 'JOB_COMPLETION_INDEX'];

/** Each CI's variables for shard i of N (1-based), and the --shard value it takes. */
const CIS: readonly { name: string; shard: string; env: (i: number, n: number) => Record<string, string> }[] = [
  { name: 'GitLab parallel:', shard: 'auto', env: (i, n) => ({ CI_NODE_INDEX: String(i), CI_NODE_TOTAL: String(n) }) },
  { name: 'CircleCI parallelism', shard: 'auto', env: (i, n) => ({ CIRCLE_NODE_INDEX: String(i - 1), CIRCLE_NODE_TOTAL: String(n) }) },
  { name: 'Buildkite parallelism', shard: 'auto', env: (i, n) => ({ BUILDKITE_PARALLEL_JOB: String(i - 1), BUILDKITE_PARALLEL_JOB_COUNT: String(n) }) },
  { name: 'a Kubernetes Indexed Job', shard: 'auto/3', env: (i) => ({ JOB_COMPLETION_INDEX: String(i - 1) }) },
];

afterEach(() => {
  vi.unstubAllEnvs();
});

async function shardCells(shard: string, env: Record<string, string>): Promise<string[]> {
  for (const name of ALL_VARIABLES) vi.stubEnv(name, env[name]);
  const options = await resolveRunOptions({ backend: ['heap'], workload: ['ycsb-a', 'value-state'], set: ['heap.valueMode=bytes,object'], records: '1k', ops: '1000', repeat: '2', shard });
  return selectCells(await buildPlan(options), options).actions.map((a) => a.cell.id);
}

describe('--shard auto', () => {
  it.each(CIS)('under $name selects the same cells as --shard i/3, for every i', async ({ shard, env }) => {
    const seen: string[] = [];
    for (const i of [1, 2, 3]) {
      const explicit = await shardCells(`${i}/3`, {});
      expect(explicit.length).toBeGreaterThan(0);
      expect(await shardCells(shard, env(i, 3))).toEqual(explicit);
      seen.push(...explicit);
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.sort()).toEqual((await shardCells('1/1', {})).sort());
  });

  it('reads each CI numbered as it numbers its jobs', () => {
    expect(parseShard('auto', { CI_NODE_INDEX: '4', CI_NODE_TOTAL: '4' })).toEqual({ index: 4, count: 4 });
    expect(parseShard('auto', { CIRCLE_NODE_INDEX: '0', CIRCLE_NODE_TOTAL: '1' })).toEqual({ index: 1, count: 1 });
    expect(parseShard('auto', { BUILDKITE_PARALLEL_JOB: '3', BUILDKITE_PARALLEL_JOB_COUNT: '4' })).toEqual({ index: 4, count: 4 });
    expect(parseShard('AUTO/8', { JOB_COMPLETION_INDEX: '7' })).toEqual({ index: 8, count: 8 });
    expect(parseShard('auto/4', { CI_NODE_INDEX: '2', CI_NODE_TOTAL: '4' })).toEqual({ index: 2, count: 4 });
  });

  it('says in one line what it looked for when no CI variable is set, and names a variable out of range', () => {
    expect(() => parseShard('auto', {})).toThrow(
      /^--shard auto: no CI shard variables found; expected CI_NODE_INDEX and CI_NODE_TOTAL \(GitLab parallel:\), CIRCLE_NODE_INDEX and CIRCLE_NODE_TOTAL \(CircleCI\), BUILDKITE_PARALLEL_JOB and BUILDKITE_PARALLEL_JOB_COUNT \(Buildkite\), or JOB_COMPLETION_INDEX with --shard auto\/N \(Kubernetes Indexed Job\), or give --shard i\/N$/,
    );
    expect(() => parseShard('auto', { JOB_COMPLETION_INDEX: '0' })).toThrow(/^--shard auto: JOB_COMPLETION_INDEX is set \(a Kubernetes Indexed Job\) but no count is; use --shard auto\/N/);
    expect(() => parseShard('auto/3', { JOB_COMPLETION_INDEX: '3' })).toThrow(/^--shard auto\/3: JOB_COMPLETION_INDEX=3 names shard 4 of 3; expected 1 \.\.\. 3$/);
    expect(() => parseShard('auto', { CI_NODE_INDEX: '0', CI_NODE_TOTAL: '2' })).toThrow(/^--shard auto: CI_NODE_INDEX='0' is not valid; expected a whole number >= 1$/);
    expect(() => parseShard('auto/3', { CI_NODE_INDEX: '1', CI_NODE_TOTAL: '2' })).toThrow(/^--shard auto\/3: GitLab runs 2 parallel jobs \(CI_NODE_TOTAL=2\), not 3$/);
    expect(() => parseShard('auto/x', { JOB_COMPLETION_INDEX: '0' })).toThrow(/^--shard auto\/x: N='x' is not valid/);
  });
});
