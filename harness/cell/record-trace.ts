// --record-trace: the run phase's operations written as a trace (docs/traces.md). The recorder
// wraps the phase's OpSource: when the runner asks for the next batch, the batch it holds has
// run whole, so its ops are written then, in the pause the runner takes to fill a batch (outside
// timed stretches and left out of throughput); at the end, the ops of the last batch that ran.
// The batch's arrays are read as they are, never copied.

import type { OpBatch, OpSource, OperationKind } from '../../workloads/types.js';
import { TraceWriter } from '../../workloads/trace/writer.js';
import { now } from '../recorder/clock.js';

const ALL = 0xffffffff;

export interface TraceRecording {
  wrap(source: OpSource): OpSource;
  /** Writes the ops of the last batch that ran (`ranOps` in the phase) and closes the file; returns the cell's note. */
  finish(ranOps: number): string;
}

export function recordTrace(path: string, operations: readonly OperationKind[], values: readonly Uint8Array[]): TraceRecording {
  const out = new TraceWriter(path);
  const mask = values.length - 1;
  let last: OpBatch | null = null;
  let held = 0;
  let opIndex = 0;
  let ms = 0;
  const skipped = new Map<string, number>();

  const write = (batch: OpBatch, n: number): void => {
    const t0 = now();
    for (let i = 0; i < n; i++) {
      const kind = operations[batch.kind[i] as number] as OperationKind;
      const key = batch.key[i] as number;
      const ns = batch.ns[i] as number;
      const arg = batch.arg[i] as number;
      const size = (values[opIndex++ & mask] as Uint8Array).length;
      switch (kind.action) {
        case 'get':
          out.add('get', key, ns, 0);
          break;
        case 'put':
          out.add('put', key, ns, size);
          break;
        case 'delete':
          out.add('delete', key, ns, 0);
          break;
        case 'append':
          out.add('merge', key, ns, size);
          break;
        case 'scan':
          out.add('scan', key, ns, arg);
          break;
        case 'rmw':
          out.add('get', key, ns, 0);
          out.add('put', key, ns, size);
          break;
        case 'multiget':
          for (let j = 0; j < arg; j++) out.add('get', key + j, ns, 0);
          break;
        case 'iterate':
          out.add('scan', 0, ns, ALL);
          break;
        default:
          // Window fires, TTL dedupes, timers and elements without state: no single trace op says what they did.
          skipped.set(kind.name, (skipped.get(kind.name) ?? 0) + 1);
      }
    }
    ms += now() - t0;
  };

  return {
    wrap(source: OpSource): OpSource {
      return {
        total: source.total,
        ...(source.unread ? { unread: source.unread.bind(source) } : {}),
        fill(batch: OpBatch, max: number): number {
          if (last) write(last, held);
          last = batch;
          held = source.fill(batch, max);
          return held;
        },
      };
    },
    finish(ranOps: number): string {
      if (last) write(last, ranOps - opIndex);
      out.close();
      const skips = [...skipped].map(([name, n]) => `${n} ${name}`).join(', ');
      return (
        `--record-trace: ${out.ops} trace ops of the run phase's ${ranOps} written to ${path} in ${ms.toFixed(1)} ms, in the pauses between batches (outside timed stretches)` +
        (skips ? `; not written, as no trace op says what they did: ${skips}` : '')
      );
    },
  };
}
