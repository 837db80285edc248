// What the durability jobs are told (in their job, over IPC), and what they answer.

import type { ResolvedKnobs } from '../../backends/types.js';

export interface WriterSpec {
  readonly backend: string;
  readonly knobs: ResolvedKnobs;
  readonly dir: string;
  readonly keySize: number;
  readonly valueSize: number;
  /** Heap only: checkpoint (its only persistence) this often; 0: never. */
  readonly checkpointIntervalMs: number;
  /** Async-write backends: writes outstanding at once. */
  readonly maxInFlight: number;
  /** Stop writing (and wait to be killed) after this many: bounds disk use on a slow kill. */
  readonly maxWrites: number;
}

export interface CheckSpec {
  readonly backend: string;
  readonly knobs: ResolvedKnobs;
  readonly dir: string;
  readonly keySize: number;
  /** Writes 0..acknowledged-1 were acknowledged to the parent. */
  readonly acknowledged: number;
}

/** The checker's answer (the result of its job). */
export interface CheckReport {
  /** Acknowledged writes missing or not intact after reopening. */
  readonly lost: number;
  /** The first lost write (its key), for the message. */
  readonly firstLost: number | null;
  /** Writes past the acknowledged ones that are there all the same (issued, ack not seen). */
  readonly unacknowledgedPresent: number;
  readonly openMs: number;
  /** Reopening failed: every acknowledged write counts as lost. */
  readonly error: string | null;
}

/**
 * The durability writer's extra pipe: one line per acknowledged write, written with writeSync.
 * An IPC message still in flight when the writer is SIGKILLed is lost; a line writeSync returned
 * from is already in the kernel's pipe buffer, so the parent reads every write acknowledged
 * before the kill.
 */
export const ACK_FD = 3;
