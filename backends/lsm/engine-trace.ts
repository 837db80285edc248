// RocksDB's query traces (DB::StartTrace, db_bench --trace_file) as statebench traces: told
// apart by their header record (8-byte timestamp, type kTraceBegin, 4-byte length, then RocksDB's
// trace magic "feedcafedeadbeef"), and converted by the addon with RocksDB's own trace reader.

import { closeSync, openSync, readSync } from 'node:fs';
import type { EngineTraceReader } from '../types.js';
import { loadNative } from './native.js';

const MAGIC = 'feedcafedeadbeef';
const MAGIC_AT = 13;
const TRACE_BEGIN = 1;

function recognises(path: string): boolean {
  const head = Buffer.alloc(MAGIC_AT + MAGIC.length);
  const fd = openSync(path, 'r');
  try {
    const n = readSync(fd, head, 0, head.length, 0);
    return n === head.length && head[8] === TRACE_BEGIN && head.toString('latin1', MAGIC_AT) === MAGIC;
  } finally {
    closeSync(fd);
  }
}

export const ROCKSDB_TRACE: EngineTraceReader = {
  recognises,
  toCsv(path, csvPath, scratchDir) {
    const native = loadNative();
    if (!native.ok) throw new Error(`reading a RocksDB trace needs the lsm addon: ${native.reason}`);
    const r = native.addon.convertTrace(scratchDir, path, csvPath);
    const notes: string[] = [];
    if (r.skippedRangeDeletes > 0) notes.push(`${r.skippedRangeDeletes} range deletes and wide-column puts left out (no trace op says what they did)`);
    if (r.skippedEmptyKeys > 0) notes.push(`${r.skippedEmptyKeys} operations on the empty key left out`);
    if (r.unsupportedRecords > 0) notes.push(`${r.unsupportedRecords} records of a type RocksDB's replayer does not decode left out`);
    if (r.reordered > 0) notes.push(`${r.reordered} records traced out of time order given the previous record's time`);
    return { ops: r.ops, notes };
  },
};
