// --shard auto: the shard from the CI's own variables, so one job definition serves every
// parallel copy. GitLab `parallel:` numbers its jobs from 1 (CI_NODE_INDEX, CI_NODE_TOTAL);
// CircleCI `parallelism` (CIRCLE_NODE_INDEX, CIRCLE_NODE_TOTAL) and Buildkite `parallelism`
// (BUILDKITE_PARALLEL_JOB, BUILDKITE_PARALLEL_JOB_COUNT) from 0; a Kubernetes Indexed Job gives
// each pod JOB_COMPLETION_INDEX, from 0, but not the count: `--shard auto/N` names it.

import { UsageError } from '../../core/errors.js';

/** A shard numbered from 1, as shard.ts's ShardSpec (not imported: shard.ts imports this file). */
interface Shard {
  readonly index: number;
  readonly count: number;
}

interface CiShardVariables {
  readonly ci: string;
  readonly index: string;
  readonly total: string;
  /** 0 or 1: the number of the first job. */
  readonly base: 0 | 1;
}

const CI_VARIABLES: readonly CiShardVariables[] = [
  { ci: 'GitLab', index: 'CI_NODE_INDEX', total: 'CI_NODE_TOTAL', base: 1 },
  { ci: 'CircleCI', index: 'CIRCLE_NODE_INDEX', total: 'CIRCLE_NODE_TOTAL', base: 0 },
  { ci: 'Buildkite', index: 'BUILDKITE_PARALLEL_JOB', total: 'BUILDKITE_PARALLEL_JOB_COUNT', base: 0 },
];

const K8S_INDEX = 'JOB_COMPLETION_INDEX';

const NONE_FOUND =
  `no CI shard variables found; expected CI_NODE_INDEX and CI_NODE_TOTAL (GitLab parallel:), CIRCLE_NODE_INDEX and CIRCLE_NODE_TOTAL (CircleCI), ` +
  `BUILDKITE_PARALLEL_JOB and BUILDKITE_PARALLEL_JOB_COUNT (Buildkite), or ${K8S_INDEX} with --shard auto/N (Kubernetes Indexed Job), or give --shard i/N`;

function whole(flag: string, name: string, raw: string, min: number): number {
  if (!/^\s*\d+\s*$/.test(raw) || Number(raw) < min) throw new UsageError(`${flag}: ${name}='${raw}' is not valid; expected a whole number >= ${min}`);
  return Number(raw);
}

function spec(flag: string, index: number, count: number, what: string): Shard {
  if (index < 1 || index > count) throw new UsageError(`${flag}: ${what} names shard ${index} of ${count}; expected 1 ... ${count}`);
  return { index, count };
}

/** `countText`: the N of auto/N, or undefined for plain auto. */
/** The process's environment variables (a plain record, so the API's types need no Node typings). */
export type Environment = Readonly<Record<string, string | undefined>>;

export function shardFromEnvironment(countText: string | undefined, env: Environment): Shard {
  const flag = `--shard auto${countText !== undefined ? `/${countText}` : ''}`;
  const count = countText !== undefined ? whole(flag, 'N', countText, 1) : null;
  const k8s = env[K8S_INDEX];
  if (k8s !== undefined && k8s !== '') {
    if (count === null) throw new UsageError(`--shard auto: ${K8S_INDEX} is set (a Kubernetes Indexed Job) but no count is; use --shard auto/N with N the Job's completions`);
    const index = whole(flag, K8S_INDEX, k8s, 0);
    return spec(flag, index + 1, count, `${K8S_INDEX}=${k8s}`);
  }
  for (const v of CI_VARIABLES) {
    const rawIndex = env[v.index];
    const rawTotal = env[v.total];
    if (rawIndex === undefined || rawIndex === '' || rawTotal === undefined || rawTotal === '') continue;
    const index = whole(flag, v.index, rawIndex, v.base) + (1 - v.base);
    const total = whole(flag, v.total, rawTotal, 1);
    if (count !== null && count !== total) throw new UsageError(`${flag}: ${v.ci} runs ${total} parallel jobs (${v.total}=${rawTotal}), not ${count}`);
    return spec(flag, index, total, `${v.ci}'s ${v.index}=${rawIndex}`);
  }
  throw new UsageError(`${flag}: ${NONE_FOUND}`);
}
