// Waiting for a given time without yielding the thread, so that whoever times the call measures
// the wait as elapsed time. Short waits spin on the clock; long ones sleep on a SharedArrayBuffer
// (Atomics.wait blocks the thread without burning a core) and spin only the last stretch.

import { performance } from 'node:perf_hooks';

const SLEEP_ABOVE_MS = 2;
/** Atomics.wait wakes late by up to a scheduler tick: spin the end of a long wait. */
const SPIN_TAIL_MS = 1;
const cell = new Int32Array(new SharedArrayBuffer(4));

export function waitMicroseconds(us: number): void {
  if (!(us > 0)) return;
  const until = performance.now() + us / 1000;
  const sleepMs = us / 1000 - SPIN_TAIL_MS;
  if (us / 1000 > SLEEP_ABOVE_MS) Atomics.wait(cell, 0, 0, sleepMs);
  while (performance.now() < until) {
    /* spin */
  }
}
