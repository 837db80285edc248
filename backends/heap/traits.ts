// What the harness, the tuner and the reports ask of the heap backend besides running it
// (BackendTraits). Its memory is the state itself: not bounded by a knob, measured after a cell.

import type { BackendTraits } from '../types.js';

export const HEAP_TRAITS: BackendTraits = {
  estimateMemory: () => ({ bytes: null, breakdown: 'the state itself, measured after the cell' }),
  // Copied values live outside the JS heap, in ArrayBuffers: the backend reports both.
  measuredMemory: (metrics) => {
    const heap = metrics.heapUsedBytes;
    const values = metrics.valueBytes;
    if (typeof heap !== 'number') return null;
    return { bytes: heap + (typeof values === 'number' ? values : 0), what: 'JS heap used + value bytes at the end of the cell' };
  },
  crashNotes: () => ({
    processKill: 'every write since the last completed checkpoint (state lives in process memory)',
    machineCrash: 'nothing more when the snapshot is fsynced (checkpointFsync=true); otherwise the snapshot itself may be lost',
  }),
  durableThroughCheckpoints: true,
  // Its state is on the heap, as a JVM's heap state backend's: bounded by the task heap, which no
  // knob of its own holds, so the harness checks the cell's memory against it.
  taskManagerBound: (m) => ({ kind: 'task heap', bytes: m.heap.taskHeap, checkedByHarness: true }),
  scalingReference: true,
  chartColour: '#f28e2b',
};
