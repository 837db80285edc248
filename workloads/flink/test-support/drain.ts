// Reads what an operator simulation emitted, by name, for the operator workloads' tests.
import { OpBatch, type OperationKind } from '../../types.js';
import type { EventTimeOperator } from '../event-time-operator.js';

export interface EmittedOp {
  readonly name: string;
  readonly key: number;
  readonly ns: number;
  readonly arg: number;
}

/** The ops pending on `op`, handed out as the op source would. */
export function drain(op: EventTimeOperator, kinds: readonly OperationKind[]): EmittedOp[] {
  const out: EmittedOp[] = [];
  const b = new OpBatch(1);
  while (op.pending.length > 0) {
    op.pending.shiftInto(b, 0);
    out.push({ name: kinds[b.kind[0] as number]?.name ?? 'bad kind', key: b.key[0] as number, ns: b.ns[0] as number, arg: b.arg[0] as number });
  }
  return out;
}

/** How many of each name. */
export function countNames(ops: readonly EmittedOp[]): Record<string, number> {
  const c: Record<string, number> = {};
  for (const o of ops) c[o.name] = (c[o.name] ?? 0) + 1;
  return c;
}
