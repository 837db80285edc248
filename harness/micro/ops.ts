// The micro-benchmark operations, their canonical order, and --ops parsing.
// Tasks always run in this order, whatever order --ops names them in: reads first, then the
// writes, each write task restoring the state to the preloaded records before the next begins.

import { UsageError } from '../../core/errors.js';
import { NULL_TASK } from '../../core/result/micro-tasks.js';

export const MICRO_OPS = ['get-hit', 'get-miss', 'scan-10', 'scan-100', 'overwrite', 'put', 'batch-put-100', 'delete'] as const;
export type MicroOp = (typeof MICRO_OPS)[number];

/** Backend operations one call of the task performs (a write batch of 100 puts: 100). */
export const OPS_PER_CALL: Readonly<Record<MicroOp, number>> = {
  'get-hit': 1,
  'get-miss': 1,
  'scan-10': 1,
  'scan-100': 1,
  overwrite: 1,
  put: 1,
  'batch-put-100': 100,
  delete: 1,
};

export function isMicroOp(name: string): name is MicroOp {
  return (MICRO_OPS as readonly string[]).includes(name);
}

/** Parses --ops (repeatable, comma-separated); every op when none is given. Canonical order. */
export function parseOps(raw: readonly string[] | undefined): MicroOp[] {
  const names = (raw ?? []).flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => v !== '');
  if (names.length === 0) return [...MICRO_OPS];
  for (const n of names) {
    if (!isMicroOp(n)) throw new UsageError(`--ops: unknown operation '${n}'; accepted: ${MICRO_OPS.join(', ')}`);
  }
  return MICRO_OPS.filter((op) => names.includes(op));
}
