// A faster candidate over its TaskManager's bound is rejected, with its figures, and never wins:
// tune end to end with a plugin whose larger cache is faster and holds more (cache-hungry.mjs),
// inside a 1g TaskManager whose slot has 230 MiB of managed memory.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { median } from '../../core/stats.js';
import { tempDir } from '../../core/test-support/temp-dir.js';
import { runCliProcess } from '../../harness/test-support/cli.js';
import type { TuneResult } from './tune.js';

const plugin = fileURLToPath(new URL('../../backends/test-support/plugins/cache-hungry.mjs', import.meta.url));

describe('tune inside a TaskManager holds every candidate to its bound', () => {
  it('rejects a faster candidate whose measured memory is over the bound; what it keeps fits', async () => {
    const out = tempDir('statebench-tune-bound-');
    const r = await runCliProcess([
      'tune', '-b', plugin, '-w', 'ycsb-c', '--taskmanager-memory', '1g', '--min-task-heap', '16m', '--trials', '8', '--records', '5000',
      '--rung', '200ms', '--max-rung', '300ms', '--verify-repeats', '4', '--verify-duration', '300ms', '--out', out,
    ]);
    expect(r.code, r.stderr).toBe(0);
    const t = JSON.parse(readFileSync(join(out, 'tune.json'), 'utf8')) as TuneResult;
    expect(t.taskManager?.bound).toEqual({ kind: 'managed', bytes: 241591914 });
    const huge = t.rejected.filter((x) => t.candidates[x.candidate]?.knobs.cacheMiB === 1024);
    expect(huge.length).toBeGreaterThan(0);
    const defaults = median(t.measurements.filter((m) => m.candidate === 0).map((m) => m.opsPerSec)) as number;
    for (const x of huge) {
      // Faster than the defaults, and still out.
      expect(x.opsPerSec).toBeGreaterThan(defaults);
      expect(x.memory.engineBytes).toBe(1024 * 1024 * 1024);
      expect(x.reason).toMatch(/^the engine reported 1GiB \(its cache\), over the 1g TaskManager's managed memory per slot of \d+MiB$/);
    }
    expect(r.stdout).toMatch(/^ {2}rejected .*cacheMiB=1024|^ {2}rejected sampled/m);
    expect(t.candidates[t.best]?.knobs.cacheMiB).not.toBe(1024);
    // The best, when the search names one (on a heavily loaded machine the A/A noise may hide even
    // a fourfold gain), is a configuration that fits: within the bound in the verification too.
    if (t.verification) expect(t.verification.overBound).toBeNull();
    if (t.verification) expect(t.verification.memory.best.engineBytes).toBeLessThanOrEqual(241591914);
    expect(t.winner?.knobs.cacheMiB ?? 64).toBe(64);
  }, 240_000);
});
