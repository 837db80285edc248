// Memory only known once the state exists (the heap's): after a cell, as the backend's engine
// report gave it (BackendTraits.measuredMemory).

import { backendTraits } from '../../backends/registry.js';
import type { MeasuredMemory } from '../../backends/types.js';
import type { CellResult } from '../../core/result/schema.js';
import { formatBytes } from '../../core/units.js';

function measuredMemory(cell: CellResult): MeasuredMemory | null {
  if (cell.status === 'skipped' || !cell.engine) return null;
  return backendTraits(cell.backend)?.measuredMemory?.(cell.engine.metrics) ?? null;
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
