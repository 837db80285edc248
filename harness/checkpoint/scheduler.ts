// Periodic checkpoints during the run phase, taken at interval boundaries (outside timed
// operations), each into its own directory. Only the newest `retain` are kept on disk, as a
// stream processor retains its last completed checkpoint(s).

import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { BackendInstance } from '../../backends/types.js';
import { now } from '../recorder/clock.js';
import type { CheckpointRecord } from '../../core/result/schema.js';
import type { BoundaryHook } from '../runner/phase.js';
import { round3 } from '../../core/numbers.js';

export interface TakenCheckpoint {
  readonly dir: string;
  readonly record: CheckpointRecord;
}

export class CheckpointScheduler implements BoundaryHook {
  readonly records: CheckpointRecord[] = [];
  private startMs = 0;
  private lastMs = 0;
  private taken: TakenCheckpoint[] = [];
  private seq = 0;

  /**
   * @param everyMs checkpoint interval; a boundary at least everyMs minus half an interval after
   *   the last checkpoint takes the next one (boundaries drift by a few ms: this keeps 5 s apart
   *   from slipping to 6 s).
   */
  constructor(
    readonly instance: BackendInstance,
    private readonly baseDir: string,
    private readonly everyMs: number,
    private readonly intervalMs: number,
    private readonly retain = 1,
  ) {}

  start(startMs: number): void {
    this.startMs = startMs;
    this.lastMs = startMs;
  }

  atBoundary(nowMs: number): Promise<void> | void {
    if (nowMs - this.lastMs < this.everyMs - this.intervalMs / 2) return;
    return this.take().then(() => undefined);
  }

  /** Takes a checkpoint now; also called once after the run phase for the final one. */
  async take(): Promise<TakenCheckpoint> {
    const dir = join(this.baseDir, `cp-${String(++this.seq).padStart(4, '0')}`);
    const t0 = now();
    const info = await this.instance.checkpoint(dir);
    const t1 = now();
    this.lastMs = t0;
    const record: CheckpointRecord = {
      tMs: round3(t0 - this.startMs),
      durationMs: round3(t1 - t0),
      bytes: info.bytes,
      files: info.files,
      incrementalBytes: info.incrementalBytes,
    };
    this.records.push(record);
    const taken = { dir, record };
    this.taken.push(taken);
    // Older checkpoints go once a newer one is complete (outside the measured duration).
    while (this.taken.length > this.retain) rmSync((this.taken.shift() as TakenCheckpoint).dir, { recursive: true, force: true });
    return taken;
  }

  get last(): TakenCheckpoint | null {
    return this.taken[this.taken.length - 1] ?? null;
  }
}
