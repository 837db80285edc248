// The restore phase: open the backend on its last checkpoint (timed: that is the restore), then
// check that the restored state holds the keys and values the live state held when the
// checkpoint was taken (summaries compared per namespace).

import type { Backend, OpenContext, ResolvedKnobs } from '../../backends/types.js';
import { now } from '../recorder/clock.js';
import type { RestoreResult } from '../../core/result/schema.js';
import type { FlinkStates } from '../../workloads/types.js';
import { summariseState, type NamespaceSummary } from './state-summary.js';
import { round3 } from '../../core/numbers.js';

export interface RestoreInput {
  readonly backend: Backend;
  readonly knobs: ResolvedKnobs;
  readonly ctx: OpenContext;
  readonly checkpointDir: string;
  readonly checkpointTMs: number;
  /** The live state's summary at the checkpoint. */
  readonly expected: readonly NamespaceSummary[];
  /** Time already spent summarising the live state. */
  readonly expectedMs: number;
  /** The workload's states in Flink's layout, summarised through their handles; absent: the plain layout. */
  readonly states?: FlinkStates | null;
  /** The workload's time at the checkpoint: TTL states' expired entries left out of both sides (state-summary.ts). */
  readonly tick?: number | null;
}

export async function restoreAndCheck(o: RestoreInput): Promise<RestoreResult> {
  const t0 = now();
  const restored = await o.backend.open(o.checkpointDir, o.knobs, o.ctx);
  const openMs = now() - t0;
  try {
    const c0 = now();
    const got = summariseState(
      restored,
      o.expected.map((s) => s.ns),
      o.states ?? null,
      o.tick ?? null,
    );
    const checkMs = now() - c0 + o.expectedMs;
    return compareSummaries(o.expected, got, { checkpointTMs: o.checkpointTMs, openMs, checkMs });
  } finally {
    await restored.close();
  }
}

export function compareSummaries(
  expected: readonly NamespaceSummary[],
  got: readonly NamespaceSummary[],
  times: { checkpointTMs: number; openMs: number; checkMs: number },
): RestoreResult {
  let mismatched = 0;
  for (let i = 0; i < expected.length; i++) {
    const e = expected[i] as NamespaceSummary;
    const g = got[i];
    if (!g || g.ns !== e.ns || g.keys !== e.keys || g.digest !== e.digest) mismatched++;
  }
  return {
    checkpointTMs: times.checkpointTMs,
    openMs: round3(times.openMs),
    namespaces: expected.length,
    expectedKeys: sum(expected),
    restoredKeys: sum(got),
    mismatchedNamespaces: mismatched,
    ok: mismatched === 0,
    checkMs: round3(times.checkMs),
  };
}

function sum(s: readonly NamespaceSummary[]): number {
  return s.reduce((a, x) => a + x.keys, 0);
}
