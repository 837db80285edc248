// Replays an op stream's timer calls on a reference queue, as a backend's timer service would
// take them: each timer-fire must be the queue's head in (timestamp, key group, key, namespace).
import { keyGroupOfLong } from '../../../core/flink/key-group.js';
import type { OpBatch, OperationKind } from '../../types.js';

export class TimerReplay {
  private readonly queue = new Map<string, readonly [number, number, number, number]>();
  /** Fires that were not the head of the queue (or of no registered timer). */
  disagreements = 0;
  fires = 0;

  constructor(
    private readonly kinds: readonly OperationKind[],
    private readonly maxParallelism = 128,
  ) {}

  /** Takes batch[from, to). */
  take(b: OpBatch, from: number, to: number): void {
    for (let i = from; i < to; i++) {
      const action = this.kinds[b.kind[i] as number]?.action;
      const key = b.key[i] as number;
      const ns = b.ns[i] as number;
      const ts = b.arg[i] as number;
      const id = `${ts}/${key}/${ns}`;
      if (action === 'timer-register') this.queue.set(id, [ts, keyGroupOfLong(key, this.maxParallelism), key, ns]);
      else if (action === 'timer-delete') this.queue.delete(id);
      else if (action === 'timer-fire') {
        this.fires++;
        if (this.headId() !== id) this.disagreements++;
        this.queue.delete(id);
      }
    }
  }

  private headId(): string | null {
    let min: readonly [number, number, number, number] | null = null;
    for (const t of this.queue.values()) if (min === null || (t[0] - min[0] || t[1] - min[1] || t[2] - min[2] || t[3] - min[3]) < 0) min = t;
    return min === null ? null : `${min[0]}/${min[2]}/${min[3]}`;
  }
}
