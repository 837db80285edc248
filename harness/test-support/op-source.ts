// The runner tests' source of operations: `total` ops in namespace 0, op j (counted over the
// whole phase) of kind kindOf(j) on key keyOf(j).
import type { OpBatch, OpSource } from '../../workloads/types.js';

export function opSource(total: number, keyOf: (op: number) => number, kindOf: (op: number) => number = () => 0): OpSource {
  let done = 0;
  return {
    total,
    fill(batch: OpBatch, max: number): number {
      const n = Math.min(max, total - done);
      for (let i = 0; i < n; i++) {
        batch.kind[i] = kindOf(done + i);
        batch.key[i] = keyOf(done + i);
        batch.ns[i] = 0;
      }
      done += n;
      return n;
    },
  };
}
