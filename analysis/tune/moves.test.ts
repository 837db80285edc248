import { describe, expect, it } from 'vitest';
import { estimateLsm } from '../../backends/lsm/memory-estimate.js';
import { LSM_KNOBS } from '../../backends/lsm/knobs.js';
import type { ConfigFacts } from '../advice/facts.js';
import { bottlenecks, coordinateSteps, movesAlong, pairSteps, presetMoves } from './moves.js';
import { key, spaceFor, type SearchSpace } from './space.js';
import { MANAGED_FRACTION } from './taskmanager-space.js';

const lsmSpace = (relax: boolean): SearchSpace => spaceFor('lsm', relax) as SearchSpace;

const MiB = 1024 * 1024;
const defaults = Object.fromEntries(LSM_KNOBS.map((k) => [k.name, k.default]));
const bytes = (c: Record<string, unknown>) => estimateLsm({ ...defaults, ...c } as never, { flinkBudgetBytes: null }).bytes as number;

function facts(o: { reads: number; writes: number; hit: number | null; stallShare?: number; writeAmp?: number; compactionCpuMicros?: number }): ConfigFacts {
  const metrics: Record<string, number> = { ...(o.hit !== null ? { runEndBlockCacheHitRatio: o.hit } : {}), sstBytes: 60 * MiB };
  const cell = { engine: { metrics: o.compactionCpuMicros !== undefined ? { runCompactionCpuMicros: o.compactionCpuMicros } : {} }, phases: { run: { durationMs: 2000 } } };
  return {
    cells: [cell],
    backend: 'lsm',
    shape: { totalOps: 1000, reads: o.reads, pointReads: o.reads, scans: 0, writes: o.writes },
    blockCacheHitRatio: o.hit,
    stallShare: o.stallShare ?? 0,
    writeAmp: o.writeAmp ?? null,
    metric: (n: string) => metrics[n] ?? null,
  } as unknown as ConfigFacts;
}

describe('tune moves', () => {
  it('ranks the bottlenecks the defaults measured: cache misses on a read-heavy run, stalls on a stalling one', () => {
    expect(bottlenecks(facts({ reads: 0.95, writes: 0.05, hit: 0.13, writeAmp: 0.5 }), 2).map((b) => b.kind)).toEqual(['cache misses', 'write amplification']);
    expect(bottlenecks(facts({ reads: 0.5, writes: 0.5, hit: 0.95, stallShare: 0.3, writeAmp: 4 }), 2)[0]?.kind).toBe('write stalls');
    // Compactions busy 1.6 of 2 cores over a 2 s run: 80 % of the machine.
    const cpu = bottlenecks(facts({ reads: 0, writes: 1, hit: null, writeAmp: 2, compactionCpuMicros: 3_200_000 }), 2);
    expect(cpu[0]).toMatchObject({ kind: 'compaction CPU', score: 0.8 });
    expect(cpu[0]?.fact).toMatch(/80.0 % of the 2 cores/);
  });

  it('spends the memory budget on the cache when misses are the bottleneck, and never beyond it', () => {
    const space = lsmSpace(false);
    const moves = movesAlong('cache misses', space, {}, 256 * MiB, 2);
    expect(moves.length).toBeGreaterThanOrEqual(3);
    for (const m of moves) expect(bytes(m.knobs)).toBeLessThanOrEqual(256 * MiB);
    // The largest cache beside the default 2 x 64 MiB buffers, and a larger one with 16 MiB buffers.
    expect(moves[0]?.knobs).toEqual({ blockCacheSize: 128 * MiB });
    expect(moves[1]?.knobs).toEqual({ writeBufferSize: 16 * MiB, blockCacheSize: 192 * MiB });
    expect(movesAlong('cache misses', space, {}, 140 * MiB, 2).every((m) => bytes(m.knobs) <= 140 * MiB)).toBe(true);
  });

  it('offers the Flink presets that fit (the high-memory one needs 512 MiB)', () => {
    const space = lsmSpace(false);
    expect(presetMoves(space, 256 * MiB).map((m) => m.knobs.preset)).toEqual(['spinning-disk', 'flash-ssd']);
    expect(presetMoves(space, null).map((m) => m.knobs.preset)).toContain('spinning-disk-high-mem');
  });

  it('steps one knob one step along its range, the bottleneck knobs first, then pairs the steps that helped', () => {
    const space = lsmSpace(false);
    const best = { blockCacheSize: 128 * MiB };
    const steps = coordinateSteps(space, best, 256 * MiB, ['bloomBitsPerKey']);
    expect(steps[0]?.knobs).toEqual({ blockCacheSize: 128 * MiB, bloomBitsPerKey: 10 });
    // 128 MiB's neighbours on the cache axis: 64 MiB, and 192 MiB does not fit beside 2 x 64 MiB.
    expect(steps.filter((s) => 'blockCacheSize' in s.knobs && s.knobs.blockCacheSize !== 128 * MiB).map((s) => s.knobs.blockCacheSize)).toEqual([64 * MiB]);
    for (const s of steps) expect(Object.keys(s.knobs).filter((k) => k !== 'blockCacheSize' && k !== 'level0StopWritesTrigger').length).toBeLessThanOrEqual(1);
    expect(new Set(steps.map((s) => key(s.knobs))).size).toBe(steps.length);
    const pairs = pairSteps(space, best, [steps[0]!, { origin: 'step compression=lz4', knobs: { ...best, compression: 'lz4' } }], 256 * MiB);
    expect(pairs.map((p) => p.knobs)).toEqual([{ blockCacheSize: 128 * MiB, bloomBitsPerKey: 10, compression: 'lz4' }]);
  });

  it("inside a TaskManager moves Flink's ratios and the managed fraction, never a size the bound sets", () => {
    const fractions = [0.2, 0.3, 0.4, 0.5].map((fraction) => ({ fraction }));
    const space = spaceFor('lsm', false, { fractions, baseFraction: 0.4 } as never) as SearchSpace;
    const misses = movesAlong('cache misses', space, {}, null, 2).map((m) => m.knobs);
    expect(misses).toEqual([
      { writeBufferRatio: 0.25 },
      { bloomBitsPerKey: 10 },
      { highPriPoolRatio: 0.2 },
      { partitionedIndexFilters: true },
      { [MANAGED_FRACTION]: 0.5 },
    ]);
    expect(movesAlong('write stalls', space, {}, null, 2)[0]?.knobs).toEqual({ writeBufferRatio: 0.75 });
    for (const kind of ['cache misses', 'write stalls', 'write amplification', 'compaction CPU'] as const) {
      for (const m of movesAlong(kind, space, {}, null, 2)) expect(m.knobs.blockCacheSize, m.origin).toBeUndefined();
    }
    // At the top fraction there is none higher to move to.
    expect(movesAlong('cache misses', space, { [MANAGED_FRACTION]: 0.5 }, null, 2).some((m) => m.origin.startsWith('cache misses: managed fraction'))).toBe(false);
  });
});
