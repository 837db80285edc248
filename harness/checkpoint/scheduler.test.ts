// The scheduler takes a checkpoint at the first boundary one interval after the last (less half
// an interval of drift), keeps only the newest on disk, and times them on the phase's base.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { heapBackend } from '../../backends/heap/backend.js';
import { now } from '../recorder/clock.js';
import { CheckpointScheduler } from './scheduler.js';
import { tempDir } from '../../core/test-support/temp-dir.js';

describe('checkpoint scheduler', () => {
  it('checkpoints at boundaries an interval apart and retains the newest', async () => {
    const heap = await heapBackend.open(tempDir('sb-heap-'), { valueMode: 'bytes', checkpointFsync: false }, { keySize: 16, seed: 1 });
    heap.put(1, Uint8Array.of(1));
    const base = tempDir('sb-cps-');
    const s = new CheckpointScheduler(heap, base, 1000, 200);
    const start = now() - 10_000; // a phase that started 10 s ago: tMs lands near 10 s
    s.start(start);
    await s.atBoundary(start + 500);
    expect(s.records).toHaveLength(0);
    await s.atBoundary(start + 950); // within half an interval of 1 s: taken
    expect(s.records).toHaveLength(1);
    expect(s.records[0]!.tMs).toBeGreaterThanOrEqual(10_000);
    const first = s.last!.dir;
    await s.atBoundary(now() + 100); // too soon after the last one
    expect(s.records).toHaveLength(1);
    await s.atBoundary(now() + 1000);
    expect(s.records).toHaveLength(2);
    expect(existsSync(first)).toBe(false);
    expect(existsSync(s.last!.dir)).toBe(true);
  });
});
