// One round: a writer child writes until the parent kills it with SIGKILL at a seeded random
// moment; a checker child then reopens the data and counts the acknowledged writes that are gone.
// Both are jobs of the one spawn module (exec/spawn.ts); the writer's acknowledgements come on its
// extra pipe (durability-child/spec.ts ACK_FD says why not over IPC).

import type { ResolvedKnobs } from '../../backends/types.js';
import { lastLine, spawnJob, type ChildEnd } from '../exec/spawn.js';
import { round3 } from '../../core/numbers.js';

export interface RoundSettings {
  readonly backend: string;
  readonly knobs: ResolvedKnobs;
  readonly dir: string;
  readonly killAfterMs: number;
  readonly keySize: number;
  readonly valueSize: number;
  readonly checkpointIntervalMs: number;
  readonly maxInFlight: number;
  readonly maxWrites: number;
  readonly readyTimeoutMs: number;
}

export interface RoundResult {
  readonly killAfterMs: number;
  readonly acknowledged: number;
  readonly lost: number;
  readonly firstLost: number | null;
  readonly unacknowledgedPresent: number;
  /** Heap: writes the checkpoint on disk at the kill held (the last completed one, or one the
   *  kill interrupted after it was renamed into place). */
  readonly checkpointed: number | null;
  readonly reopenMs: number | null;
  /** The writer failed before the kill, or the reopen failed. */
  readonly error: string | null;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** ': the crash message' or ': the last stderr line', or nothing. */
function why(end: ChildEnd): string {
  const detail = end.crash ?? lastLine(end.stderrTail);
  return detail ? `: ${detail}` : '';
}

export async function runRound(s: RoundSettings): Promise<RoundResult> {
  let saidReady = (): void => undefined;
  const ready = new Promise<void>((r) => (saidReady = r));
  const writer = spawnJob(
    {
      kind: 'durability-writer',
      spec: {
        backend: s.backend,
        knobs: s.knobs,
        dir: s.dir,
        keySize: s.keySize,
        valueSize: s.valueSize,
        checkpointIntervalMs: s.checkpointIntervalMs,
        maxInFlight: s.maxInFlight,
        maxWrites: s.maxWrites,
      },
    },
    { onAck: (line) => line === 'ready' && saidReady() },
  );
  const notReady = await firstOf(ready, writer.outcome, s.readyTimeoutMs);
  if (notReady !== null) {
    writer.kill();
    const w = await writer.outcome;
    const what = notReady === 'timeout' ? `did not say 'ready' within ${s.readyTimeoutMs} ms` : `ended before saying 'ready'`;
    return failed(s, `writer: the child ${what}${why(w)}`);
  }
  await sleep(s.killAfterMs);
  writer.kill();
  const w = await writer.outcome;
  if (w.signal !== 'SIGKILL') return failed(s, `writer ended before the kill (code ${w.code})${why(w)}`);
  const acknowledged = lastNumber(w.acks, 'a ');

  const checker = spawnJob({ kind: 'durability-checker', spec: { backend: s.backend, knobs: s.knobs, dir: s.dir, keySize: s.keySize, acknowledged } });
  const c = await checker.outcome;
  if (c.status !== 'done') return { ...failed(s, `check: ended without a report${why(c)}`), acknowledged, lost: acknowledged };
  const report = c.result;
  const checkpointed = s.checkpointIntervalMs > 0 ? checkpointOnDisk(w.acks, acknowledged, report.lost) : null;
  return {
    killAfterMs: s.killAfterMs,
    acknowledged,
    lost: report.lost,
    firstLost: report.firstLost,
    unacknowledgedPresent: report.unacknowledgedPresent,
    checkpointed,
    reopenMs: report.error ? null : round3(report.openMs),
    error: report.error ? `reopen: ${report.error}` : null,
  };
}

/** null once `ready` resolves; 'ended' if the child ends first, 'timeout' after `ms`. */
async function firstOf(ready: Promise<void>, ended: Promise<unknown>, ms: number): Promise<'ended' | 'timeout' | null> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((r) => (timer = setTimeout(() => r('timeout'), ms)));
  try {
    return await Promise.race([ready.then(() => null), ended.then(() => 'ended' as const), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Writes held by the checkpoint on disk at the kill, from the writer's lines (`p N` as a
 * checkpoint begins, `c N` once it is on disk). A kill inside a checkpoint leaves the previous
 * one or the new one (the heap's is renamed into place, all or nothing): the new one when the
 * reopened state lost only what came after it.
 */
export function checkpointOnDisk(lines: readonly string[], acknowledged: number, lost: number): number {
  const completed = lastNumber(lines, 'c ');
  const begun = lastNumber(lines, 'p ');
  return begun > completed && lost === acknowledged - begun ? begun : completed;
}

function lastNumber(lines: readonly string[], prefix: string): number {
  for (let i = lines.length - 1; i >= 0; i--) {
    const l = lines[i] as string;
    if (l.startsWith(prefix)) return Number(l.slice(prefix.length));
  }
  return 0;
}

function failed(s: RoundSettings, error: string): RoundResult {
  return { killAfterMs: s.killAfterMs, acknowledged: 0, lost: 0, firstLost: null, unacknowledgedPresent: 0, checkpointed: null, reopenMs: null, error };
}
