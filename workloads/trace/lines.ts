// A file read line by line, synchronously, a chunk at a time: a trace larger than memory is
// never held whole, and an OpSource (whose fill is synchronous) can pull lines as it needs them.

import { closeSync, openSync, readSync } from 'node:fs';

const CHUNK_BYTES = 1 << 20;

export class LineReader {
  private fd: number | null;
  private readonly buf = Buffer.allocUnsafe(CHUNK_BYTES);
  private pending = '';
  private lines: string[] = [];
  private at = 0;
  private ended = false;
  /** The 1-based number of the line next() returned last. */
  lineNo = 0;

  constructor(readonly path: string) {
    this.fd = openSync(path, 'r');
  }

  /** The next line without its line end, or null at the end of the file (the file is then closed). */
  next(): string | null {
    while (this.at >= this.lines.length) {
      if (this.ended) {
        this.close();
        return null;
      }
      this.refill();
    }
    this.lineNo++;
    return this.lines[this.at++] as string;
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }

  private refill(): void {
    const n = this.fd === null ? 0 : readSync(this.fd, this.buf, 0, CHUNK_BYTES, null);
    this.at = 0;
    if (n === 0) {
      this.ended = true;
      this.lines = this.pending === '' ? [] : [this.pending];
      this.pending = '';
      return;
    }
    // latin1 keeps one char per byte, so a multi-byte character split across chunks is whole
    // again when the line is joined; the trace's fields are ASCII, anything else is refused.
    const parts = (this.pending + this.buf.toString('latin1', 0, n)).split('\n');
    this.pending = parts.pop() as string;
    for (let i = 0; i < parts.length; i++) {
      const p = parts[i] as string;
      if (p.endsWith('\r')) parts[i] = p.slice(0, -1);
    }
    this.lines = parts;
  }
}
