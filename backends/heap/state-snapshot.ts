// The Flink states of a heap checkpoint, in a file beside the instance's own snapshot
// (checkpoint.ts), timer queues among them (a timer's entry: key, ns and its timestamp as an
// 8-byte long): "SBSTATE1\n", a 4-byte length and a JSON list of the states' descriptors with
// their entry counts, then each state's entries in that order as [key f64][ns u32][length u32][bytes]
// (key and ns as the contract names them). Written and renamed into place as the snapshot is.

import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { StateDescriptor } from '../../core/flink/keyed-state.js';

/** A state as a snapshot holds it: its descriptor and its entries as the contract names them. */
export interface SnapshotState {
  readonly descriptor: StateDescriptor;
  entries(): Iterable<readonly [number, number, Uint8Array]>;
  /** What a full snapshot writes when it leaves some entries out (a TTL state's expired ones under cleanupFullSnapshot); absent: entries(). */
  snapshotEntries?(): Iterable<readonly [number, number, Uint8Array]>;
  /** Restore: one snapshot entry, already a private copy. */
  restore(key: number, ns: number, value: Uint8Array): void;
}

export const HEAP_STATES_FILE = 'heap-states.bin';
const MAGIC = Buffer.from('SBSTATE1\n');
const ENTRY_HEADER = 16;

/** Writes the states' entries; returns the file's bytes (0 and no file when there are no states). */
export function writeStateSnapshot(dir: string, states: ReadonlyMap<string, SnapshotState>, fsync: boolean): number {
  if (states.size === 0) return 0;
  const header: { descriptor: StateDescriptor; entries: number }[] = [];
  const parts: Buffer[] = [];
  for (const table of states.values()) {
    let entries = 0;
    for (const [key, ns, value] of table.snapshotEntries?.() ?? table.entries()) {
      const b = Buffer.allocUnsafe(ENTRY_HEADER + value.byteLength);
      b.writeDoubleBE(key, 0);
      b.writeUInt32BE(ns, 8);
      b.writeUInt32BE(value.byteLength, 12);
      b.set(value, ENTRY_HEADER);
      parts.push(b);
      entries++;
    }
    header.push({ descriptor: table.descriptor, entries });
  }
  const json = Buffer.from(JSON.stringify(header));
  const length = Buffer.allocUnsafe(4);
  length.writeUInt32BE(json.length, 0);
  const final = join(dir, HEAP_STATES_FILE);
  const temp = `${final}.tmp`;
  const fd = openSync(temp, 'w');
  let total = 0;
  try {
    for (const b of [MAGIC, length, json, ...parts]) total += writeSync(fd, b);
    if (fsync) fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, final);
  return total;
}

/** Reads the states of the snapshot in `dir`: `open` gives each state's table, `put` restores an entry. */
export function readStateSnapshot(dir: string, open: (d: StateDescriptor) => SnapshotState): void {
  const file = join(dir, HEAP_STATES_FILE);
  if (!existsSync(file)) return;
  const buf = readFileSync(file);
  if (!buf.subarray(0, MAGIC.length).equals(MAGIC)) throw new Error(`heap: ${file} is not a state snapshot (bad header)`);
  let at = MAGIC.length;
  const jsonLength = buf.readUInt32BE(at);
  at += 4;
  const header = JSON.parse(buf.subarray(at, at + jsonLength).toString('utf8')) as { descriptor: StateDescriptor; entries: number }[];
  at += jsonLength;
  for (const { descriptor, entries } of header) {
    const table = open(descriptor);
    for (let i = 0; i < entries; i++) {
      if (at + ENTRY_HEADER > buf.length) throw new Error(`heap: ${file} is truncated at byte ${at} (state ${descriptor.name})`);
      const key = buf.readDoubleBE(at);
      const ns = buf.readUInt32BE(at + 8);
      const len = buf.readUInt32BE(at + 12);
      table.restore(key, ns, Uint8Array.prototype.slice.call(buf, at + ENTRY_HEADER, at + ENTRY_HEADER + len));
      at += ENTRY_HEADER + len;
    }
  }
}
