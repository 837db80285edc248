// The passes over a trace before anything runs: the first checks every line (a bad one is
// refused with file and line) and collects the distinct keys, the op counts, the value sizes and
// the time span; the second, with the keys interned, marks the keys first seen as reads (the
// ones to load, so reads hit as they did where the trace was recorded) and the namespace each
// was first read in.

import { emptyOp, OP_GET, OP_MERGE, OP_PUT, OP_SCAN, TRACE_OPS } from './format.js';
import { KeyCollector, type KeyIndex } from './keys.js';
import { TraceRecords } from './records.js';

export interface TraceSurvey {
  readonly path: string;
  readonly ops: number;
  /** Operations per op (indexed as TRACE_OPS). */
  readonly counts: readonly number[];
  readonly keys: KeyIndex;
  /** Distinct value sizes of puts and merges that gave one, with their counts. */
  readonly valueSizes: ReadonlyMap<number, number>;
  /** First and last t_us, or null when the trace has no times. */
  readonly span: { readonly firstUs: number; readonly lastUs: number } | null;
}

export function surveyTrace(path: string): TraceSurvey {
  const recs = new TraceRecords(path);
  const op = emptyOp();
  const keys = new KeyCollector();
  const counts = TRACE_OPS.map(() => 0);
  const valueSizes = new Map<number, number>();
  let ops = 0;
  let firstUs = -1;
  let lastUs = -1;
  let timed = 0;
  while (recs.next(op)) {
    ops++;
    counts[op.op] = (counts[op.op] as number) + 1;
    keys.add(op);
    if ((op.op === OP_PUT || op.op === OP_MERGE) && op.valueSize > 0) valueSizes.set(op.valueSize, (valueSizes.get(op.valueSize) ?? 0) + 1);
    if (op.tUs >= 0) {
      if (lastUs >= 0 && op.tUs < lastUs) throw recs.refuse(`t_us ${op.tUs} is before the previous line's ${lastUs} (times must not go back)`);
      if (firstUs < 0) firstUs = op.tUs;
      lastUs = op.tUs;
      timed++;
    } else if (timed > 0) throw recs.refuse('has no t_us while earlier lines have one (give every line a time, or none)');
  }
  if (ops === 0) throw recs.refuse('the trace has no operations');
  if (timed > 0 && timed < ops) throw recs.refuse('the first lines have no t_us while later ones do (give every line a time, or none)');
  return { path, ops, counts, keys: keys.finish(), valueSizes, span: timed > 0 ? { firstUs, lastUs } : null };
}

/** The keys whose first operation reads them (get or scan start), with the namespace of that read. */
export interface ReadFirst {
  /** 1 for a key first seen as a read, by key id. */
  readonly marks: Uint8Array;
  readonly ns: Uint32Array;
  readonly count: number;
}

export function readFirstKeys(survey: TraceSurvey): ReadFirst {
  const seen = new Uint8Array(survey.keys.size);
  const marks = new Uint8Array(survey.keys.size);
  const ns = new Uint32Array(survey.keys.size);
  const recs = new TraceRecords(survey.path);
  const op = emptyOp();
  let count = 0;
  while (recs.next(op)) {
    const id = survey.keys.idOf(op);
    if (seen[id]) continue;
    seen[id] = 1;
    if (op.op === OP_GET || op.op === OP_SCAN) {
      marks[id] = 1;
      ns[id] = op.ns;
      count++;
    }
  }
  return { marks, ns, count };
}
