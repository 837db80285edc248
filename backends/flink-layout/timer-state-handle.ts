// The handle of a 'timers' state: a timer service (TimerHandle) and no keyed entries. A timer
// queue is reached only through the timer actions; the data calls of StateHandle throw, naming the
// state, so a workload that routes a get or put to a timers state learns it at once.

import type { BatchOp, ScanEntry, StateHandle, TimerHandle } from '../types.js';

export abstract class TimerStateHandle implements StateHandle, TimerHandle {
  readonly timers: TimerHandle = this;

  constructor(
    /** The state's name, for errors. */
    protected readonly stateName: string,
    /** Bytes of one timer key, for the logical bytes written. */
    readonly keyBytes: number,
  ) {}

  abstract registerTimer(key: number, ns: number, timestamp: number): void;
  abstract deleteTimer(key: number, ns: number, timestamp: number): void;
  abstract fireTimer(key: number, ns: number, timestamp: number): void;

  private notKeyed(call: string): TypeError {
    return new TypeError(`state ${this.stateName} is a timer queue: no ${call}; its actions are timer-register, timer-delete and timer-fire`);
  }

  get(): Uint8Array | undefined {
    throw this.notKeyed('get');
  }
  put(): void {
    throw this.notKeyed('put');
  }
  delete(): void {
    throw this.notKeyed('delete');
  }
  multiGet(): (Uint8Array | undefined)[] {
    throw this.notKeyed('multiGet');
  }
  writeBatch(_ops: readonly BatchOp[]): void {
    throw this.notKeyed('writeBatch');
  }
  scan(): ScanEntry[] {
    throw this.notKeyed('scan');
  }
  append(): void {
    throw this.notKeyed('append');
  }
}
