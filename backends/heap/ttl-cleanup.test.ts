// Flink's TTL cleanup on the heap: incremental cleanup on state access, and a full snapshot that
// leaves expired entries out while the live state keeps them.
import { describe, expect, it } from 'vitest';
import { heapBackend } from './backend.js';
import { resolveKnobs } from '../resolve-knobs.js';
import { tempDir } from '../../core/test-support/temp-dir.js';
import type { StateDescriptor, TtlCleanup } from '../../core/flink/keyed-state.js';
import { ttlSampleKey } from '../../core/result/ttl-series.js';

const TTL = 100;
const seen = (ttlCleanup: TtlCleanup): StateDescriptor => ({ name: 'seen', kind: 'value', namespace: { kind: 'void' }, ttl: TTL, ttlCleanup, maxParallelism: 128 });

/** A value stamped as Flink's TtlSerializer stamps it: the 8-byte big-endian time, then the user value. */
function stamped(tick: number): Uint8Array {
  const v = new Uint8Array(16);
  new DataView(v.buffer).setBigUint64(0, BigInt(tick));
  return v;
}

const open = () => heapBackend.open(tempDir(), resolveKnobs(heapBackend.describe(), {}), { keySize: 16, seed: 1 });

describe('heap TTL cleanup', () => {
  it('incremental (the default): each access removes the expired among the next 5 entries, and keeps the live', async () => {
    const db = await open();
    try {
      const s = db.state?.(seen('background'));
      if (!s) throw new Error('no state');
      // 1000 entries written at tick 0 (expired at 100), 1000 at tick 90 (live until 190).
      for (let k = 0; k < 2000; k++) s.put(k, stamped(k < 1000 ? 0 : 90));
      db.setStateTime?.(150);
      const before = db.sampleStats();
      expect(before[ttlSampleKey('seen', 'stored')]).toBe(2000);
      expect(before[ttlSampleKey('seen', 'expired')]).toBe(1000);
      // 10 accesses check 50 entries: at most 50 removed.
      for (let i = 0; i < 10; i++) s.get(5000);
      const early = db.sampleStats();
      expect(early[ttlSampleKey('seen', 'cleaned')]).toBeGreaterThan(0);
      expect(early[ttlSampleKey('seen', 'cleaned')]).toBeLessThanOrEqual(50);
      // 400 accesses (2000 entries checked): every expired entry gone, every live one kept.
      for (let i = 0; i < 400; i++) s.get(5000);
      const after = db.sampleStats();
      expect(after[ttlSampleKey('seen', 'expired')]).toBe(0);
      expect(after[ttlSampleKey('seen', 'stored')]).toBe(1000);
      expect(s.get(1500)).toBeDefined();
      expect(s.get(500)).toBeUndefined();
    } finally {
      await db.close();
    }
  });

  it('none: accesses remove nothing', async () => {
    const db = await open();
    try {
      const s = db.state?.(seen('none'));
      for (let k = 0; k < 100; k++) s?.put(k, stamped(0));
      db.setStateTime?.(150);
      for (let i = 0; i < 100; i++) s?.get(5000);
      expect(db.sampleStats()[ttlSampleKey('seen', 'expired')]).toBe(100);
    } finally {
      await db.close();
    }
  });

  it('full-snapshot: the checkpoint leaves expired entries out, the live state keeps them', async () => {
    const snapshot = tempDir();
    const db = await open();
    try {
      const s = db.state?.(seen('full-snapshot'));
      for (let k = 0; k < 100; k++) s?.put(k, stamped(k < 40 ? 0 : 90));
      db.setStateTime?.(150);
      await db.checkpoint(snapshot);
      for (let i = 0; i < 100; i++) s?.get(5000);
      expect(db.sampleStats()[ttlSampleKey('seen', 'stored')]).toBe(100);
    } finally {
      await db.close();
    }
    const back = await heapBackend.open(snapshot, resolveKnobs(heapBackend.describe(), {}), { keySize: 16, seed: 1 });
    try {
      const s = back.state?.(seen('full-snapshot'));
      expect(s?.get(10)).toBeUndefined();
      expect(s?.get(50)).toBeDefined();
      back.setStateTime?.(150);
      expect(back.sampleStats()[ttlSampleKey('seen', 'stored')]).toBe(60);
    } finally {
      await back.close();
    }
  });
});
