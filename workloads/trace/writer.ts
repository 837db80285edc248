// Writing a trace in the CSV format of docs/traces.md, a batch of lines at a time.

import { closeSync, openSync, writeSync } from 'node:fs';
import type { TraceOpName } from './format.js';

import { CSV_HEADER } from './format.js';


export class TraceWriter {
  private fd: number;
  private lines: string[] = [];
  ops = 0;

  constructor(readonly path: string) {
    this.fd = openSync(path, 'w');
    this.lines.push(CSV_HEADER);
  }

  /** One operation; value_size only for put and merge, scan_length only for scan. */
  add(op: TraceOpName, key: number, ns: number, size: number): void {
    const sizeField = op === 'put' || op === 'merge' ? `${size},` : op === 'scan' ? `,${size}` : ',';
    this.lines.push(`${op},${key},${ns},${sizeField}`);
    this.ops++;
  }

  flush(): void {
    if (this.lines.length === 0) return;
    writeSync(this.fd, this.lines.join('\n') + '\n');
    this.lines = [];
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}
