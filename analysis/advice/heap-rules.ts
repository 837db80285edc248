// Heap rules: the heap keeps state as JS objects, so it pays in GC pauses and memory what
// engines pay in serialisation and I/O (docs/references.md, "Flink's RocksDB state backend":
// flink-benchmarks measure the heap one to two orders of magnitude faster per operation while the
// state fits in memory).

import { CHART_IDS } from '../../core/result/chart-ids.js';
import { measuredStateBytes } from '../../harness/budget/measured.js';
import { formatBytes } from '../../core/units.js';
import { median } from '../../core/stats.js';
import type { AdviceContext, ConfigFacts } from './facts.js';
import type { ConfigRule } from './types.js';
import { formatShare } from '../../core/numbers.js';

/** GC pauses over this share of the measured time, or state over this share of the budget, speak. */
export const GC_SHARE_MAX = 0.1;
export const BUDGET_SHARE_MAX = 0.8;

export function heapStateBytes(f: ConfigFacts): number | null {
  return median(f.cells.map(measuredStateBytes));
}

/**
 * What the heap's state must fit: --memory-budget when given, else the task heap of the TaskManager
 * its cells ran in (--taskmanager-memory: one JVM heap holds the state of every slot).
 */
function budgetOf(f: ConfigFacts, ctx: AdviceContext): { bytes: number; text: string } | null {
  if (ctx.memoryBudgetBytes !== null) return { bytes: ctx.memoryBudgetBytes, text: `a ${formatBytes(ctx.memoryBudgetBytes)} budget` };
  const memory = f.cells.find((c) => c.memory?.bound?.kind === 'task heap')?.memory;
  const bound = memory?.bound;
  return memory && bound ? { bytes: bound.bytes, text: `the ${formatBytes(bound.bytes)} task heap of a ${memory.taskManager} TaskManager` } : null;
}

function nearBudget(f: ConfigFacts, ctx: AdviceContext): boolean {
  const state = heapStateBytes(f);
  const budget = budgetOf(f, ctx);
  return budget !== null && state !== null && state >= BUDGET_SHARE_MAX * budget.bytes;
}

export const heapGcOrMemory: ConfigRule = {
  id: 'heap-gc-or-memory',
  title: 'Heap state: GC pauses or memory close to the budget or task heap',
  backends: ['heap'],
  when: (f, ctx) => (f.gcPauseShare ?? 0) >= GC_SHARE_MAX || nearBudget(f, ctx),
  suggest: (f, ctx) => {
    const state = heapStateBytes(f);
    return {
      knob: null,
      action: 'switch backend to',
      value: 'lsm',
      backend: 'lsm',
      changes: {},
      // Near the budget the move is for memory: a faster measured heap is its cost, not a refutation.
      purpose: nearBudget(f, ctx) ? 'capacity' : 'speed',
      rationale: `The heap backend keeps every entry as a JS object: ${f.gcPauseShare !== null ? `GC paused ${formatShare(f.gcPauseShare)} of the measured time` : 'GC time unknown'}${state !== null ? `, state ${formatBytes(state)}${budgetOf(f, ctx) !== null ? ` of ${budgetOf(f, ctx)?.text}` : ''}` : ''}. An LSM tree keeps state off the JS heap with memory bounded by its write buffers and block cache, and grows past memory onto disk; each access then costs serialisation and a native call.`,
    };
  },
  evidence: (f, ctx) => [
    { metric: 'GC pause share of measured time', value: f.gcPauseShare, chart: CHART_IDS.timeline },
    { metric: 'heap state (bytes, measured)', value: heapStateBytes(f), chart: null },
    { metric: 'memory budget or task heap (bytes)', value: budgetOf(f, ctx)?.bytes ?? null, chart: null },
    { metric: 'throughput (ops/s)', value: f.opsPerSec, chart: CHART_IDS.throughput },
  ],
};

export const HEAP_RULES: readonly ConfigRule[] = [heapGcOrMemory];
