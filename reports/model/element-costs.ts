// What one input element costs on each backend: per workload that says what an element is (a
// Flink workload, or one with kinds that begin an element) and per configuration, the run
// phase's state accesses per input element and its elements per second beside its ops per
// second (medians over the ok repeats). From the cells' recorded elements (PhaseResult.elements);
// documents from before they were recorded have no rows.

import type { ResultDocument } from '../../core/result/schema.js';
import { median } from '../../core/stats.js';
import { groupConfigurations } from './configurations.js';
import { formatNumber, formatWhole } from '../../core/numbers.js';

export interface ElementCostRow {
  readonly workload: string;
  readonly configuration: string;
  readonly accessesPerElement: number | null;
  readonly elementsPerSec: number | null;
  readonly opsPerSec: number | null;
}

/** The workload settings that differ among a workload's cells (ttlCleanup=none ...), named after the configuration. */
function settingsLabel(ref: Readonly<Record<string, unknown>>, all: readonly Readonly<Record<string, unknown>>[]): string {
  const differing = Object.keys(ref).filter((k) => k !== 'name' && all.some((o) => JSON.stringify(o[k]) !== JSON.stringify(ref[k])));
  return differing.map((k) => ` ${k}=${String(ref[k])}`).join('');
}

export function elementCostRows(doc: ResultDocument): ElementCostRow[] {
  const rows: ElementCostRow[] = [];
  const refsOf = (workload: string) => doc.cells.filter((c) => c.workload.name === workload).map((c) => c.workload);
  for (const config of groupConfigurations(doc)) {
    const cells = config.ok.filter((c) => c.phases.run?.elements !== undefined);
    const first = cells[0];
    if (first === undefined) continue;
    if (first.workload.source !== 'flink' && !(first.operationKinds ?? []).some((k) => k.element === true)) continue;
    rows.push({
      workload: config.workload,
      configuration: config.label + settingsLabel(first.workload, refsOf(first.workload.name)),
      accessesPerElement: median(cells.map((c) => c.phases.run?.elements?.accessesPerElement)),
      elementsPerSec: median(cells.map((c) => c.phases.run?.elements?.elementsPerSec)),
      opsPerSec: median(cells.map((c) => c.phases.run?.throughputOpsPerSec)),
    });
  }
  return rows.sort((a, b) => a.workload.localeCompare(b.workload));
}

/** "window-agg, lsm: 2.00 state accesses per input element, 40,100 elements/s (80,200 ops/s)". */
export function elementCostText(r: ElementCostRow): string {
  const accesses = formatNumber(r.accessesPerElement);
  return `${r.workload}, ${r.configuration}: ${accesses} state access${accesses === '1' ? '' : 'es'} per input element, ${formatWhole(r.elementsPerSec)} elements/s (${formatWhole(r.opsPerSec)} ops/s)`;
}
