// `statebench trace FILE`: what a trace does, from a survey pass and one more pass over its
// keys: the operation mix, distinct keys, value sizes, key popularity with a fitted zipfian θ,
// stack (reuse) distances, the LRU miss-ratio curve, and the built-in workload nearest it.

import { emptyOp, TRACE_OPS } from '../../workloads/trace/format.js';
import { TraceRecords } from '../../workloads/trace/records.js';
import { surveyTrace } from '../../workloads/trace/survey.js';
import { nearestWorkload, type NearestWorkload } from './nearest.js';
import { byRank, fitZipf, topShare, type ZipfFit } from './popularity.js';
import { curveSizes, distancePercentile, missRatioCurve, StackDistanceCounter } from './stack-distance.js';

/** A uniform law fits a zipfian θ this small as well: the summary names it uniform. */
const UNIFORM_THETA = 0.05;

export interface TraceSummary {
  readonly file: string;
  readonly ops: number;
  /** Share of operations by op (get, put, delete, merge, scan). */
  readonly mix: Readonly<Record<string, number>>;
  readonly distinctKeys: number;
  readonly distinctKeyBytes: number;
  /** Bytes a replay's key index holds per distinct key. */
  readonly internedBytesPerKey: number;
  readonly valueSizes: { readonly count: number; readonly mean: number; readonly p50: number; readonly p90: number; readonly p99: number; readonly max: number } | null;
  readonly durationS: number | null;
  readonly popularity: { readonly top1PctShare: number; readonly zipf: ZipfFit };
  readonly reuse: { readonly method: 'exact' | 'shards'; readonly samplingRate: number; readonly coldShare: number; readonly p50Keys: number | null; readonly p90Keys: number | null; readonly p99Keys: number | null };
  /** LRU miss ratio by cache size in keys, and in bytes when the trace gives value sizes (keys + values). */
  readonly missRatioCurve: readonly { readonly keys: number; readonly bytes: number | null; readonly missRatio: number }[];
  readonly nearest: NearestWorkload & { readonly distribution: string; readonly theta: number | null; readonly records: number };
}

function sizePercentile(sorted: readonly (readonly [number, number])[], total: number, p: number): number {
  let acc = 0;
  for (const [size, c] of sorted) {
    acc += c;
    if (acc >= p * total) return size;
  }
  return (sorted[sorted.length - 1] as [number, number])[0];
}

export function summariseTrace(path: string): TraceSummary {
  const survey = surveyTrace(path);
  const counts = new Uint32Array(survey.keys.size);
  const stack = new StackDistanceCounter(survey.keys.size, survey.ops);
  const recs = new TraceRecords(path);
  const op = emptyOp();
  while (recs.next(op)) {
    const id = survey.keys.idOf(op);
    counts[id] = (counts[id] as number) + 1;
    stack.add(id);
  }
  const d = stack.finish();
  const ranked = byRank(counts);
  const zipf = fitZipf(ranked);
  const mixShares = survey.counts.map((c) => c / survey.ops);
  const sizes = [...survey.valueSizes.entries()].sort((a, b) => a[0] - b[0]);
  const sized = sizes.reduce((s, [, c]) => s + c, 0);
  const meanValue = sized === 0 ? null : sizes.reduce((s, [v, c]) => s + v * c, 0) / sized;
  const entryBytes = meanValue === null ? null : survey.keys.keyBytes() / survey.keys.size + meanValue;
  const uniform = zipf.theta < UNIFORM_THETA;
  return {
    file: path,
    ops: survey.ops,
    mix: Object.fromEntries(TRACE_OPS.map((name, i) => [name, mixShares[i] as number])),
    distinctKeys: survey.keys.size,
    distinctKeyBytes: survey.keys.keyBytes(),
    internedBytesPerKey: survey.keys.bytesPerKey(),
    valueSizes:
      sized === 0
        ? null
        : {
            count: sized,
            mean: meanValue as number,
            p50: sizePercentile(sizes, sized, 0.5),
            p90: sizePercentile(sizes, sized, 0.9),
            p99: sizePercentile(sizes, sized, 0.99),
            max: (sizes[sizes.length - 1] as [number, number])[0],
          },
    durationS: survey.span ? (survey.span.lastUs - survey.span.firstUs) / 1e6 : null,
    popularity: { top1PctShare: topShare(ranked, 0.01), zipf },
    reuse: {
      method: d.method,
      samplingRate: d.rate,
      coldShare: d.counted === 0 ? 0 : d.cold / d.counted,
      p50Keys: distancePercentile(d, 0.5),
      p90Keys: distancePercentile(d, 0.9),
      p99Keys: distancePercentile(d, 0.99),
    },
    missRatioCurve: missRatioCurve(d, curveSizes(survey.keys.size)).map((p) => ({ ...p, bytes: entryBytes === null ? null : Math.round(p.keys * entryBytes) })),
    nearest: { ...nearestWorkload(mixShares, uniform ? 'uniform' : 'zipfian'), distribution: uniform ? 'uniform' : 'zipfian', theta: uniform ? null : zipf.theta, records: survey.keys.size },
  };
}
