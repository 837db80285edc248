// The identifying fields of a cell, from its spec alone: used when a child died before it
// could describe its workload itself.
import type { CellSpec } from './spec.js';

export function describeSpecRef(spec: CellSpec) {
  return {
    id: spec.id,
    backend: spec.backend,
    knobs: { ...spec.knobs },
    workload: { name: spec.workload },
    repeat: spec.repeat,
    seed: spec.seed,
    startedAt: null,
    warnings: [] as string[],
  };
}
