// Reads in flight through the measured loop: on a remote lsm instance (20 ms a request, no
// caches) the async loop keeps up to maxInFlight gets outstanding, so more in flight means more
// throughput; every get is counted and timed, and what it read reaches the sink.
import { randomFillSync } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lsmBackend } from '../../backends/lsm/backend.js';
import { resolveKnobs } from '../../backends/resolve-knobs.js';
import type { BackendInstance } from '../../backends/types.js';
import { tempDir } from '../../core/test-support/temp-dir.js';
import { opSource } from '../test-support/op-source.js';
import { runTestPhase } from '../test-support/phase.js';

// Random 100-byte values in 4 KiB blocks: ~35 keys a block. The two phases read keys 80 apart,
// the second 40 past the first's, so no get finds a block an earlier one read.
const KEYS = 8000;
const GETS = 48;
const SPACING = 80;

async function remoteInstance(): Promise<BackendInstance> {
  const knobs = resolveKnobs(lsmBackend.describe(), { remote: 'true', remoteLatency: '20ms', remoteBandwidth: '0', blockCacheSize: '0', asyncReads: '16' });
  const db = await lsmBackend.open(join(tempDir(), 'db'), knobs, { keySize: 16, seed: 1 });
  for (let i = 0; i < KEYS; i++) db.put(i, randomFillSync(new Uint8Array(100)));
  await db.flush();
  return db;
}

async function readPhase(db: BackendInstance, maxInFlight: number, offset: number) {
  return runTestPhase({
    backend: db,
    operations: [{ name: 'read', action: 'get', writes: false }],
    source: opSource(GETS, (op) => op * SPACING + offset),
    values: [new Uint8Array(8)],
    maxInFlight,
  });
}

describe('reads in flight (a backend whose readMode is async)', () => {
  it('more reads in flight raise a remote instance\'s throughput; every get counted, timed and sunk', async () => {
    const db = await remoteInstance();
    try {
      const one = await readPhase(db, 1, 0);
      const sixteen = await readPhase(db, 16, SPACING / 2);
      for (const out of [one, sixteen]) {
        expect(out.result.operations.read?.count).toBe(GETS);
        expect(out.result.operations.read?.latencyUs.p50).toBeGreaterThanOrEqual(20_000);
        expect(out.sink).toBe(GETS * 100);
      }
      // One at a time: 48 x 20 ms. Sixteen at a time: about 3 x 20 ms.
      expect(sixteen.result.throughputOpsPerSec as number).toBeGreaterThan(4 * (one.result.throughputOpsPerSec as number));
    } finally {
      await db.close();
    }
  });
});
