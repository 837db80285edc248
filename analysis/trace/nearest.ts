// The built-in workload whose operation mix is nearest a trace's, by total variation distance
// between the two mixes in trace ops (a read-modify-write is a get and a put, a multi-get one
// get per key, an insert a put). A built-in's mix is counted from its own generator.

import { createRng } from '../../core/rng.js';
import { listWorkloads } from '../../workloads/catalogue.js';
import { resolveParams } from '../../workloads/params.js';
import { OpBatch, type Action } from '../../workloads/types.js';
import { TRACE_OPS } from '../../workloads/trace/format.js';

const SAMPLE_OPS = 20_000;
const SAMPLE_RECORDS = 1_000;

/** Trace ops an action counts as (index into TRACE_OPS, weight); empty: none (it cannot be in a trace). */
function traceOpsOf(action: Action, arg: number): readonly (readonly [number, number])[] {
  switch (action) {
    case 'get':
      return [[0, 1]];
    case 'put':
      return [[1, 1]];
    case 'delete':
      return [[2, 1]];
    case 'append':
      return [[3, 1]];
    case 'scan':
      return [[4, 1]];
    case 'rmw':
      return [[0, 1], [1, 1]];
    case 'multiget':
      return [[0, arg]];
    default:
      return [];
  }
}

export interface NearestWorkload {
  readonly name: string;
  /** Total variation distance between the mixes: 0 the same, 1 disjoint. */
  readonly distance: number;
}

/** A built-in's mix over TRACE_OPS plus one share for what no trace op is; null when it has no state access a trace can hold. */
function builtinMix(name: string): number[] | null {
  const def = listWorkloads().find((d) => d.name === name);
  if (!def) return null;
  const params = resolveParams(def, { records: SAMPLE_RECORDS });
  const source = def.createRun(params, createRng(1), { inserted: SAMPLE_RECORDS }, SAMPLE_OPS);
  const batch = new OpBatch(SAMPLE_OPS);
  const n = source.fill(batch, SAMPLE_OPS);
  const mix = new Array<number>(TRACE_OPS.length + 1).fill(0);
  for (let i = 0; i < n; i++) {
    const kind = def.operations[batch.kind[i] as number];
    if (!kind) continue;
    const ops = traceOpsOf(kind.action, batch.arg[i] as number);
    if (ops.length === 0) mix[TRACE_OPS.length] = (mix[TRACE_OPS.length] as number) + 1;
    for (const [op, w] of ops) mix[op] = (mix[op] as number) + w;
  }
  const total = mix.reduce((s, x) => s + x, 0);
  return total === 0 || mix[TRACE_OPS.length] === total ? null : mix.map((x) => x / total);
}

function totalVariation(a: readonly number[], b: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += Math.abs((a[i] ?? 0) - (b[i] ?? 0));
  return s / 2;
}

/** Mixes this close are the same mix drawn twice (ycsb-b and ycsb-d: 95 % reads). */
const SAME_MIX = 0.01;

/**
 * `mix`: the trace's shares of TRACE_OPS; `distribution`: the law its keys follow. Among
 * workloads of the same mix, the one whose own distribution is that law (zipfian matches
 * scrambled-zipfian too: a trace's ranks carry no key order to tell them apart).
 */
export function nearestWorkload(mix: readonly number[], distribution: string): NearestWorkload {
  // YCSB's and db_bench's workloads: the ones a published workload is compared with.
  const scored = listWorkloads()
    .filter((d) => d.source === 'ycsb' || d.source === 'dbbench')
    .flatMap((def) => {
      const m = builtinMix(def.name);
      return m ? [{ name: def.name, distance: totalVariation([...mix, 0], m), law: def.defaultDistribution.endsWith(distribution) ? 0 : 1 }] : [];
    });
  const least = Math.min(...scored.map((s) => s.distance));
  const near = scored.filter((s) => s.distance <= least + SAME_MIX).sort((a, b) => a.law - b.law || a.distance - b.distance);
  const best = near[0] as { name: string; distance: number };
  return { name: best.name, distance: best.distance };
}
