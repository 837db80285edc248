// Writing a trace in the CSV format of docs/traces.md. Lines are encoded straight into a reused
// byte buffer (no string per line): a recording runs beside the measured loop, and the garbage
// of ten million strings cost a run of heap gets a third of its throughput in collections.

import { closeSync, openSync, writeSync } from 'node:fs';
import { CSV_HEADER, TRACE_OPS, type TraceOpName } from './format.js';

const BUFFER_BYTES = 1 << 20;
/** Longest line: an op name, a 16-digit key, a 10-digit ns and size, separators and the newline. */
const MAX_LINE = 64;
const COMMA = 0x2c;
const NEWLINE = 0x0a;
const ZERO = 0x30;
const OP_BYTES = new Map<TraceOpName, Uint8Array>(TRACE_OPS.map((op) => [op, Buffer.from(`${op},`, 'latin1')]));

export class TraceWriter {
  private readonly fd: number;
  private readonly buf = Buffer.allocUnsafe(BUFFER_BYTES);
  private at = 0;
  ops = 0;

  constructor(readonly path: string) {
    this.fd = openSync(path, 'w');
    this.at = this.buf.write(`${CSV_HEADER}\n`, 0, 'latin1');
  }

  /** One operation; value_size only for put and merge, scan_length only for scan. */
  add(op: TraceOpName, key: number, ns: number, size: number): void {
    if (this.at + MAX_LINE > BUFFER_BYTES) this.flush();
    const b = this.buf;
    const name = OP_BYTES.get(op) as Uint8Array;
    b.set(name, this.at);
    this.at += name.length;
    this.digits(key);
    b[this.at++] = COMMA;
    this.digits(ns);
    b[this.at++] = COMMA;
    if (op === 'put' || op === 'merge') this.digits(size);
    b[this.at++] = COMMA;
    if (op === 'scan') this.digits(size);
    b[this.at++] = NEWLINE;
    this.ops++;
  }

  flush(): void {
    if (this.at > 0) writeSync(this.fd, this.buf, 0, this.at);
    this.at = 0;
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }

  /** A whole number below 2^53 in decimal, written at the buffer's end: as two halves below 10^8, in 31-bit integer arithmetic. */
  private digits(n: number): void {
    if (n < 1e8) {
      this.small(n | 0, 0);
      return;
    }
    const hi = Math.floor(n / 1e8);
    this.small(hi | 0, 0);
    this.small((n - hi * 1e8) | 0, 8);
  }

  /** n (below 10^8) in decimal, zero-padded to `width` digits (0: as many as it has). */
  private small(n: number, width: number): void {
    const b = this.buf;
    let len = 1;
    for (let x = n; x >= 10; x = (x / 10) | 0) len++;
    if (len < width) len = width;
    let x = n;
    for (let i = this.at + len - 1; i >= this.at; i--) {
      const q = (x / 10) | 0;
      b[i] = ZERO + (x - q * 10);
      x = q;
    }
    this.at += len;
  }
}
