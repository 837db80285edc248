// The namespaces a cell's operations touched, collected from each batch after it is generated
// (outside timed stretches), so the restore check knows which namespaces to read back.
import type { OpBatch, OpSource } from '../../workloads/types.js';

export class NamespaceTracker {
  readonly seen = new Set<number>();
  private last = -1;

  /** The same source, noting the namespaces of every batch it fills. */
  wrap(source: OpSource): OpSource {
    return {
      total: source.total,
      fill: (batch: OpBatch, max: number): number => {
        const n = source.fill(batch, max);
        const ns = batch.ns;
        for (let i = 0; i < n; i++) {
          const v = ns[i] as number;
          if (v !== this.last) {
            this.seen.add(v);
            this.last = v;
          }
        }
        return n;
      },
      // Ops handed back are handed out again by the next fill, which notes them then.
      ...(source.unread ? { unread: source.unread.bind(source) } : {}),
    };
  }

  sorted(): number[] {
    return [...this.seen].sort((a, b) => a - b);
  }
}
