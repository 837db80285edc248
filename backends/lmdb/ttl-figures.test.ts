// lmdb has no TTL cleanup: its interval sample shows what a TTL state stores and how much of it
// has expired, so a chart can set it beside the backends that clean up.
import { describe, expect, it } from 'vitest';
import { lmdbBackend } from './backend.js';
import { resolveKnobs } from '../resolve-knobs.js';
import { tempDir } from '../../core/test-support/temp-dir.js';
import type { StateDescriptor } from '../../core/flink/keyed-state.js';
import { ttlSampleKey } from '../../core/result/ttl-series.js';

const SEEN: StateDescriptor = { name: 'seen', kind: 'value', namespace: { kind: 'void' }, ttl: 100, maxParallelism: 128 };

function stamped(tick: number): Uint8Array {
  const v = new Uint8Array(16);
  new DataView(v.buffer).setBigUint64(0, BigInt(tick));
  return v;
}

describe('lmdb TTL figures', () => {
  it('counts a TTL state\'s stored and expired entries once given the workload\'s time', async () => {
    const db = await lmdbBackend.open(tempDir(), resolveKnobs(lmdbBackend.describe(), {}), { keySize: 16, seed: 1 });
    try {
      const s = db.state?.(SEEN);
      for (let k = 0; k < 300; k++) {
        if (s?.putAsync) await s.putAsync(k, stamped(k < 100 ? 0 : 90));
        else s?.put(k, stamped(k < 100 ? 0 : 90));
      }
      await db.flush();
      expect(db.sampleStats()[ttlSampleKey('seen', 'stored')]).toBeUndefined();
      db.setStateTime?.(150);
      const sample = db.sampleStats();
      expect(sample[ttlSampleKey('seen', 'stored')]).toBe(300);
      expect(sample[ttlSampleKey('seen', 'expired')]).toBe(100);
    } finally {
      await db.close();
    }
  });
});
