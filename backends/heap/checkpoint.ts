// A heap checkpoint: the whole state serialised to one file, the way Flink's heap backend
// writes a full snapshot. Format: "SBHEAP1\n", then per entry [ns u32][key f64][length u32][bytes].

import { closeSync, fsyncSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { NamespaceTable } from './namespace-table.js';

export const HEAP_SNAPSHOT_FILE = 'heap-state.bin';
const MAGIC = Buffer.from('SBHEAP1\n');
const CHUNK = 1 << 20;

export function writeHeapCheckpoint(dir: string, tables: ReadonlyMap<number, NamespaceTable>, fsync: boolean): number {
  mkdirSync(dir, { recursive: true });
  const fd = openSync(join(dir, HEAP_SNAPSHOT_FILE), 'w');
  let total = 0;
  try {
    let buf = Buffer.allocUnsafe(CHUNK);
    let used = 0;
    const flush = (): void => {
      writeSync(fd, buf, 0, used);
      total += used;
      used = 0;
    };
    MAGIC.copy(buf, 0);
    used = MAGIC.length;
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
  return total;
}
