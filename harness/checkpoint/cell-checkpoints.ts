// Checkpoints of one cell (--checkpoint-interval): the periodic scheduler for the run phase,
// the final checkpoint after it, the live state's summary, and the restore phase. Checkpoints
// live beside the cell's data directory (`<dataDir>.checkpoints`), so the engine's own disk
// usage stays apart, and are removed when the cell ends.

import { rmSync } from 'node:fs';
import type { Backend, BackendInstance, OpenContext, ResolvedKnobs } from '../../backends/types.js';
import type { FlinkStates, OpSource } from '../../workloads/types.js';
import { now } from '../recorder/clock.js';
import type { CheckpointCost, CheckpointRecord, PhaseResult, RestoreResult } from '../../core/result/schema.js';
import { checkpointCost } from './foreground.js';
import { NamespaceTracker } from './namespaces.js';
import { restoreAndCheck } from './restore.js';
import { CheckpointScheduler, type TakenCheckpoint } from './scheduler.js';
import { summariseState, type NamespaceSummary } from './state-summary.js';

export class CellCheckpoints {
  private readonly namespaces = new NamespaceTracker();
  private scheduler: CheckpointScheduler | null = null;
  private final: { taken: TakenCheckpoint; expected: NamespaceSummary[]; expectedMs: number; tick: number | null } | null = null;
  private restored: RestoreResult | null = null;
  /** The workload's clock at its last batch (OpSource.clock): TTL states' expired entries are left out of the check. */
  private tick: number | null = null;
  readonly baseDir: string;

  constructor(
    dataDir: string,
    private readonly everyMs: number,
    private readonly intervalMs: number,
    /** The workload's states in Flink's layout (null: the plain layout): the restore check reads them. */
    private readonly states: FlinkStates | null = null,
  ) {
    this.baseDir = `${dataDir.replace(/\/+$/, '')}.checkpoints`;
  }

  /** The source, with its namespaces noted for the restore check. */
  track(source: OpSource): OpSource {
    const wrapped = this.namespaces.wrap(source);
    const clock = source.clock;
    if (clock === undefined) return wrapped;
    return {
      ...wrapped,
      clock,
      fill: (batch, max) => {
        const n = wrapped.fill(batch, max);
        this.tick = clock();
        return n;
      },
    };
  }

  /** The boundary hook of the run phase, on the opened instance. */
  forRun(instance: BackendInstance): CheckpointScheduler {
    this.scheduler = new CheckpointScheduler(instance, this.baseDir, this.everyMs, this.intervalMs);
    return this.scheduler;
  }

  /** After the run phase, before the live instance closes: the final checkpoint and what it must hold. */
  async finish(): Promise<void> {
    if (!this.scheduler) return;
    const instance = this.scheduler.instance;
    const taken = await this.scheduler.take();
    const t0 = now();
    const expected = summariseState(instance, this.namespaces.sorted(), this.states, this.tick);
    this.final = { taken, expected, expectedMs: now() - t0, tick: this.tick };
  }

  /** After the live instance closed: open from the final checkpoint and check it. */
  async restore(backend: Backend, knobs: ResolvedKnobs, ctx: OpenContext): Promise<void> {
    if (!this.final) return;
    const checkpointDir = this.final.taken.dir;
    this.restored = await restoreAndCheck({
      backend,
      knobs,
      // A slot restores from its own checkpoint: what it shared with its cell's other slots (an
      // lmdb environment, which the checkpoint copied whole) is now the checkpoint's.
      ctx: ctx.slot ? { ...ctx, slot: { ...ctx.slot, sharedDir: checkpointDir } } : ctx,
      checkpointDir,
      checkpointTMs: this.final.taken.record.tMs,
      expected: this.final.expected,
      expectedMs: this.final.expectedMs,
      states: this.states,
      tick: this.final.tick,
    });
  }

  get records(): CheckpointRecord[] {
    return this.scheduler?.records ?? [];
  }

  /** The cell's checkpoint fields. */
  results(run: PhaseResult | undefined): { checkpoints: CheckpointRecord[]; checkpointCost?: CheckpointCost; restore?: RestoreResult } {
    return {
      checkpoints: this.records,
      // The final checkpoint follows the run phase: it stops no interval.
      ...(run ? { checkpointCost: checkpointCost(run, this.final ? this.records.slice(0, -1) : this.records) } : {}),
      ...(this.restored ? { restore: this.restored } : {}),
    };
  }

  cleanup(): void {
    rmSync(this.baseDir, { recursive: true, force: true });
  }
}
