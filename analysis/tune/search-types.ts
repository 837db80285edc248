// What tune's search is made of, shared by the search (tune.ts) and what reads it afterwards (the
// reasons for a winner's keys, reasons.ts).

import type { RaceResult } from './race.js';
import type { Config } from './space.js';

export interface Candidate {
  readonly origin: string;
  readonly knobs: Config;
}

export interface StageResult {
  readonly name: string;
  /** Candidate index of the control (the best so far when the stage began). */
  readonly control: number;
  readonly entrants: readonly number[];
  /** The race over the entrants; its indices are into `entrants`. */
  readonly race: RaceResult;
  /** Candidate index of the best after the stage. */
  readonly bestAfter: number;
}
