// The trace format of docs/traces.md: CSV with a header line (required columns op,key; optional
// ns, value_size, scan_length, t_us), or JSON Lines with the same field names. One line parses
// into a reused TraceOp, or into the reason it is refused.

import { MAX_VALUE_BYTES } from '../values.js';

export const TRACE_OPS = ['get', 'put', 'delete', 'merge', 'scan'] as const;
export type TraceOpName = (typeof TRACE_OPS)[number];
// Indexes into TRACE_OPS.
export const OP_GET = 0;
export const OP_PUT = 1;
export const OP_MERGE = 3;
export const OP_SCAN = 4;

export const TRACE_COLUMNS = ['op', 'key', 'ns', 'value_size', 'scan_length', 't_us'] as const;
type Column = (typeof TRACE_COLUMNS)[number];

const MAX_U32 = 0xffffffff;

/** One operation of a trace; fields not given are -1 (key: keyNum when a decimal, else keyBytes). */
export interface TraceOp {
  op: number;
  /** A decimal key, or -1 when the key is bytes. */
  keyNum: number;
  /** A byte key as a latin1 string (one char per byte), or '' for a decimal key. */
  keyBytes: string;
  ns: number;
  valueSize: number;
  scanLength: number;
  tUs: number;
}

export function emptyOp(): TraceOp {
  return { op: 0, keyNum: -1, keyBytes: '', ns: 0, valueSize: -1, scanLength: -1, tUs: -1 };
}

export type TraceFormat = 'csv' | 'jsonl';

/** A line parser for one file: the CSV header fixes the columns; JSON Lines have none. */
export interface LineParser {
  /** Fills `out` and returns null, or returns why the line is refused. */
  parse(line: string, out: TraceOp): string | null;
}

function parseOp(text: string, out: TraceOp): string | null {
  const i = (TRACE_OPS as readonly string[]).indexOf(text);
  if (i < 0) return `op '${text}' is not one of ${TRACE_OPS.join(', ')}`;
  out.op = i;
  return null;
}

const DECIMAL = /^[0-9]+$/;
const HEX = /^0x((?:[0-9a-fA-F]{2})+)$/;

function parseKey(text: string, out: TraceOp): string | null {
  if (DECIMAL.test(text)) {
    const n = Number(text);
    if (!Number.isSafeInteger(n)) return `key ${text} is not below 2^53 (give larger keys as 0x bytes)`;
    out.keyNum = n;
    out.keyBytes = '';
    return null;
  }
  const m = HEX.exec(text);
  if (!m) return `key '${text}' is neither a decimal integer nor 0x followed by hex bytes`;
  out.keyNum = -1;
  out.keyBytes = Buffer.from(m[1] as string, 'hex').toString('latin1');
  return null;
}

function whole(name: string, text: string, min: number, max: number): number | string {
  const n = DECIMAL.test(text) ? Number(text) : NaN;
  if (!Number.isInteger(n) || n < min || n > max) return `${name} '${text}' is not a whole number from ${min} to ${max}`;
  return n;
}

function setField(col: Column, text: string, out: TraceOp): string | null {
  switch (col) {
    case 'op':
      return parseOp(text, out);
    case 'key':
      return parseKey(text, out);
    case 'ns': {
      const n = text === '' ? 0 : whole('ns', text, 0, MAX_U32);
      if (typeof n === 'string') return n;
      out.ns = n;
      return null;
    }
    case 'value_size': {
      const n = text === '' ? -1 : whole('value_size', text, 1, MAX_VALUE_BYTES);
      if (typeof n === 'string') return n;
      out.valueSize = n;
      return null;
    }
    case 'scan_length': {
      const n = text === '' ? -1 : whole('scan_length', text, 1, MAX_U32);
      if (typeof n === 'string') return n;
      out.scanLength = n;
      return null;
    }
    case 't_us': {
      if (text === '') {
        out.tUs = -1;
        return null;
      }
      const n = Number(text);
      if (!/^[0-9.eE+]+$/.test(text) || !Number.isFinite(n) || n < 0) return `t_us '${text}' is not a non-negative number of microseconds`;
      out.tUs = n;
      return null;
    }
  }
}

function reset(out: TraceOp): void {
  out.ns = 0;
  out.valueSize = -1;
  out.scanLength = -1;
  out.tUs = -1;
}

/** The parser for a CSV file with this header line, or the reason the header is refused. */
export function csvParser(header: string): LineParser | string {
  const cols = header.split(',').map((c) => c.trim());
  for (const c of cols) {
    if (!(TRACE_COLUMNS as readonly string[]).includes(c)) return `header column '${c}' is not one of ${TRACE_COLUMNS.join(', ')}`;
  }
  if (new Set(cols).size !== cols.length) return 'header names a column twice';
  if (!cols.includes('op') || !cols.includes('key')) return `header '${header}' lacks a required column (op and key are required)`;
  const columns = cols as Column[];
  return {
    parse(line: string, out: TraceOp): string | null {
      reset(out);
      let start = 0;
      for (let i = 0; i < columns.length; i++) {
        const comma = line.indexOf(',', start);
        const last = i === columns.length - 1;
        if (last !== (comma < 0)) return `has ${line.split(',').length} fields, the header ${columns.length}`;
        const end = last ? line.length : comma;
        const col = columns[i] as Column;
        if (!fastField(col, line, start, end, out)) {
          const why = setField(col, line.slice(start, end).trim(), out);
          if (why) return why;
        }
        start = end + 1;
      }
      return null;
    },
  };
}

/**
 * The common field forms without a substring: an op name, or a plain decimal of up to 15 digits
 * (empty for an optional column). False: anything else, which setField then reads (and refuses
 * with its reason when it is wrong).
 */
function fastField(col: Column, line: string, start: number, end: number, out: TraceOp): boolean {
  if (col === 'op') {
    for (let i = 0; i < TRACE_OPS.length; i++) {
      const name = TRACE_OPS[i] as string;
      if (end - start === name.length && line.startsWith(name, start)) {
        out.op = i;
        return true;
      }
    }
    return false;
  }
  if (col === 't_us' || end - start > 15) return false;
  if (end === start) return col !== 'key';
  let n = 0;
  for (let i = start; i < end; i++) {
    const d = line.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    n = n * 10 + d;
  }
  switch (col) {
    case 'key':
      out.keyNum = n;
      out.keyBytes = '';
      return true;
    case 'ns':
      if (n > MAX_U32) return false;
      out.ns = n;
      return true;
    case 'value_size':
      if (n < 1 || n > MAX_VALUE_BYTES) return false;
      out.valueSize = n;
      return true;
    case 'scan_length':
      if (n < 1 || n > MAX_U32) return false;
      out.scanLength = n;
      return true;
  }
}

export const jsonlParser: LineParser = {
  parse(line: string, out: TraceOp): string | null {
    let obj: unknown;
    try {
      obj = JSON.parse(line);
    } catch {
      return 'is not valid JSON';
    }
    if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) return 'is not a JSON object';
    const rec = obj as Record<string, unknown>;
    for (const k of Object.keys(rec)) if (!(TRACE_COLUMNS as readonly string[]).includes(k)) return `field '${k}' is not one of ${TRACE_COLUMNS.join(', ')}`;
    if (rec.op === undefined || rec.key === undefined) return 'lacks a required field (op and key are required)';
    reset(out);
    for (const col of TRACE_COLUMNS) {
      const v = rec[col];
      if (v === undefined || v === null) continue;
      if (typeof v !== 'string' && typeof v !== 'number') return `field '${col}' is neither a string nor a number`;
      const why = setField(col, String(v), out);
      if (why) return why;
    }
    return null;
  },
};

/** The format a trace file is in, from its first line: JSON Lines begin with '{'. */
export function formatOf(firstLine: string): TraceFormat {
  return firstLine.trimStart().startsWith('{') ? 'jsonl' : 'csv';
}

/** The header of the traces statebench writes (--record-trace). */
export const CSV_HEADER = 'op,key,ns,value_size,scan_length';
