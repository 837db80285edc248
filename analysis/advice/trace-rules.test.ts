import { describe, expect, it } from 'vitest';
import { adviseDocument } from './advise.js';
import { craftCell, craftDocument } from '../../harness/test-support/cells.js';
import type { CurvePoint } from './facts.js';
import { OPERATION_KINDS } from './operations.js';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../../core/test-support/temp-dir.js';
import { resolveWorkload } from '../../workloads/catalogue.js';

const MiB = 1024 * 1024;
const reads = { read: [9000, 20] as [number, number], update: [1000, 10] as [number, number] };

/** A curve of 100-byte entries: half the accesses miss at 8 MiB of entries, 10 % from 64 MiB, 8 % with every key. */
const curve: CurvePoint[] = [
  { keys: 1 << 16, bytes: 64 * 100 * 1024, missRatio: 0.9 },
  { keys: 1 << 17, bytes: 128 * 100 * 1024, missRatio: 0.5 },
  { keys: 1 << 20, bytes: 1024 * 100 * 1024, missRatio: 0.1 },
  { keys: 1 << 21, bytes: 2048 * 100 * 1024, missRatio: 0.08 },
];

const advise = (knobs: Record<string, number>, curves: ReadonlyMap<string, readonly CurvePoint[]>, budget: number | null = null) =>
  adviseDocument(craftDocument(craftCell({ backend: 'lsm', workload: 'trace:ops.csv', ops: reads, knobs, engine: { blockCacheHitRatio: 0.4 } })), {
    memoryBudgetBytes: budget,
    missRatioCurves: curves,
  }).find((r) => r.id === 'lsm-block-cache-from-trace');

describe('lsm-block-cache-from-trace', () => {
  it('sizes the cache where the curve comes within 5 points of its floor, plus half again for blocks', () => {
    const r = advise({ blockCacheSize: 8 * MiB }, new Map([['trace:ops.csv', curve]]));
    // 1 M keys of 100 B, x 1.5: 150 MiB (rounded up to MiB).
    expect(r?.suggestion.changes).toEqual({ blockCacheSize: Math.ceil((1024 * 100 * 1024 * 1.5) / MiB) * MiB });
    expect(r?.suggestion.rationale).toMatch(/100\.0 % misses at this 8\s?MiB cache and 10\.0 % at 150\s?MiB/);
  });
  it("under Flink's bound, scales the bound", () => {
    const r = advise({ boundedMemory: 30 * MiB, writeBufferRatio: 0.5 }, new Map([['trace:ops.csv', curve]]));
    expect(r?.suggestion.knob).toBe('boundedMemory');
    expect(r?.suggestion.value as number).toBeGreaterThan(150 * MiB);
  });
  it('says nothing without a curve, when the cache already holds the target, or when the budget leaves no room', () => {
    expect(advise({ blockCacheSize: 8 * MiB }, new Map())).toBeUndefined();
    expect(advise({ blockCacheSize: 200 * MiB }, new Map([['trace:ops.csv', curve]]))).toBeUndefined();
    expect(advise({ blockCacheSize: 8 * MiB }, new Map([['trace:ops.csv', curve]]), 160 * MiB)).toBeUndefined();
  });
});

describe("a trace's operations", () => {
  it('are each listed with the action and write flag the trace workload declares, so advice counts a merge as a write', () => {
    const path = join(tempDir('statebench-trace-ops-'), 'all.csv');
    writeFileSync(path, 'op,key\nget,1\nput,1\ndelete,1\nmerge,1\nscan,1\n');
    const def = resolveWorkload(path);
    expect(def.operations.map((k) => k.name).sort()).toEqual(['delete', 'insert', 'merge', 'read', 'scan', 'update']);
    for (const k of def.operations) expect(OPERATION_KINDS[k.name], k.name).toEqual({ action: k.action, writes: k.writes });
  });
});
