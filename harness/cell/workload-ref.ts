// How a cell's workload is named in the result: the name plus every resolved parameter,
// so two cells pair (compare) only when their workloads really match.

import type { OperationKindRecord, PhaseResult, WorkloadRef } from '../../core/result/schema.js';
import type { ValueSizeSpec, WorkloadDefinition, WorkloadParams } from '../../workloads/types.js';
import { phaseElements } from '../../core/result/elements.js';

export function formatValueSize(v: ValueSizeSpec): string {
  switch (v.kind) {
    case 'constant':
      return `${v.bytes}`;
    case 'uniform':
      return `uniform:${v.min}-${v.max}`;
    case 'zipfian':
      return `zipfian:${v.min}-${v.max}`;
    case 'histogram':
      return `histogram:${v.buckets.map((b) => `${b.bytes}=${b.weight}`).join(',')}`;
  }
}

export function describeWorkloadRef(def: WorkloadDefinition, params: WorkloadParams): WorkloadRef {
  return {
    name: def.name,
    source: def.source,
    records: params.records,
    distribution: params.distribution,
    theta: params.theta,
    valueSize: formatValueSize(params.valueSize),
    compressibility: params.compressibility,
    ...params.extra,
  };
}

/** The workload's operation kinds as the document records them (Cell.operationKinds). */
export function operationKindRecords(def: WorkloadDefinition): OperationKindRecord[] {
  return def.operations.map((k) => ({
    name: k.name,
    action: k.action,
    writes: k.writes,
    ...(k.state !== undefined ? { state: k.state } : {}),
    ...(k.element !== undefined ? { element: k.element } : {}),
  }));
}

/** The run phase with its input elements and state accesses (PhaseResult.elements). */
export function withElements(phase: PhaseResult, kinds: readonly OperationKindRecord[]): PhaseResult {
  return { ...phase, elements: phaseElements(phase, kinds) };
}
