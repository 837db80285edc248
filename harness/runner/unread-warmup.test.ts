// A time-bounded warm-up stops inside a batch of ops; an operator workload's simulation has moved
// past the ops it did not run, so the phase hands them back (OpSource.unread) and the run phase
// gets them first: the engine's timer queue then sees every timer the simulation registered,
// and each fire finds its timer at the head (a lost register would make a fire an error).
import { describe, expect, it } from 'vitest';
import { resolveKnobs } from '../../backends/resolve-knobs.js';
import { loadBackend } from '../../backends/registry.js';
import { tempDir } from '../../core/test-support/temp-dir.js';
import { runCell } from '../cell/run-cell.js';
import { inProcessCellSpec } from '../cell/spec.js';

const dir = tempDir('statebench-unread-');

describe('a warm-up bounded by time', () => {
  it.each(['heap', 'lsm'])('hands the ops it did not run to the run phase (%s, sliding-window)', async (backend) => {
    const b = await loadBackend(backend);
    if (!b) throw new Error(`no backend ${backend}`);
    const cell = await runCell({
      ...inProcessCellSpec({
        id: `unread-${backend}`,
        backend,
        knobs: resolveKnobs(b.describe(), {}),
        workload: 'sliding-window',
        // A batch far longer than the warm-up runs: the warm-up always stops inside one.
        workloadParams: { records: 200, extra: { watermarkEvery: 20 } },
        ops: 40_000,
        seed: 7,
        repeat: 0,
        dataDir: dir,
        sampleEvery: null,
      }),
      warmupMs: 30,
    });
    expect(cell.status).toBe('ok');
    if (cell.status !== 'ok') return;
    const ops = cell.phases.run?.operations ?? {};
    expect(ops['timer.fire']?.count ?? 0).toBeGreaterThan(0);
    for (const [name, op] of Object.entries(ops)) expect({ name, errors: op.errors }).toEqual({ name, errors: 0 });
  }, 60_000);
});
