// A plugin that answers for itself (BackendTraits) takes part as a built-in backend does: the
// memory budget counts its estimate before a run and its measured memory after a cell, the
// durability command prints its crash notes, and tune searches its space within the budget.

import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLUGINS_ENV, backendProblem, loadPlugin } from '../../backends/plugins.js';
import { backendNames, backendTraits, tunableBackends } from '../../backends/registry.js';
import { createRng } from '../../core/rng.js';
import { budgetSkips } from '../../harness/plan/budget.js';
import { applyMeasuredBudget } from '../../harness/budget/measured.js';
import { inProcessCellSpec } from '../../harness/cell/spec.js';
import { crashNotes } from '../../harness/durability/crash-notes.js';
import type { PlannedCell } from '../../harness/plan/run-cells.js';
import { craftCell } from '../../harness/test-support/cells.js';
import { fits, sampleConfigs, spaceFor, type SearchSpace } from './space.js';

const MiB = 1024 * 1024;
const plugin = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'backends', 'test-support', 'plugins', 'budgeted-store.mjs');
const before = process.env[PLUGINS_ENV];

beforeAll(async () => {
  await loadPlugin(plugin, backendNames());
});
afterAll(() => {
  if (before === undefined) delete process.env[PLUGINS_ENV];
  else process.env[PLUGINS_ENV] = before;
});

function planned(id: string, cacheMiB: number, threads?: number): PlannedCell {
  const { dataDir: _dir, ...spec } = inProcessCellSpec({ id, backend: 'budgeted', knobs: { cacheMiB }, workload: 'ycsb-a', workloadParams: {}, ops: 1, seed: 1, repeat: 0, dataDir: '', sampleEvery: null });
  return threads === undefined ? spec : { ...spec, threads };
}

describe('a plugin backend answering for itself', () => {
  it('the budget skips its cells its own estimate says cannot fit, with its own breakdown', () => {
    const skips = budgetSkips([planned('small', 100), planned('large', 300), planned('threads', 100, 4)], 256 * MiB, null);
    expect([...skips.keys()]).toEqual(['large', 'threads']);
    expect(skips.get('large')).toBe('over the memory budget: cache 300 MiB x 1 slot(s) > --memory-budget 256MiB');
  });

  it('a cell over the budget by its measured memory becomes skipped', () => {
    const cell = { ...craftCell({ backend: 'heap', metrics: { entries: 3 * MiB } }), backend: 'budgeted' };
    const out = applyMeasuredBudget(cell, 256 * MiB);
    expect(out.status === 'skipped' && out.reason).toBe('over the memory budget: budgeted state measured 300MiB (100 B per entry) > --memory-budget 256MiB');
    expect(applyMeasuredBudget(cell, 512 * MiB)).toBe(cell);
  });

  it('its crash notes, its chart colour', () => {
    expect(crashNotes('budgeted', {})).toEqual({ processKill: 'every write (a Map in process memory)', machineCrash: 'nothing more' });
    expect(backendTraits('budgeted')?.chartColour).toBe('#123456');
  });

  it('tune searches its space, within the budget its memory says', () => {
    expect(tunableBackends()).toEqual(['lsm', 'lmdb', 'budgeted']);
    const space = spaceFor('budgeted', false) as SearchSpace;
    expect(space.axes).toEqual({ cacheMiB: [4, 64, 512] });
    expect(fits(space, { cacheMiB: 512 }, 256 * MiB)).toBe(false);
    const sampled = sampleConfigs(space, 3, createRng(1), 256 * MiB).map((c) => c.cacheMiB);
    expect(sampled.sort((a, b) => Number(a) - Number(b))).toEqual([4, 64]);
  });

  it('a plugin whose traits are malformed is refused in one line naming the member', () => {
    const describe = () => ({ name: 'bad', engine: 'x', version: null, available: true, durable: false, knobs: [] });
    const open = async () => ({}) as never;
    expect(backendProblem({ describe, open, crashNotes: 'none' })).toBe('crashNotes of bad must be a function');
    expect(backendProblem({ describe, open, chartColour: 'blue' })).toBe('chartColour of bad must be a colour such as #4e79a7 (got "blue")');
    expect(backendProblem({ describe, open, tuning: { records: [] } })).toBe('tuning of bad needs records (its knobs, each with a tune range) and a pasteForms function');
    expect(backendProblem({ describe, open, chartColour: '#abcdef' })).toBeNull();
  });

  it('a backend without traits takes part in none of it', () => {
    expect(spaceFor('heap', false)).toBeNull();
    expect(crashNotes('delay', {})).toEqual({ processKill: 'unknown', machineCrash: 'unknown' });
  });
});
