// A write batch through the addon, all or nothing: validated before anything is written, and
// cleared when a write fails so no half batch lingers.

import type { BatchOp } from '../types.js';
import type { NativeColumnFamily, NativeDatabase } from './native.js';

/**
 * Writes `ops` in one batch into `target` (the database's default column family or one of its
 * families: a family's batch calls fill the database's one batch), each key as `encode` gives it
 * (valid until the next encode).
 */
export function writeBatchWith(db: NativeDatabase, target: NativeDatabase | NativeColumnFamily, ops: readonly BatchOp[], encode: (op: BatchOp) => Uint8Array): void {
  // Validate first: a bad op must leave the database untouched (the batch is all or nothing).
  for (const op of ops) {
    if (op.type !== 'put' && op.type !== 'delete') throw new TypeError(`lsm: write batch op of key ${op.key} has type '${String(op.type)}'; expected put or delete`);
    if (op.type === 'put' && !(op.value instanceof Uint8Array)) throw new TypeError(`lsm: write batch put of key ${op.key} has no value`);
  }
  db.batchClear();
  try {
    for (const op of ops) {
      const key = encode(op);
      if (op.type === 'put') target.batchPut(key, op.value as Uint8Array);
      else target.batchDelete(key);
    }
    db.batchWrite();
  } catch (e) {
    if (!db.isClosed()) db.batchClear();
    throw e;
  }
}
