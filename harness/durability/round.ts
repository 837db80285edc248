// One round: a writer child writes until the parent kills it with SIGKILL at a seeded random
// moment; a check child then reopens the data and counts the acknowledged writes that are gone.

import type { ResolvedKnobs } from '../../backends/types.js';
import { ACK_FD, type CheckReport } from './spec.js';
import { lastLine, startChild } from './spawn-child.js';

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

export async function runRound(s: RoundSettings): Promise<RoundResult> {
  const writer = startChild({
    mode: 'write',
    backend: s.backend,
    knobs: s.knobs,
    dir: s.dir,
    keySize: s.keySize,
    valueSize: s.valueSize,
    checkpointIntervalMs: s.checkpointIntervalMs,
    maxInFlight: s.maxInFlight,
    maxWrites: s.maxWrites,
  });
  try {
    await writer.waitFor('ready', s.readyTimeoutMs);
  } catch (err) {
    writer.process.kill('SIGKILL');
    await writer.ended;
    return failed(s, `writer: ${(err as Error).message}`);
  }
  await sleep(s.killAfterMs);
  writer.process.kill('SIGKILL');
  const w = await writer.ended;
  if (w.signal !== 'SIGKILL') return failed(s, `writer ended before the kill (code ${w.code})${w.stderr ? `: ${lastLine(w.stderr)}` : ''}`);
  const acknowledged = lastNumber(w.lines, 'a ');

  const checker = startChild({ mode: 'check', backend: s.backend, knobs: s.knobs, dir: s.dir, keySize: s.keySize, acknowledged });
  const c = await checker.ended;
  const line = c.lines.find((l) => l.startsWith('{'));
  if (!line) return { ...failed(s, `check: ended without a report (fd ${ACK_FD})${c.stderr ? `: ${lastLine(c.stderr)}` : ''}`), acknowledged, lost: acknowledged };
  const report = JSON.parse(line) as CheckReport;
  const checkpointed = s.checkpointIntervalMs > 0 ? checkpointOnDisk(w.lines, acknowledged, report.lost) : null;
  return {
    killAfterMs: s.killAfterMs,
    acknowledged,
    lost: report.lost,
    firstLost: report.firstLost,
    unacknowledgedPresent: report.unacknowledgedPresent,
    checkpointed,
    reopenMs: report.error ? null : Math.round(report.openMs * 1000) / 1000,
    error: report.error ? `reopen: ${report.error}` : null,
  };
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
