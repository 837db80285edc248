// Input elements and state accesses of a phase, from its operations' counts and the kinds the
// workload declared: what one input element costs on a backend. A Flink operator workload emits,
// per element, one op of a kind marked `element` and then the further accesses the operator
// makes; an op whose action is 'none' (a late element Flink drops) is an element with no access.
// Without any element kind, each op is one element.

import type { OperationKindRecord, PhaseElements, PhaseResult } from './schema.js';

export function phaseElements(phase: Pick<PhaseResult, 'operations' | 'ops' | 'throughputOpsPerSec'>, kinds: readonly OperationKindRecord[]): PhaseElements {
  const byName = new Map(kinds.map((k) => [k.name, k]));
  const marked = kinds.some((k) => k.element === true);
  let elements = 0;
  let accesses = 0;
  let ops = 0;
  for (const [name, op] of Object.entries(phase.operations)) {
    const kind = byName.get(name);
    ops += op.count;
    if (kind?.action !== 'none') accesses += op.count;
    if (!marked || kind?.element === true) elements += op.count;
  }
  const rate = phase.throughputOpsPerSec;
  return {
    count: elements,
    stateAccesses: accesses,
    accessesPerElement: elements > 0 ? accesses / elements : null,
    elementsPerSec: rate !== null && ops > 0 ? (rate * elements) / ops : null,
  };
}
