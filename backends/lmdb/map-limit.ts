// mapSize as a hard limit. The LMDB inside lmdb-js grows its memory map on demand (an lmdb-js
// change to mdb_page_alloc), so MDB_MAP_FULL hardly ever comes from the engine; a user who sets
// lmdb.mapSize expects a ceiling, as plain LMDB has. After each commit the backend compares the
// data file with the limit (one fstat); once past it, further writes fail with "map full".
// The write that crossed the limit is committed: LMDB cannot tell before a commit how many
// pages it will take. With useWritemap the file is the map's size, so the page count decides.
import { closeSync, fstatSync, openSync } from 'node:fs';
import { mapFullMessage } from './errors.js';
import { LmdbError } from './errors.js';

export class MapLimit {
  private full = false;
  private fd: number | null;

  constructor(
    dataFile: string,
    readonly limitBytes: number,
    /** Bytes of the map in use, from the engine's page count (the exact, dearer figure). */
    private readonly usedBytes: () => number,
  ) {
    this.fd = openSync(dataFile, 'r');
  }

  /** Throws "map full" when the environment has reached the limit. */
  check(): void {
    if (this.full) throw new LmdbError(mapFullMessage(this.limitBytes), null);
  }

  /** Called after a commit. */
  afterCommit(): void {
    if (this.full || this.fd === null) return;
    if (fstatSync(this.fd).size < this.limitBytes) return;
    this.full = this.usedBytes() >= this.limitBytes;
  }

  get isFull(): boolean {
    return this.full;
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }
}
