// What the durability children are told (serialised on their command line), and what they say.

import type { ResolvedKnobs } from '../../backends/types.js';

export interface WriterSpec {
  readonly mode: 'write';
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
  readonly mode: 'check';
  readonly backend: string;
  readonly knobs: ResolvedKnobs;
  readonly dir: string;
  readonly keySize: number;
  /** Writes 0..acknowledged-1 were acknowledged to the parent. */
  readonly acknowledged: number;
}

export type ChildSpec = WriterSpec | CheckSpec;

/** The check child's answer (one JSON line on fd 3). */
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

/** Writer protocol on fd 3, one line each: `ready`, `a N` (writes 0..N-1 acknowledged), `c N` (heap checkpoint holds 0..N-1). */
export const ACK_FD = 3;
