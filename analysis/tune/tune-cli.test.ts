// statebench tune end to end on real RocksDB, made small: every stage runs, every cell is
// measured in steady state and says how warm it was, and a winner is named only with a gain
// whose whole interval is above 0; outside a TaskManager it searches absolute sizes and says what
// turning managed memory off risks, inside one it searches what a Flink user can set.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCliProcess } from '../../harness/test-support/cli.js';
import type { TuneResult } from './tune.js';
import { tempDir } from '../../core/test-support/temp-dir.js';

describe('statebench tune', () => {
  it('searches facts, steps and samples against controls, and writes tune.json with the warmth of every cell', async () => {
    const out = tempDir('statebench-tune-');
    const r = await runCliProcess([
      'tune', '-b', 'lsm', '-w', 'ycsb-b', '--unbounded-memory', '--memory-budget', '256MiB', '--trials', '5', '--records', '5000',
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
    // A hit ratio needs block cache lookups in the run's last full interval: a cell whose short
    // rung read almost nothing through the cache (a slow moment on a busy machine: a control once
    // ran 5.7 ops/s in its 100 ms) has none to give, but the defaults, the control of every race,
    // always do when they ran a hundred operations.
    const withRatio = measured.filter((m) => m.runEndHitRatio !== null);
    for (const m of withRatio) expect(m.runEndHitRatio).toBeGreaterThanOrEqual(0);
    const ranEnough = (m: (typeof measured)[number]): boolean => ((m.opsPerSec as number) * m.runMs) / 1000 >= 100;
    expect(measured.filter((m) => m.candidate === 0 && ranEnough(m) && m.runEndHitRatio === null)).toEqual([]);
    expect(measured.filter((m) => m.candidate === 0 && ranEnough(m)).length).toBeGreaterThan(0);
    expect(t.taskManager).toBeNull();
    expect(r.stdout).toMatch(/^without a TaskManager: absolute sizes, memory budget 256MiB$/m);
    if (t.winner) {
      expect(t.verification?.gain.ciLowPct).toBeGreaterThan(0);
      expect(r.stdout).toMatch(/^Winner: /m);
      expect(r.stdout).toContain('state.backend.rocksdb.memory.managed: false');
      expect(r.stdout).toMatch(/^# risk: .*until the process is killed/m);
    } else {
      expect(r.stdout).toMatch(/the defaults stand/i);
      expect(r.stdout).not.toMatch(/RocksDB options string/);
    }
  }, 240_000);

  it("inside Flink's stock TaskManager: searches the ratios and the managed fraction, never a size the bound sets, and keeps managed memory on", async () => {
    const out = tempDir('statebench-tune-tm-');
    const conf = fileURLToPath(new URL('../../examples/flink/config.yaml', import.meta.url));
    const r = await runCliProcess([
      'tune', '-b', 'lsm', '-w', 'ycsb-b', '--flink-conf', conf, '--trials', '6', '--records', '5000',
      '--rung', '100ms', '--max-rung', '200ms', '--verify-repeats', '4', '--verify-duration', '200ms', '--out', out,
    ]);
    expect(r.code, r.stderr).toBe(0);
    const t = JSON.parse(readFileSync(join(out, 'tune.json'), 'utf8')) as TuneResult;
    // Flink's stock 1728m TaskManager: 512 MiB of managed memory per slot, task heap 384 MiB at 0.4.
    expect(t.taskManager).toMatchObject({ processSize: '1728m', slots: 1, bound: { kind: 'managed', bytes: 536870920 }, baseFraction: 0.4, minTaskHeapBytes: 256 * 1024 * 1024 });
    expect(t.taskManager?.fractions.map((f) => f.fraction)).toEqual([0.2, 0.3, 0.4, 0.5]);
    expect(t.taskManager?.fractions.find((f) => f.fraction === 0.4)).toMatchObject({ taskHeapBytes: 402653174, managedPerSlotBytes: 536870920 });
    expect(r.stdout).toMatch(/^inside the 1728m TaskManager \(1 slot\): lsm bounded by 512MiB \(managed\)/m);
    for (const c of t.candidates) {
      for (const sized of ['blockCacheSize', 'dbWriteBufferSize', 'boundedMemory', 'cacheIndexAndFilterBlocks']) expect(c.knobs[sized], `${c.origin} sets ${sized}`).toBeUndefined();
    }
    if (t.verification) {
      // The verification measures both configurations' memory; RocksDB's own figure stays within the slot's bound.
      expect(t.verification.memory.defaults.engineBytes).toBeGreaterThan(0);
      expect(t.verification.memory.best.engineBytes).toBeLessThanOrEqual(536870920);
      expect(t.verification.memory.best.rssBytes).toBeGreaterThan(0);
      expect(r.stdout).toMatch(/^ {2}memory: defaults engine .*; best engine .*; bound 512MiB$/m);
    }
    // Whether a winner or the defaults stand, the output keeps Flink's managed memory on.
    expect(r.stdout).toContain('state.backend.rocksdb.memory.managed: true');
    expect(r.stdout).not.toContain('managed: false');
    if (t.winner) {
      expect(r.stdout).not.toMatch(/RocksDB options string/);
      for (const k of Object.keys(t.winner.knobs)) expect(t.reasons[k]).toMatch(new RegExp(`^${k.replace(/\./g, '\\.')} `));
    }
  }, 240_000);
});
