// lmdb keeps a 'timers' state in a named database of its own, in Flink's RocksDB timer layout,
// through the caching queue Flink's RocksDB timer service uses (flink-layout/caching-queue-set.ts).
// noSync: every timer write is its own commit on the sync path, and the suite makes thousands.
import { describe } from 'vitest';
import { lmdbBackend } from './backend.js';
import { defineTimerCallsSuite, defineTimersSuite } from '../test-support/timers-suite.js';

describe('writePath=sync', () => defineTimersSuite(lmdbBackend, { writePath: 'sync', noSync: 'true' }));
describe('writePath=sync, writeBatchOps=16', () => defineTimersSuite(lmdbBackend, { writePath: 'sync', writeBatchOps: '16' }));
describe('writePath=async', () => defineTimersSuite(lmdbBackend, { writePath: 'async', noSync: 'true' }));
describe('writePath=sync', () => defineTimerCallsSuite(lmdbBackend, { writePath: 'sync', noSync: 'true' }));
