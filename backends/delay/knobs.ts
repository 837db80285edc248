// The delay backend's knobs: a latency per call, a seeded jitter, and a slowdown factor per
// operation kind, so a test (or a user) can inject a known regression into one kind of operation.
import type { KnobSpec } from '../types.js';

/** The operation kinds a slowdown can target, as the backend's primitive calls. */
export const DELAY_OPERATION_KINDS = ['get', 'put', 'delete', 'multiget', 'batch', 'scan', 'append'] as const;
export type DelayOperationKind = (typeof DELAY_OPERATION_KINDS)[number];

/** `slowdownGet`, `slowdownPut` ... */
export function slowdownKnobName(kind: DelayOperationKind): string {
  return `slowdown${kind[0]?.toUpperCase() ?? ''}${kind.slice(1)}`;
}

const slowdownKnobs: KnobSpec[] = DELAY_OPERATION_KINDS.map((kind) => ({
  name: slowdownKnobName(kind),
  type: 'float',
  default: 1,
  min: 0,
  max: 1000,
  help: `factor applied to the latency of every ${kind} call (1.1: ten per cent slower)`,
}));

export const DELAY_KNOBS: readonly KnobSpec[] = [
  {
    name: 'latencyUs',
    type: 'float',
    unit: 'us',
    default: 20,
    min: 0,
    max: 10_000_000,
    help: 'mean time one call takes, in microseconds (the backend busy-waits for it)',
  },
  {
    name: 'jitter',
    type: 'float',
    default: 0.1,
    min: 0,
    max: 1,
    help: 'spread of the latency as a fraction: each call takes latency x (1 + jitter x u), u uniform in [-1, 1), seeded',
  },
  ...slowdownKnobs,
];
