// The identifying fields of a cell, from its plan or spec alone: used when the cell was not run,
// or its child died before it could describe its workload itself.
import type { CellRef } from './cell-stub.js';
import { resolveWorkload } from '../../workloads/catalogue.js';
import { resolveParams } from '../../workloads/params.js';
import type { CellSpec } from '../cell/spec.js';
import { describeWorkloadRef } from '../cell/workload-ref.js';

export function describeSpecRef(spec: Pick<CellSpec, 'id' | 'backend' | 'knobs' | 'workload' | 'repeat' | 'seed'> & Partial<Pick<CellSpec, 'workloadParams' | 'threads'>>): CellRef {
  const threads = spec.threads ?? 1;
  return { id: spec.id, backend: spec.backend, knobs: spec.knobs, workload: workloadOf(spec), repeat: spec.repeat, seed: spec.seed, ...(threads > 1 ? { threads } : {}) };
}

/**
 * The workload as the child would have described it (its state size included), so a cell that
 * died (a heap out of memory) or was skipped groups and pairs with its finished repeats.
 */
function workloadOf(spec: Pick<CellSpec, 'workload'> & Partial<Pick<CellSpec, 'workloadParams'>>): CellRef['workload'] {
  if (!spec.workloadParams) return { name: spec.workload };
  try {
    const def = resolveWorkload(spec.workload);
    return describeWorkloadRef(def, resolveParams(def, spec.workloadParams));
  } catch {
    // The plan resolved it once; should a workload file vanish since, the name and size remain.
    const records = spec.workloadParams.records;
    return records !== undefined ? { name: spec.workload, records } : { name: spec.workload };
  }
}
