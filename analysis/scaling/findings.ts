// The scaling findings of a result document: one per workload measured at two or more state
// sizes (--records 100k,1M,10M), each with its heap crossover and block-cache falloff.

import type { ResultDocument, ScalingFinding } from '../../core/result/schema.js';
import { findCacheFalloff } from './cache-falloff.js';
import { findCrossover } from './crossover.js';
import { sizedWorkloads } from './size-groups.js';

export function scalingFindings(doc: ResultDocument): ScalingFinding[] {
  return sizedWorkloads(doc).map((w) => ({
    kind: 'scaling',
    workload: w.workload,
    sizes: [...w.sizes],
    crossover: findCrossover(w),
    cacheFalloff: findCacheFalloff(w),
  }));
}

/** The document's `findings` field: absent when there is nothing to find (one state size). */
export function documentFindings(doc: ResultDocument): { findings?: ScalingFinding[] } {
  const findings = scalingFindings(doc);
  return findings.length > 0 ? { findings } : {};
}
