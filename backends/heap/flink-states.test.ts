// The heap keeps each Flink state in a table of its own, split by key group.
import { describe, expect, it } from 'vitest';
import { heapBackend } from './backend.js';
import { defineFlinkStatesSuite, VALUE_A, withInstance } from '../test-support/flink-states-suite.js';

defineFlinkStatesSuite(heapBackend);
defineFlinkStatesSuite(heapBackend, { valueMode: 'object' });

describe('heap Flink states', () => {
  it('counts the keys of its states in the interval sample', () =>
    withInstance(heapBackend, {}, (db) => {
      const a = db.state?.(VALUE_A);
      for (let k = 0; k < 100; k++) a?.put(k, Uint8Array.of(1));
      expect(db.sampleStats().stateKeys).toBe(100);
    }));
});
