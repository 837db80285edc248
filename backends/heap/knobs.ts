// The heap backend's knobs. Tune does not search the heap backend, and the memory it holds is
// the state itself, measured after a cell (traits.ts, measuredMemory), not bounded by a knob:
// no record here carries a tuner range or a memory role. knob-coverage.test.ts observes each.
import type { KnobSpec } from '../types.js';

export const HEAP_KNOBS: readonly KnobSpec[] = [
  {
    name: 'valueMode',
    type: 'enum',
    allowed: ['bytes', 'object'],
    default: 'bytes',
    help: 'bytes: keep a private copy of each value (serialised state); object: keep the caller\'s object by reference, as Flink\'s heap backend keeps Java objects',
  },
  {
    name: 'checkpointFsync',
    type: 'bool',
    default: true,
    help: 'fsync the snapshot file a checkpoint writes (a stream processor\'s checkpoint must survive a crash)',
  },
];
