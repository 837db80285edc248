// The heap backend's state is only known once it exists: after a cell, the JS heap in use plus
// the value bytes the backend holds (copied values live outside the JS heap, in ArrayBuffers),
// as the backend itself reported them at the end of the cell.

import type { CellResult } from '../../core/result/schema.js';
import { formatBytes } from '../../core/units.js';

/** Bytes the heap backend's state took at the end of the cell (measured), or null. */
export function measuredHeapStateBytes(cell: CellResult): number | null {
  if (cell.status === 'skipped' || cell.backend !== 'heap' || !cell.engine) return null;
  const heap = cell.engine.metrics.heapUsedBytes;
  const values = cell.engine.metrics.valueBytes;
  if (typeof heap !== 'number') return null;
  return heap + (typeof values === 'number' ? values : 0);
}

/**
 * A heap cell whose measured state exceeds the budget becomes skipped, with the figure in the
 * reason; every other cell is returned as it is.
 */
export function applyMeasuredBudget(cell: CellResult, budgetBytes: number | null | undefined): CellResult {
  if (budgetBytes === null || budgetBytes === undefined) return cell;
  const state = measuredHeapStateBytes(cell);
  if (state === null || state <= budgetBytes) return cell;
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
    reason: `over the memory budget: heap state measured ${formatBytes(state)} (JS heap used + value bytes at the end of the cell) > --memory-budget ${formatBytes(budgetBytes)}`,
  };
}
