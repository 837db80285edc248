// How long each call of the delay backend takes: latencyUs x slowdown of the call's kind x
// (1 + jitter x u), u drawn uniform in [-1, 1) from the cell's seed. Pure: no clock here.

import type { ResolvedKnobs } from '../types.js';
import { createRng, type Rng } from '../../core/rng.js';
import { DELAY_OPERATION_KINDS, slowdownKnobName, type DelayOperationKind } from './knobs.js';

function numberKnob(knobs: ResolvedKnobs, name: string, fallback: number): number {
  const v = knobs[name];
  return typeof v === 'number' && Number.isFinite(v) ? v : fallback;
}

export class LatencyModel {
  readonly meanUs: Readonly<Record<DelayOperationKind, number>>;
  readonly jitter: number;
  private readonly rng: Rng;

  constructor(knobs: ResolvedKnobs, seed: number) {
    const latencyUs = Math.max(0, numberKnob(knobs, 'latencyUs', 20));
    this.jitter = Math.min(1, Math.max(0, numberKnob(knobs, 'jitter', 0.1)));
    const mean = {} as Record<DelayOperationKind, number>;
    for (const kind of DELAY_OPERATION_KINDS) mean[kind] = latencyUs * Math.max(0, numberKnob(knobs, slowdownKnobName(kind), 1));
    this.meanUs = mean;
    this.rng = createRng(seed);
  }

  /** The latency of the next call of this kind, in microseconds. */
  next(kind: DelayOperationKind): number {
    return this.meanUs[kind] * (1 + this.jitter * (this.rng.next() * 2 - 1));
  }
}
