// The identifying fields of a cell, from its plan or spec alone: used when the cell was not run,
// or its child died before it could describe its workload itself.
import type { CellRef } from '../exec/cell-stub.js';
import type { CellSpec } from './spec.js';

export function describeSpecRef(spec: Pick<CellSpec, 'id' | 'backend' | 'knobs' | 'workload' | 'repeat' | 'seed'>): CellRef {
  return { id: spec.id, backend: spec.backend, knobs: spec.knobs, workload: { name: spec.workload }, repeat: spec.repeat, seed: spec.seed };
}
