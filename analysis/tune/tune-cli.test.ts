// statebench tune end to end on real RocksDB, made small: every stage runs, every cell is
// measured in steady state and says how warm it was, and a winner is named only with a gain
// whose whole interval is above 0.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliProcess } from '../../harness/test-support/cli.js';
import type { TuneResult } from './tune.js';
import { tempDir } from '../../core/test-support/temp-dir.js';

describe('statebench tune', () => {
  it('searches facts, steps and samples against controls, and writes tune.json with the warmth of every cell', async () => {
    const out = tempDir('statebench-tune-');
    const r = await runCliProcess([
      'tune', '-b', 'lsm', '-w', 'ycsb-b', '--memory-budget', '256MiB', '--trials', '5', '--records', '5000',
      '--rung', '100ms', '--max-rung', '200ms', '--verify-repeats', '5', '--verify-duration', '200ms', '--out', out,
    ]);
    expect(r.code, r.stderr).toBe(0);
    const t = JSON.parse(readFileSync(join(out, 'tune.json'), 'utf8')) as TuneResult;
    expect(t.candidates[0]).toEqual({ origin: 'defaults', knobs: {} });
    expect(t.candidates.length - 1).toBeLessThanOrEqual(5);
    expect(t.stages.map((s) => s.name)[0]).toBe('facts');
    // The defaults read 95 % of the time from an 8 MiB cache: the cache is a bottleneck and the first moves spend the budget on it.
    expect(t.bottlenecks[0]?.kind).toBe('cache misses');
    expect(t.candidates.some((c) => c.origin.startsWith('cache misses: block cache'))).toBe(true);
    expect(t.noise.aaSamplesPct.length).toBeGreaterThanOrEqual(2);
    const measured = t.measurements.filter((x) => x.opsPerSec !== null);
    for (const m of measured) expect(m.settleMs).toBeGreaterThanOrEqual(0);
    // A hit ratio needs block cache lookups in the run's last full interval: a candidate whose
    // short rung read nothing through the cache (a slow moment on a busy machine) has none to give,
    // but the defaults, the control of every race, always do.
    const withRatio = measured.filter((m) => m.runEndHitRatio !== null);
    for (const m of withRatio) expect(m.runEndHitRatio).toBeGreaterThanOrEqual(0);
    expect(measured.filter((m) => m.candidate === 0 && m.runEndHitRatio === null)).toEqual([]);
    if (t.winner) {
      expect(t.verification?.gain.ciLowPct).toBeGreaterThan(0);
      expect(r.stdout).toMatch(/^Winner: /m);
    } else {
      expect(r.stdout).toMatch(/the defaults stand/i);
      expect(r.stdout).not.toMatch(/RocksDB options string/);
    }
  }, 240_000);
});
