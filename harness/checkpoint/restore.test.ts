// The restore check notices a checkpoint that does not hold what the live state held.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { heapBackend } from '../../backends/heap/backend.js';
import { HEAP_SNAPSHOT_FILE } from '../../backends/heap/checkpoint.js';
import { restoreAndCheck } from './restore.js';
import { summariseState } from './state-summary.js';
import { tempDir } from '../../core/test-support/temp-dir.js';

const knobs = { valueMode: 'bytes', checkpointFsync: false };
const ctx = { keySize: 16, seed: 1 };

async function checkpointed(): Promise<{ dir: string; expected: ReturnType<typeof summariseState> }> {
  const live = await heapBackend.open(tempDir('sb-live-'), knobs, ctx);
  for (let i = 0; i < 5000; i++) live.put(i, new Uint8Array(32).fill(i & 0xff), i % 2);
  const dir = join(tempDir('sb-cp-'), 'cp');
  await live.checkpoint(dir);
  return { dir, expected: summariseState(live, [0, 1]) };
}

describe('restore check', () => {
  it('passes for an intact checkpoint', async () => {
    const { dir, expected } = await checkpointed();
    const r = await restoreAndCheck({ backend: heapBackend, knobs, ctx, checkpointDir: dir, checkpointTMs: 1, expected, expectedMs: 0 });
    expect(r).toMatchObject({ ok: true, namespaces: 2, expectedKeys: 5000, restoredKeys: 5000, mismatchedNamespaces: 0 });
    expect(r.openMs).toBeGreaterThan(0);
  });

  it('fails when one value byte of the checkpoint changed (same key count)', async () => {
    const { dir, expected } = await checkpointed();
    const file = join(dir, HEAP_SNAPSHOT_FILE);
    const bytes = readFileSync(file);
    const last = bytes.length - 1;
    bytes[last] = (bytes[last] as number) ^ 0xff; // the last value's last byte
    writeFileSync(file, bytes);
    const r = await restoreAndCheck({ backend: heapBackend, knobs, ctx, checkpointDir: dir, checkpointTMs: 1, expected, expectedMs: 0 });
    expect(r).toMatchObject({ ok: false, expectedKeys: 5000, restoredKeys: 5000, mismatchedNamespaces: 1 });
  });

  it('fails when the checkpoint lacks keys', async () => {
    const { dir, expected } = await checkpointed();
    const partial = await heapBackend.open(dir, knobs, ctx);
    partial.delete(7, 1);
    const dir2 = join(tempDir('sb-cp-'), 'cp');
    await partial.checkpoint(dir2);
    const r = await restoreAndCheck({ backend: heapBackend, knobs, ctx, checkpointDir: dir2, checkpointTMs: 1, expected, expectedMs: 0 });
    expect(r).toMatchObject({ ok: false, restoredKeys: 4999, mismatchedNamespaces: 1 });
  });
});
