// TTL cleanup of one Flink state on the heap, as Flink's heap backend does it:
// - incremental (TtlIncrementalCleanup, Flink's default on the heap, cleanupIncrementally(5,
//   false)): every access to the state advances a lazy iterator over the state's table by 5
//   entries and removes the expired ones among them; at the table's end it starts again;
// - full snapshot (cleanupFullSnapshot): a checkpoint leaves expired entries out, the live state
//   keeps them.
// "Now" is the workload's tick the harness gives the instance between batches (setStateTime).

import { INCREMENTAL_CLEANUP_SIZE, ttlCleanupOf, type StateDescriptor } from '../../core/flink/keyed-state.js';
import { stampExpired } from '../../core/flink/ttl-expiry.js';

/** The instance's time, shared by its states: null until the harness gives one. */
export interface StateClock {
  now: number | null;
}

type Inner = Map<number, Uint8Array>;
type Group = Map<number, Uint8Array | Inner>;

export class HeapTtl {
  /** Entries the incremental cleanup removed since open. */
  cleaned = 0;
  readonly incremental: boolean;
  readonly fullSnapshot: boolean;
  private group = 0;
  private cursor: Iterator<[number, Uint8Array | Inner]> | null = null;

  constructor(
    private readonly ttl: number,
    cleanup: ReturnType<typeof ttlCleanupOf>,
    private readonly clock: StateClock,
  ) {
    this.incremental = cleanup === 'incremental';
    this.fullSnapshot = cleanup === 'full-snapshot';
  }

  /** The state's TTL handling; null without a TTL. The heap keeps values without the byte layout's null flag: every stamp is at offset 0. */
  static of(d: StateDescriptor, clock: StateClock): HeapTtl | null {
    if (d.ttl === null || d.kind === 'list' || d.kind === 'timers') return null;
    return new HeapTtl(d.ttl, ttlCleanupOf(d, 'incremental'), clock);
  }

  /** Expired now (false before the harness gave a time). */
  expired(v: Uint8Array): boolean {
    return this.clock.now !== null && stampExpired(v, 0, this.ttl, this.clock.now);
  }

  /** One state access's cleanup: the next INCREMENTAL_CLEANUP_SIZE entries of the table checked, the expired removed. */
  step(groups: readonly Group[], nested: boolean): void {
    if (this.clock.now === null) return;
    let budget = INCREMENTAL_CLEANUP_SIZE;
    let ends = 0;
    while (budget > 0) {
      this.cursor ??= (groups[this.group] as Group).entries();
      const next = this.cursor.next();
      if (next.done === true) {
        this.cursor = null;
        this.group = (this.group + 1) % groups.length;
        // A whole pass found too few entries: an empty table.
        if (++ends > groups.length) return;
        continue;
      }
      budget--;
      const [key, v] = next.value;
      const g = groups[this.group] as Group;
      if (!nested) {
        if (this.expired(v as Uint8Array)) {
          g.delete(key);
          this.cleaned++;
        }
        continue;
      }
      const inner = v as Inner;
      for (const [k, value] of inner) {
        if (this.expired(value)) {
          inner.delete(k);
          this.cleaned++;
        }
      }
      if (inner.size === 0) g.delete(key);
    }
  }
}
