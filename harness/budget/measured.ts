// Memory only known once the state exists (the heap's): after a cell, as the backend's engine
// report gave it (BackendTraits.measuredMemory).

import { backendTraits } from '../../backends/registry.js';
import type { EngineReport, MeasuredMemory } from '../../backends/types.js';
import type { CellResult } from '../../core/result/schema.js';
import { formatBytes } from '../../core/units.js';

function measuredMemory(cell: CellResult): MeasuredMemory | null {
  if (cell.status === 'skipped' || !cell.engine) return null;
  const measure = backendTraits(cell.backend)?.measuredMemory;
  if (!measure) return null;
  // --threads N: the engine report is slot 0's; every slot's metrics are in raw.threads, and each
  // slot's instance holds its own share of the state (its own heap, in its own worker).
  const threads = cell.engine.raw.threads;
  const slots = Array.isArray(threads) && threads.length > 1 ? (threads as (EngineReport['metrics'] | null)[]) : [cell.engine.metrics];
  let bytes = 0;
  let what = '';
  for (const metrics of slots) {
    const m = metrics ? measure(metrics) : null;
    if (!m) return null;
    bytes += m.bytes;
    what = m.what;
  }
  return { bytes, what: slots.length > 1 ? `${what}, summed over the ${slots.length} slots` : what };
}

/** Bytes the cell's state took at the end of the cell (measured), or null when its backend measures none. */
export function measuredStateBytes(cell: CellResult): number | null {
  return measuredMemory(cell)?.bytes ?? null;
}

/**
 * A cell whose measured state exceeds the budget becomes skipped, with the figure in the
 * reason; every other cell is returned as it is.
 */
export function applyMeasuredBudget(cell: CellResult, budgetBytes: number | null | undefined): CellResult {
  if (budgetBytes === null || budgetBytes === undefined) return cell;
  const state = measuredMemory(cell);
  if (state === null || state.bytes <= budgetBytes) return cell;
  return {
    id: cell.id,
    backend: cell.backend,
    knobs: cell.knobs,
    workload: cell.workload,
    repeat: cell.repeat,
    seed: cell.seed,
    ...(cell.threads !== undefined ? { threads: cell.threads } : {}),
    startedAt: cell.startedAt,
    warnings: cell.warnings,
    status: 'skipped',
    reason: `over the memory budget: ${cell.backend} state measured ${formatBytes(state.bytes)} (${state.what}) > --memory-budget ${formatBytes(budgetBytes)}`,
  };
}
