// The heap backend's knobs.
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
