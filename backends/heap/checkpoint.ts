// A heap checkpoint: the whole state serialised to one file, the way Flink's heap backend
// writes a full snapshot. Format: "SBHEAP1\n", then per entry [ns u32][key f64][length u32][bytes].
//
// The file is written under a temporary name, fsynced, then renamed over the old snapshot and
// the directory fsynced: a process killed mid-checkpoint leaves the previous snapshot whole.

import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { NamespaceTable } from './namespace-table.js';

export const HEAP_SNAPSHOT_FILE = 'heap-state.bin';
export const HEAP_SNAPSHOT_MAGIC = Buffer.from('SBHEAP1\n');
const CHUNK = 1 << 20;

export function writeHeapCheckpoint(dir: string, tables: ReadonlyMap<number, NamespaceTable>, fsync: boolean): number {
  mkdirSync(dir, { recursive: true });
  const final = join(dir, HEAP_SNAPSHOT_FILE);
  const temp = `${final}.tmp`;
  const fd = openSync(temp, 'w');
  let total = 0;
  try {
    let buf = Buffer.allocUnsafe(CHUNK);
    let used = 0;
    const flush = (): void => {
      writeSync(fd, buf, 0, used);
      total += used;
      used = 0;
    };
    HEAP_SNAPSHOT_MAGIC.copy(buf, 0);
    used = HEAP_SNAPSHOT_MAGIC.length;
    for (const [ns, table] of tables) {
      for (const [key, value] of table.map) {
        const need = 16 + value.byteLength;
        if (used + need > buf.length) {
          flush();
          if (need > buf.length) buf = Buffer.allocUnsafe(need);
        }
        buf.writeUInt32BE(ns, used);
        buf.writeDoubleBE(key, used + 4);
        buf.writeUInt32BE(value.byteLength, used + 12);
        buf.set(value, used + 16);
        used += need;
      }
    }
    flush();
    if (fsync) fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, final);
  if (fsync) fsyncDir(dir);
  return total;
}

function fsyncDir(dir: string): void {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
