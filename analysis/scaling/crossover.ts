// The heap crossover of a state-size sweep: the smallest measured size at which heap stops being
// the right choice for a workload, because another configuration's run throughput is higher
// (median over repeats), or heap's cells failed (out of memory), or heap exceeded
// --memory-budget; with the two measurements that show it and the size below, where heap still
// led. docs/scaling.md states the rule. "Heap" is the backend that says it is the reference
// (BackendTraits.scalingReference: state in process memory).

import { backendTraits } from '../../backends/registry.js';
import type { ScalingFinding, SizeMeasurement } from '../../core/result/schema.js';
import { measureAt, type SizedWorkload } from './size-groups.js';

type Crossover = NonNullable<ScalingFinding['crossover']>;

const isReference = (backend: string): boolean => backendTraits(backend)?.scalingReference === true;

/** null: the workload has no heap configuration, or nothing else to compare it with. */
export function findCrossover(w: SizedWorkload): Crossover | null {
  const heap = w.configurations.filter((c) => isReference(c.backend));
  const others = w.configurations.filter((c) => !isReference(c.backend));
  if (heap.length === 0 || others.length === 0) return null;
  let before: Crossover['before'] = null;
  for (const records of w.sizes) {
    const bestHeap = best(heap.map((c) => measureAt(c, records)));
    if (!bestHeap) continue; // heap not measured at this size
    const bestOther = fastest(others.map((c) => measureAt(c, records)));
    if (bestHeap.status !== 'ok') {
      return { records, reason: bestHeap.status, heap: bestHeap, other: bestOther, before };
    }
    if (bestOther && (bestOther.opsPerSec ?? 0) > (bestHeap.opsPerSec ?? 0)) {
      return { records, reason: 'slower', heap: bestHeap, other: bestOther, before };
    }
    before = { heap: bestHeap, other: bestOther };
  }
  // Heap led at every size it ran: the figures at the largest one.
  return before ? { records: null, reason: null, heap: before.heap, other: before.other, before: null } : null;
}

/** The fastest configuration that finished at this size, or null. */
function fastest(ms: readonly (SizeMeasurement | null)[]): SizeMeasurement | null {
  let top: SizeMeasurement | null = null;
  for (const m of ms) if (m?.status === 'ok' && (top === null || (m.opsPerSec ?? 0) > (top.opsPerSec ?? 0))) top = m;
  return top;
}

/** Heap's best showing at a size: its fastest finished configuration, else why none finished (over budget before errored). */
function best(ms: readonly (SizeMeasurement | null)[]): SizeMeasurement | null {
  return fastest(ms) ?? ms.find((m) => m?.status === 'over-budget') ?? ms.find((m) => m?.status === 'errored') ?? null;
}
