// The heap keeps each Flink state in a table of its own, split by key group.
import { describe, expect, it } from 'vitest';
import { heapBackend } from './backend.js';
import { defineFlinkStatesSuite, MAP, VALUE_A, WINDOW, withInstance } from '../test-support/flink-states-suite.js';
import { resolveKnobs } from '../resolve-knobs.js';
import { tempDir } from '../../core/test-support/temp-dir.js';

defineFlinkStatesSuite(heapBackend);
defineFlinkStatesSuite(heapBackend, { valueMode: 'object' });

describe('heap Flink states', () => {
  it('counts the keys of its states in the interval sample', () =>
    withInstance(heapBackend, {}, (db) => {
      const a = db.state?.(VALUE_A);
      for (let k = 0; k < 100; k++) a?.put(k, Uint8Array.of(1));
      expect(db.sampleStats().stateKeys).toBe(100);
    }));

  it('writes its states into a checkpoint and restores them from it', async () => {
    const snapshot = tempDir();
    await withInstance(heapBackend, {}, async (db) => {
      db.state?.(VALUE_A).put(1, Uint8Array.of(1));
      db.state?.(MAP).put(7, Uint8Array.of(2), 3);
      db.state?.(WINDOW).put(5, Uint8Array.of(3), 9);
      db.put(1, Uint8Array.of(4));
      const info = await db.checkpoint(snapshot);
      expect(info.files).toBe(2);
    });
    const back = await heapBackend.open(snapshot, resolveKnobs(heapBackend.describe(), {}), { keySize: 16, seed: 1 });
    try {
      expect(Array.from(back.state?.(VALUE_A).get(1) ?? [])).toEqual([1]);
      expect(back.state?.(MAP).scan(0, 10, 3).map((e) => [e.key, Array.from(e.value)])).toEqual([[7, [2]]]);
      expect(Array.from(back.state?.(WINDOW).get(5, 9) ?? [])).toEqual([3]);
      expect(Array.from(back.get(1) ?? [])).toEqual([4]);
    } finally {
      await back.close();
    }
  });
});
