// What the run phase exercised: an LSM's flushes and compactions counted at the start and end of
// the run phase, and the note a cell gets when its writes never left the memtable.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { heapBackend } from '../../backends/heap/backend.js';
import { lsmBackend } from '../../backends/lsm/backend.js';
import { resolveKnobs } from '../../backends/resolve-knobs.js';
import type { BackgroundWork } from '../../backends/types.js';
import { exercisedInRun } from './exercised.js';
import { runCell } from './run-cell.js';
import { inProcessCellSpec } from './spec.js';
import { tempDir } from '../../core/test-support/temp-dir.js';

const work = (flushes: number, compactions: number, running: { flushes?: number; compactions?: number } = {}): BackgroundWork => ({
  flushes,
  flushBytes: flushes * 1000,
  compactions,
  compactionBytes: compactions * 5000,
  runningFlushes: running.flushes ?? 0,
  runningCompactions: running.compactions ?? 0,
});

describe('exercisedInRun', () => {
  it('counts the flushes and compactions of the run phase alone, and says nothing when both happened', () => {
    const e = exercisedInRun('lsm', work(3, 1), work(7, 3), true);
    expect(e.metrics).toEqual({ runFlushes: 4, runFlushBytesWritten: 4000, runCompactions: 2, runCompactionBytesWritten: 10_000 });
    expect(e.warnings).toEqual([]);
  });

  it('counts a job still running at the end of the phase (started in it, or running through it) once', () => {
    const e = exercisedInRun('lsm', work(3, 1, { compactions: 1 }), work(5, 1, { compactions: 1 }), true);
    expect(e.metrics).toMatchObject({ runFlushes: 2, runCompactions: 1, runCompactionBytesWritten: 0 });
    expect(e.warnings).toEqual([]);
  });

  it('notes a run whose writes stayed in the memtable', () => {
    const e = exercisedInRun('lsm', work(2, 1), work(2, 1), true);
    expect(e.warnings).toHaveLength(1);
    expect(e.warnings[0]).toMatch(/^lsm: no flush and no compaction during the run phase: its writes stayed in the memtable/);
  });

  it('notes a run that flushed but never compacted, and one whose only compaction was left from the load', () => {
    expect(exercisedInRun('lsm', work(0, 0), work(2, 0), true).warnings[0]).toMatch(/^lsm: no compaction during the run phase \(2 flushes\)/);
    expect(exercisedInRun('lsm', work(4, 0), work(4, 1), true).warnings[0]).toMatch(/^lsm: no flush during the run phase/);
  });

  it('for a run that only read, notes data never flushed at all, and nothing once it was', () => {
    expect(exercisedInRun('lsm', work(0, 0), work(0, 0), false).warnings[0]).toMatch(/nothing was ever flushed: every read of the run phase was served from the memtable/);
    expect(exercisedInRun('lsm', work(3, 1), work(3, 1), false).warnings).toEqual([]);
  });
});

describe('a run cell says what it exercised and its durability class', () => {
  const dir = tempDir('statebench-exercised-');
  const cell = (backend: 'lsm' | 'heap', knobs: Record<string, string>, records: number, ops: number, n: number) => {
    const desc = backend === 'lsm' ? lsmBackend.describe() : heapBackend.describe();
    return runCell(
      inProcessCellSpec({
        id: `${backend}/value-state#${n}`,
        backend,
        knobs: resolveKnobs(desc, knobs),
        workload: 'value-state',
        workloadParams: { records, valueSize: { kind: 'constant', bytes: 1000 } },
        ops,
        seed: 42,
        repeat: 0,
        dataDir: join(dir, String(n)),
        sampleEvery: null,
      }),
    );
  };

  it('an lsm cell with 64 KiB memtables flushes and compacts in its run phase: counted, no note', async () => {
    const c = await cell('lsm', { writeBufferSize: '64KiB', level0FileNumCompactionTrigger: '2' }, 2000, 20_000, 1);
    expect(c.status).toBe('ok');
    if (c.status !== 'ok') return;
    expect(c.durabilityClass).toBe('process');
    expect(c.engine?.metrics.runFlushes).toBeGreaterThan(0);
    expect(c.engine?.metrics.runCompactions).toBeGreaterThan(0);
    // The CPU the run's finished compactions used (tune's compaction-CPU bottleneck).
    expect(c.engine?.metrics.runCompactionCpuMicros).toBeGreaterThan(0);
    expect(c.warnings.filter((w) => w.startsWith('lsm:'))).toEqual([]);
  }, 30_000);

  it('an lsm cell whose writes fit its 64 MiB memtable gets the note; without the WAL its class is none', async () => {
    const c = await cell('lsm', { walEnabled: 'false' }, 1000, 2000, 2);
    expect(c.status).toBe('ok');
    if (c.status !== 'ok') return;
    expect(c.durabilityClass).toBe('none');
    expect(c.engine?.metrics.runFlushes).toBe(0);
    expect(c.warnings.some((w) => w.startsWith('lsm: no flush and no compaction during the run phase'))).toBe(true);
  }, 30_000);

  it('a heap cell has class none and no background work to count', async () => {
    const c = await cell('heap', {}, 1000, 2000, 3);
    expect(c.status).toBe('ok');
    if (c.status !== 'ok') return;
    expect(c.durabilityClass).toBe('none');
    expect(c.engine?.metrics.runFlushes).toBeUndefined();
    expect(c.warnings).toEqual([]);
  }, 30_000);
});
