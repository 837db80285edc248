// Restore of the heap backend: the snapshot a checkpoint wrote (checkpoint.ts) read back into
// namespace tables. open(dir) calls this, so opening the heap on a checkpoint directory restores
// it, as opening LMDB or RocksDB on theirs does; a directory without a snapshot opens empty.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HEAP_SNAPSHOT_FILE, HEAP_SNAPSHOT_MAGIC } from './checkpoint.js';

/** Calls `put` for every entry of the snapshot in `dir`; returns the entry count (0: no snapshot). */
export function readHeapCheckpoint(dir: string, put: (ns: number, key: number, value: Uint8Array) => void): number {
  const file = join(dir, HEAP_SNAPSHOT_FILE);
  if (!existsSync(file)) return 0;
  const buf = readFileSync(file);
  if (buf.length < HEAP_SNAPSHOT_MAGIC.length || !buf.subarray(0, HEAP_SNAPSHOT_MAGIC.length).equals(HEAP_SNAPSHOT_MAGIC)) {
    throw new Error(`heap: ${file} is not a heap snapshot (bad header)`);
  }
  let at = HEAP_SNAPSHOT_MAGIC.length;
  let entries = 0;
  while (at < buf.length) {
    if (at + 16 > buf.length) throw new Error(`heap: ${file} is truncated at byte ${at} (entry header)`);
    const ns = buf.readUInt32BE(at);
    const key = buf.readDoubleBE(at + 4);
    const len = buf.readUInt32BE(at + 12);
    if (at + 16 + len > buf.length) throw new Error(`heap: ${file} is truncated at byte ${at} (value of key ${key})`);
    // A private copy per value, as put() keeps in bytes mode (the file buffer is then freed).
    put(ns, key, Uint8Array.prototype.slice.call(buf, at + 16, at + 16 + len));
    at += 16 + len;
    entries++;
  }
  return entries;
}
