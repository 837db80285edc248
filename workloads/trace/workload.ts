// A trace file as a workload (-w trace:FILE, or a path ending in .csv, .jsonl or .trace): the
// load phase puts the keys first seen as reads (unless loadMissing=false), the run phase replays
// the trace's operations in order, streaming the file; a run longer than the trace repeats it
// from its start, a shorter one cuts it.

import { basename } from 'node:path';
import { UsageError } from '../../core/errors.js';
import { settingNumber } from '../settings.js';
import { opSource } from '../source.js';
import type { OperationKind, OpBatch, OpSource, ValueSizeSpec, WorkloadDefinition, WorkloadParams } from '../types.js';
import { emptyOp, OP_SCAN, TRACE_OPS } from './format.js';
import { TraceRecords } from './records.js';
import { readFirstKeys, surveyTrace, type TraceSurvey } from './survey.js';

/** The kind each trace op runs as, by TRACE_OPS index. */
const KIND_OF_OP: readonly OperationKind[] = [
  { name: 'read', action: 'get', writes: false },
  { name: 'update', action: 'put', writes: true },
  { name: 'delete', action: 'delete', writes: true },
  { name: 'merge', action: 'append', writes: true },
  { name: 'scan', action: 'scan', writes: false },
];
const LOAD_KIND: OperationKind = { name: 'insert', action: 'put', writes: true };

/** The settings a trace workload takes (--param); known to the catalogue for runs of several workloads. */
export const TRACE_SETTINGS = { loadMissing: true, speed: 1, scanLength: 100 } as const;

/** Value-size buckets kept from a trace's sizes: enough for a 1024-value pool to follow them. */
const MAX_SIZE_BUCKETS = 32;

/** The trace's value sizes as a spec: one size, or up to 32 buckets of equal count in size order. */
function valueSizeOf(sizes: ReadonlyMap<number, number>): ValueSizeSpec | undefined {
  if (sizes.size === 0) return undefined;
  const sorted = [...sizes.entries()].sort((a, b) => a[0] - b[0]);
  if (sorted.length === 1) return { kind: 'constant', bytes: (sorted[0] as [number, number])[0] };
  const total = sorted.reduce((s, [, c]) => s + c, 0);
  const per = total / Math.min(MAX_SIZE_BUCKETS, sorted.length);
  const buckets: { bytes: number; weight: number }[] = [];
  let count = 0;
  let bytes = 0;
  for (const [size, c] of sorted) {
    count += c;
    bytes += size * c;
    if (count >= per) {
      buckets.push({ bytes: Math.round(bytes / count), weight: count / total });
      count = 0;
      bytes = 0;
    }
  }
  if (count > 0) buckets.push({ bytes: Math.round(bytes / count), weight: count / total });
  return { kind: 'histogram', buckets };
}

/** The trace's own rate (ops/s) times the speed setting, for --target-rate trace. */
function traceRate(survey: TraceSurvey, params: WorkloadParams): number {
  const speed = settingNumber(params.extra, 'speed', { above: 0 });
  const span = survey.span;
  if (!span || span.lastUs <= span.firstUs) throw new UsageError(`--target-rate trace: ${survey.path} has no t_us times spanning a duration; give a rate in ops/s`);
  return ((survey.ops - 1) * 1e6 * speed) / (span.lastUs - span.firstUs);
}

/** A trace workload's name: trace: and the file's name. */
export function traceName(path: string): string {
  return `trace:${basename(path)}`;
}

export interface TraceWorkload extends WorkloadDefinition {
  readonly survey: TraceSurvey;
}

export function traceWorkload(path: string): TraceWorkload {
  const survey = surveyTrace(path);
  const used = TRACE_OPS.map((_, i) => i).filter((i) => (survey.counts[i] as number) > 0);
  const operations: OperationKind[] = [LOAD_KIND, ...used.map((i) => KIND_OF_OP[i] as OperationKind)];
  const kindOf = new Uint8Array(TRACE_OPS.length);
  used.forEach((op, k) => (kindOf[op] = k + 1));
  const valueSize = valueSizeOf(survey.valueSizes);
  const file = basename(path);
  let readFirst: ReturnType<typeof readFirstKeys> | null = null;
  const loaded = (): ReturnType<typeof readFirstKeys> => (readFirst ??= readFirstKeys(survey));
  return {
    name: traceName(path),
    description: `${survey.ops} operations replayed from ${file}`,
    source: 'file',
    survey,
    operations,
    defaultDistribution: 'uniform',
    extraDefaults: TRACE_SETTINGS,
    defaultRecords: survey.keys.size,
    defaultOps: survey.ops,
    ...(valueSize ? { defaultValueSize: valueSize } : {}),
    warnings: [
      `trace ${file}: ${survey.ops} ops over ${survey.keys.size} distinct keys (${survey.keys.bytesPerKey().toFixed(1)} B per key interned); ` +
        'values come from the pool drawn from the trace\'s value sizes, not each line\'s own size',
    ],
    validate(p: WorkloadParams): void {
      settingNumber(p.extra, 'speed', { above: 0 });
      settingNumber(p.extra, 'scanLength', { integer: true, min: 1, max: 0xffffffff });
    },
    ownRate: (p: WorkloadParams) => traceRate(survey, p),
    runNote(ops: number): string {
      if (ops === survey.ops) return `trace ${file}: replayed once, whole`;
      if (ops < survey.ops) return `trace ${file}: cut, the first ${ops} of its ${survey.ops} ops`;
      return `trace ${file}: repeated, ${(ops / survey.ops).toFixed(2)} times its ${survey.ops} ops from its start`;
    },
    createLoad(p: WorkloadParams, _rng, space): OpSource | null {
      if (p.extra.loadMissing === false || p.extra.loadMissing === 'false') {
        return null;
      }
      const first = loaded();
      space.inserted = survey.keys.size;
      if (first.count === 0) return null;
      let id = 0;
      return opSource(first.count, (batch: OpBatch, i: number) => {
        while (first.marks[id] === 0) id++;
        batch.kind[i] = 0;
        batch.key[i] = id;
        batch.ns[i] = first.ns[id] as number;
        batch.arg[i] = 0;
        id++;
      });
    },
    createRun(p: WorkloadParams, _rng, space, ops: number | null): OpSource {
      space.inserted = survey.keys.size;
      const scanLength = settingNumber(p.extra, 'scanLength', { integer: true, min: 1 });
      let recs = new TraceRecords(path);
      const op = emptyOp();
      let emitted = 0;
      return opSource(ops, (batch: OpBatch, i: number) => {
        // At the end of the trace, again from its start (a run longer than the trace).
        if (!recs.next(op)) {
          recs = new TraceRecords(path);
          recs.next(op);
        }
        batch.kind[i] = kindOf[op.op] as number;
        batch.key[i] = survey.keys.idOf(op);
        batch.ns[i] = op.ns;
        batch.arg[i] = op.op === OP_SCAN ? (op.scanLength > 0 ? op.scanLength : scanLength) : 0;
        // A run cut short of the trace's end closes the file with its last op.
        if (++emitted === ops) recs.close();
      });
    },
  };
}
