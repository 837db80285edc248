// How a cell's workload is named in the result: the name plus every resolved parameter,
// so two cells pair (compare) only when their workloads really match.

import type { WorkloadRef } from '../../core/result/schema.js';
import type { ValueSizeSpec, WorkloadDefinition, WorkloadParams } from '../../workloads/types.js';

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
