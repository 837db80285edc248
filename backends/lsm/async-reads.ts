// Gets served off the JS thread (lsm.asyncReads): the addon runs them on a pool of threads that
// grows to the reads in flight and calls back with each result (read-pool.cc). One reader per
// database, shared by the instance and its Flink states' column families; each get is a promise
// the runner's async loop waits on.

import type { NativeDatabase } from './native.js';

interface Waiter {
  resolve(value: Uint8Array | undefined): void;
  reject(err: Error): void;
}

export class AsyncReader {
  private next = 0;
  private readonly waiting = new Map<number, Waiter>();
  private started = false;

  constructor(private readonly db: NativeDatabase) {}

  /** A get that `submit` hands to the addon under the id it is given (getAsyncS or getAsync). */
  get(submit: (id: number) => void): Promise<Uint8Array | undefined> {
    if (!this.started) {
      this.db.startReads((id, value, error) => this.settle(id, value, error));
      this.started = true;
    }
    const id = this.next++;
    const p = new Promise<Uint8Array | undefined>((resolve, reject) => this.waiting.set(id, { resolve, reject }));
    submit(id);
    return p;
  }

  private settle(id: number, value: Uint8Array | undefined, error: string | undefined): void {
    const w = this.waiting.get(id);
    if (w === undefined) return;
    this.waiting.delete(id);
    if (error !== undefined) w.reject(new Error(error));
    else w.resolve(value);
  }
}
