// lsm keeps a 'timers' state in a column family of its own, in Flink's RocksDB timer layout,
// through the caching queue Flink's RocksDB timer service uses (flink-layout/caching-queue-set.ts).
import { lsmBackend } from './backend.js';
import { defineTimersSuite } from '../test-support/timers-suite.js';

defineTimersSuite(lsmBackend);
