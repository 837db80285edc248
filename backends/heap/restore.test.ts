// Opening the heap on a checkpoint directory restores the snapshot; a damaged snapshot is refused.
import { readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { heapBackend } from './backend.js';
import { HEAP_SNAPSHOT_FILE } from './checkpoint.js';
import { tempDir } from '../../core/test-support/temp-dir.js';

const knobs = { valueMode: 'bytes', checkpointFsync: true };
const ctx = { keySize: 16, seed: 1 };

describe('heap restore', () => {
  it('opens a checkpoint directory with the state the checkpoint saw', async () => {
    const live = await heapBackend.open(tempDir('heap-live-'), knobs, ctx);
    for (let i = 0; i < 1000; i++) live.put(i, Uint8Array.of(i & 0xff, 7), i % 3);
    live.delete(5, 5 % 3);
    const cp = join(tempDir('heap-cp-'), 'cp-1');
    const info = await live.checkpoint(cp);
    live.put(2000, Uint8Array.of(1)); // after the checkpoint: not in it
    expect(info.files).toBe(1);

    const restored = await heapBackend.open(cp, knobs, ctx);
    expect(restored.get(5, 2)).toBeUndefined();
    expect(restored.get(2000)).toBeUndefined();
    expect(Array.from(restored.get(999, 0) ?? [])).toEqual([999 & 0xff, 7]);
    expect(restored.scan(0, 10_000, 1).length).toBe(333);
    expect(restored.sampleStats().entries).toBe(999);
  });

  it('replaces the previous snapshot whole (no temporary file left behind)', async () => {
    const live = await heapBackend.open(tempDir('heap-live-'), knobs, ctx);
    const cp = tempDir('heap-cp-');
    live.put(1, Uint8Array.of(1));
    await live.checkpoint(cp);
    live.put(2, Uint8Array.of(2));
    await live.checkpoint(cp);
    const restored = await heapBackend.open(cp, knobs, ctx);
    expect(restored.sampleStats().entries).toBe(2);
    expect(() => readFileSync(join(cp, `${HEAP_SNAPSHOT_FILE}.tmp`))).toThrow();
  });

  it('refuses a truncated or foreign snapshot with a message naming the file', async () => {
    const live = await heapBackend.open(tempDir('heap-live-'), knobs, ctx);
    live.put(1, new Uint8Array(100));
    const cp = tempDir('heap-cp-');
    await live.checkpoint(cp);
    const file = join(cp, HEAP_SNAPSHOT_FILE);
    truncateSync(file, 60);
    await expect(heapBackend.open(cp, knobs, ctx)).rejects.toThrow(/truncated/);
    writeFileSync(file, 'not a snapshot');
    await expect(heapBackend.open(cp, knobs, ctx)).rejects.toThrow(/not a heap snapshot/);
  });
});
