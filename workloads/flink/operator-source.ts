// An operator simulation emits all the state accesses one input (an element, or a watermark that
// fires timers) makes at once; the op source hands them out one by one, asking for the next
// input when none is left. What is pending survives from one phase to the next with the
// simulation (a warm-up may end inside an element; the run goes on from there).

import type { OpSource } from '../types.js';
import { opSource } from '../source.js';

/** Ops emitted and not yet handed out, first in first out. */
export class PendingOps {
  private kinds: number[] = [];
  private keys: number[] = [];
  private nss: number[] = [];
  private args: number[] = [];
  private head = 0;

  get length(): number {
    return this.kinds.length - this.head;
  }

  push(kind: number, key: number, ns: number, arg: number): void {
    this.kinds.push(kind);
    this.keys.push(key);
    this.nss.push(ns);
    this.args.push(arg);
  }

  /** Moves the oldest op into the batch at i. */
  shiftInto(b: { kind: Uint8Array; key: Float64Array; ns: Uint32Array; arg: Uint32Array }, i: number): void {
    const h = this.head++;
    b.kind[i] = this.kinds[h] as number;
    b.key[i] = this.keys[h] as number;
    b.ns[i] = this.nss[h] as number;
    b.arg[i] = this.args[h] as number;
    if (this.head === this.kinds.length) {
      this.kinds = [];
      this.keys = [];
      this.nss = [];
      this.args = [];
      this.head = 0;
    }
  }
}

/** The ops of an operator: `step()` takes the next input and pushes at least one op onto `pending`. */
export function operatorSource(total: number | null, pending: PendingOps, step: () => void): OpSource {
  return opSource(total, (b, i) => {
    while (pending.length === 0) step();
    pending.shiftInto(b, i);
  });
}
