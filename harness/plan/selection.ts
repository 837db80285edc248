// What a run does with each planned cell before spawning it: cells outside --shard are left to
// other machines, cells a stopped run (--resume) finished ok are taken over as measured, and
// cells whose knob-bounded memory exceeds --memory-budget are skipped with the reason.

import { budgetSkips } from './budget.js';
import { selectShard } from './shard.js';
import { matchResumed } from './resume.js';
import { readResultsJsonl } from './read-results.js';
import type { CellResult } from '../../core/result/schema.js';
import type { ResolvedRunOptions } from './run-options.js';
import type { Plan, PlannedCell } from './run-cells.js';

export type CellAction =
  | { readonly kind: 'run'; readonly cell: PlannedCell }
  | { readonly kind: 'resumed'; readonly cell: PlannedCell; readonly result: CellResult }
  | { readonly kind: 'over-budget'; readonly cell: PlannedCell; readonly reason: string };

export interface CellSelection {
  readonly actions: readonly CellAction[];
  /** Lines for the log: how many cells were resumed, ignored, skipped by the budget. */
  readonly notes: readonly string[];
}

/** Must run before the result writer truncates results.jsonl (--resume may name that very file). */
export function selectCells(plan: Plan, o: ResolvedRunOptions): CellSelection {
  const cells = selectShard(plan.cells, o.shard);
  const notes: string[] = [];
  if (o.shard) notes.push(`shard ${o.shard.index}/${o.shard.count}: ${cells.length} of the plan's ${plan.cells.length} cells`);
  const resumed = o.resume ? matchResumed(cells, readResultsJsonl(o.resume)) : null;
  if (resumed && o.resume) {
    notes.push(`resume ${o.resume}: ${resumed.done.size} cell(s) already done ok are kept; ${cells.length - resumed.done.size} to run${resumed.ignored > 0 ? ` (${resumed.ignored} line(s) not ok or not of this plan are ignored)` : ''}`);
  }
  const skips = budgetSkips(cells, o.memoryBudgetBytes, o.flinkConf?.memoryBudgetBytes ?? null, o.flinkConf?.memoryBudgetScope ?? null);
  if (skips.size > 0) notes.push(`memory budget: ${skips.size} cell(s) do not fit and are skipped`);
  const actions: CellAction[] = cells.map((cell) => {
    const done = resumed?.done.get(cell.id);
    if (done) return { kind: 'resumed', cell, result: done };
    const reason = skips.get(cell.id);
    if (reason) return { kind: 'over-budget', cell, reason };
    return { kind: 'run', cell };
  });
  return { actions, notes };
}
