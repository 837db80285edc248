// A trace file as a stream of operations: the format found from the first line, every line
// parsed into one reused TraceOp; a bad line is a UsageError naming the file, line and reason.

import { UsageError } from '../../core/errors.js';
import { csvParser, formatOf, jsonlParser, type LineParser, type TraceOp } from './format.js';
import { LineReader } from './lines.js';

export class TraceRecords {
  private readonly lines: LineReader;
  private readonly parser: LineParser;

  constructor(readonly path: string) {
    this.lines = new LineReader(path);
    let first = this.lines.next();
    while (first !== null && first.trim() === '') first = this.lines.next();
    if (first === null) throw this.refuse('the trace is empty (a CSV trace needs a header line op,key,...)');
    if (first.includes('\u0000')) throw this.refuse('is binary, not a CSV or JSON Lines trace (a RocksDB query trace is read by `statebench run -w` and `statebench trace`, docs/traces.md)');
    if (formatOf(first) === 'jsonl') {
      this.parser = jsonlParser;
      this.pushBack = first;
    } else {
      const p = csvParser(first);
      if (typeof p === 'string') throw this.refuse(p);
      this.parser = p;
    }
  }

  private pushBack: string | null = null;

  /** Reads the next operation into `out`; false at the end of the file. */
  next(out: TraceOp): boolean {
    for (;;) {
      let line: string | null;
      if (this.pushBack !== null) {
        line = this.pushBack;
        this.pushBack = null;
      } else line = this.lines.next();
      if (line === null) return false;
      if (line.trim() === '') continue;
      const why = this.parser.parse(line, out);
      if (why) throw this.refuse(why);
      return true;
    }
  }

  close(): void {
    this.lines.close();
  }

  /** A refusal of the line read last (also for checks across lines, such as times going back). */
  refuse(why: string): UsageError {
    this.lines.close();
    return new UsageError(`--workload: ${this.path}:${this.lines.lineNo}: ${why}`);
  }
}
