// Rules that read a replayed trace's LRU miss-ratio curve (statebench trace, docs/traces.md):
// the curve says what hit ratio each cache size would give these accesses, so the block cache
// can be sized from the trace itself rather than from the hit ratio measured at one size.

import { knobNumber, type AdviceContext, type ConfigFacts, type CurvePoint } from './facts.js';
import { cacheBytes, fitsBudget } from './lsm-rules.js';
import type { ConfigRule, Suggestion } from './types.js';
import { formatBytes } from '../../core/units.js';
import { formatShare } from '../../core/numbers.js';

const MiB = 1024 * 1024;
/** The target size gets within this much of the miss ratio of a cache holding every key. */
const NEAR_FLOOR = 0.05;
/** A larger cache is suggested only when it cuts the miss ratio by this much. */
const MIN_GAIN = 0.1;
/** Blocks are cached uncompressed with their index entries and restarts: the entries' bytes plus half again. */
const BLOCK_OVERHEAD = 1.5;

/** The miss ratio of a cache of `bytes` by the curve: the point at or below it (the curve falls with size). */
function missAt(curve: readonly CurvePoint[], bytes: number): number {
  let miss = 1;
  for (const p of curve) if (p.bytes !== null && p.bytes * BLOCK_OVERHEAD <= bytes) miss = p.missRatio;
  return miss;
}

interface Target {
  readonly point: CurvePoint;
  readonly bytes: number;
  readonly missNow: number;
}

function target(f: ConfigFacts, ctx: AdviceContext): Target | null {
  const curve = ctx.missRatioCurves.get(f.workload);
  if (!curve || curve.length === 0 || curve.some((p) => p.bytes === null)) return null;
  const floor = (curve[curve.length - 1] as CurvePoint).missRatio;
  const point = curve.find((p) => p.missRatio <= floor + NEAR_FLOOR) as CurvePoint;
  const bytes = Math.ceil(((point.bytes as number) * BLOCK_OVERHEAD) / MiB) * MiB;
  const missNow = missAt(curve, cacheBytes(f));
  return bytes > cacheBytes(f) && missNow - point.missRatio >= MIN_GAIN ? { point, bytes, missNow } : null;
}

export const lsmBlockCacheFromTrace: ConfigRule = {
  id: 'lsm-block-cache-from-trace',
  title: "Block cache smaller than the replayed trace's miss-ratio curve asks",
  backends: ['lsm'],
  when: (f, ctx) => f.shape.reads >= 0.2 && target(f, ctx) !== null,
  suggest: (f, ctx): Suggestion | null => {
    const t = target(f, ctx) as Target;
    const cache = cacheBytes(f);
    const found =
      `The trace's LRU miss-ratio curve (statebench trace) gives ${formatShare(t.missNow)} misses at this ${formatBytes(cache)} cache and ${formatShare(t.point.missRatio)} at ${formatBytes(t.bytes)} ` +
      `(${t.point.keys} keys and their values, plus half again for blocks); an LRU of keys, so an estimate for blocks, which hold neighbouring keys too.`;
    const bound = knobNumber(f, 'boundedMemory');
    // Under Flink's bound the cache is its share of the bound: scale the bound.
    const [knob, value] = bound !== null && bound > 0 ? ['boundedMemory', Math.ceil((bound * t.bytes) / cache / MiB) * MiB] : ['blockCacheSize', t.bytes];
    const changes: Record<string, number> = { [knob]: value };
    if (!fitsBudget(f, ctx, changes)) return null;
    return { knob, action: 'increase', value, rationale: found, changes };
  },
  evidence: (f, ctx) => [
    { metric: 'block cache hit ratio', value: f.blockCacheHitRatio, chart: null },
    { metric: 'block cache capacity (bytes)', value: cacheBytes(f), chart: null },
    { metric: 'trace LRU miss ratio at this capacity', value: target(f, ctx)?.missNow ?? null, chart: null },
  ],
};

export const TRACE_RULES: readonly ConfigRule[] = [lsmBlockCacheFromTrace];
