// The shared conformance suite, once per write path, and once with sync writes batched
// (writeBatchOps > 1, where the transaction is held open between calls).
import { describe } from 'vitest';
import { lmdbBackend } from './backend.js';
import { defineConformanceSuite } from '../test-support/conformance-suite.js';

describe('writePath=async', () => defineConformanceSuite(lmdbBackend, { knobs: { writePath: 'async' } }));
describe('writePath=sync', () => defineConformanceSuite(lmdbBackend, { knobs: { writePath: 'sync' } }));
describe('writePath=sync, writeBatchOps=16', () =>
  defineConformanceSuite(lmdbBackend, { knobs: { writePath: 'sync', writeBatchOps: '16' } }));
