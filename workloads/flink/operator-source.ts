// An operator simulation emits all the state accesses one input (an element, or a watermark that
// fires timers) makes at once; the op source hands them out one by one, asking for the next
// input when none is left. What is pending survives from one phase to the next with the
// simulation (a warm-up may end inside an element; the run goes on from there), and so do ops a
// phase was handed but did not run (unread): the backend's timers must see every op the
// simulation made, in order, for its queue to agree with the simulation's.

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

  /** Puts batch[from, to) back before the pending ops, to be handed out first and in order. */
  unshiftFrom(b: { kind: Uint8Array; key: Float64Array; ns: Uint32Array; arg: Uint32Array }, from: number, to: number): void {
    const rest = (a: number[]): number[] => a.slice(this.head);
    this.kinds = [...b.kind.subarray(from, to), ...rest(this.kinds)];
    this.keys = [...b.key.subarray(from, to), ...rest(this.keys)];
    this.nss = [...b.ns.subarray(from, to), ...rest(this.nss)];
    this.args = [...b.arg.subarray(from, to), ...rest(this.args)];
    this.head = 0;
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
  const source = opSource(total, (b, i) => {
    while (pending.length === 0) step();
    pending.shiftInto(b, i);
  });
  return { ...source, unread: (b, from, to) => pending.unshiftFrom(b, from, to) };
}
