// The budget check before a run: each planned cell whose knob-bounded memory exceeds the budget
// is skipped with the reason (the arithmetic in the reason, so a user sees what to shrink).

import { resolveWorkload } from '../../workloads/catalogue.js';
import { resolveParams } from '../../workloads/params.js';
import type { ValueSizeSpec } from '../../workloads/types.js';
import { formatBytes } from '../../core/units.js';
import type { PlannedCell } from './run-cells.js';
import { estimateCellMemory } from '../budget/estimate.js';
import { flinkConfReader } from '../../backends/registry.js';

export function meanValueBytes(v: ValueSizeSpec): number {
  switch (v.kind) {
    case 'constant':
      return v.bytes;
    case 'uniform':
    case 'zipfian':
      return (v.min + v.max) / 2;
    case 'histogram': {
      const w = v.buckets.reduce((s, b) => s + b.weight, 0);
      return w > 0 ? v.buckets.reduce((s, b) => s + b.bytes * b.weight, 0) / w : 0;
    }
  }
}

/**
 * Why each cell that cannot fit is skipped, by cell id (cells that fit are absent). Each cell counts
 * its threads' instances (cell.threads); `flinkBudgetScope` is --flink-conf's memoryBudgetScope
 * (the budget's wording only: the bytes come from the knobs).
 */
export function budgetSkips(
  cells: readonly PlannedCell[],
  budgetBytes: number | null | undefined,
  flinkBudgetBytes: number | null,
  flinkBudgetScope: 'slot' | 'taskmanager' | null = null,
): Map<string, string> {
  const out = new Map<string, string>();
  if (budgetBytes === null || budgetBytes === undefined) return out;
  for (const cell of cells) {
    const params = resolveParams(resolveWorkload(cell.workload), cell.workloadParams);
    const est = estimateCellMemory(cell.backend, cell.knobs, {
      records: params.records,
      meanValueBytes: meanValueBytes(params.valueSize),
      keySize: cell.keySize,
      flinkBudgetBytes: cell.backend === flinkConfReader()?.backend ? flinkBudgetBytes : null,
      ...(flinkBudgetScope ? { flinkBudgetScope } : {}),
      threads: cell.threads ?? 1,
    });
    if (est.bytes !== null && est.bytes > budgetBytes) {
      out.set(cell.id, `over the memory budget: ${est.breakdown} > --memory-budget ${formatBytes(budgetBytes)}`);
    }
  }
  return out;
}
