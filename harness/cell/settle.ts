// Settling after the load (tune's cells): write the memtables out and wait until the engine has
// finished the flushes and compactions the load left behind, so the measured phase sees the
// state the configuration will run in, not the load's compaction debt.

import type { BackendInstance } from '../../backends/types.js';
import { now } from '../recorder/clock.js';

export interface SettleOutcome {
  readonly ms: number;
  /** The engine was still busy when the wait gave up. */
  readonly timedOut: boolean;
}

const POLL_MS = 20;
/** Idle polls in a row before the engine counts as settled (a flush can schedule a compaction just after it ends). */
const IDLE_POLLS = 3;
/**
 * Nothing running this long counts as settled even while the engine says a compaction is
 * pending: RocksDB's universal compaction can keep rocksdb.compaction-pending at 1 with no job it
 * will start (seen with 8 MiB write buffers and an L0 trigger of 2).
 */
const QUIET_MS = 1000;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export async function settle(instance: BackendInstance, timeoutMs: number): Promise<SettleOutcome> {
  const start = now();
  await instance.flush();
  if (!instance.backgroundWork) return { ms: now() - start, timedOut: false };
  let idle = 0;
  let quietSince: number | null = null;
  for (;;) {
    const t = now();
    if (t - start > timeoutMs) return { ms: t - start, timedOut: true };
    const w = instance.backgroundWork();
    const running = w.runningFlushes > 0 || w.runningCompactions > 0;
    quietSince = running ? null : (quietSince ?? t);
    idle = !running && w.compactionPending !== true ? idle + 1 : 0;
    if (idle >= IDLE_POLLS || (quietSince !== null && t - quietSince >= QUIET_MS)) return { ms: now() - start, timedOut: false };
    await sleep(POLL_MS);
  }
}
