// The heap keeps a 'timers' state as Flink's heap timer service does: one binary heap of timers
// with a hash map per key group that makes it a set (timer-queue.ts).
import { heapBackend } from './backend.js';
import { defineTimersSuite } from '../test-support/timers-suite.js';

defineTimersSuite(heapBackend);
