// How many operations to time: all of them when an operation costs far more than timing it,
// one in N when timing would be a visible share of the operation (the heap's tens of
// nanoseconds; an LMDB read of a microsecond or two). N keeps the harness's timing cost under
// TIMING_BUDGET of the operation's own time; throughput always comes from wall-clock.

import { median } from '../../core/stats.js';
import { now } from './clock.js';
import { createHistogram, recordNs } from './histogram.js';

/** The share of an operation's time that timing it may add. */
export const TIMING_BUDGET = 0.01;
export const MAX_SAMPLE_EVERY = 1024;

/**
 * Median cost (ns) of what the loop adds to a timed op: two clock readings and one histogram
 * write, measured where they run: between memory reads that miss the cache, as an engine's
 * lookups do. There the pair costs more than in a tight loop (165 to 290 ns against about 170 ns
 * here, and more still next to an engine call): the clock read is ordered, so it waits for the
 * loads in flight and stops the overlap of neighbouring lookups.
 */
export function measureTimingCostNs(rounds = 5, loads = 200_000, every = 16): number {
  const table = new Float64Array(1 << 22); // 32 MiB: well past the caches
  // Each slot holds another slot's index: a read follows one link, as a hash lookup does.
  let y = 0x2545f491;
  for (let i = 0; i < table.length; i++) {
    y ^= y << 13;
    y ^= y >>> 17;
    y ^= y << 5;
    table[i] = (y >>> 0) & (table.length - 1);
  }
  const h = createHistogram();
  const costs: number[] = [];
  let sink = 0;
  for (let r = 0; r < rounds; r++) {
    const a0 = now();
    sink += missLoop(table, loads, 0, h, r);
    const plain = now() - a0;
    const b0 = now();
    sink += missLoop(table, loads, every, h, r);
    const timed = now() - b0;
    costs.push(Math.max(0, ((timed - plain) * 1e6) / (loads / every)));
  }
  const tight = tightTimingCostNs(h);
  return sink === -1 ? 0 : Math.max(tight, median(costs) ?? 0);
}

/** `loads` independent random reads of `table`; with every > 0, one in `every` is timed. */
function missLoop(table: Float64Array, loads: number, every: number, h: ReturnType<typeof createHistogram>, seed: number): number {
  const mask = table.length - 1;
  let x = (0x9e3779b9 ^ seed) | 0;
  let sum = 0;
  for (let i = 0; i < loads; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    if (every > 0 && i % every === 0) {
      const t0 = now();
      sum += table[table[x & mask] as number] as number;
      const t1 = now();
      recordNs(h, 1 + (((t1 - t0) * 1e6) | 0));
    } else {
      sum += table[table[x & mask] as number] as number;
    }
  }
  return sum;
}

/** The same in a tight loop: the least a timed op can cost. */
function tightTimingCostNs(h: ReturnType<typeof createHistogram>, n = 20_000): number {
  let sink = 0;
  const start = now();
  for (let i = 0; i < n; i++) {
    const t0 = now();
    const t1 = now();
    recordNs(h, 1 + (((t1 - t0) * 1e6) | 0));
    sink += t1;
  }
  return sink === -1 ? 0 : ((now() - start) * 1e6) / n;
}

/** The power of two N such that timing one op in N costs at most TIMING_BUDGET of the ops' time. */
export function chooseSampleEvery(meanOpNs: number, timingCostNs: number): number {
  if (!(meanOpNs > 0) || !(timingCostNs > 0)) return 1;
  const needed = timingCostNs / (TIMING_BUDGET * meanOpNs);
  let n = 1;
  while (n < needed && n < MAX_SAMPLE_EVERY) n *= 2;
  return n;
}

