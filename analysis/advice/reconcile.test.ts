import { describe, expect, it } from 'vitest';
import { adviseDocument } from './advise.js';
import { craftCell, craftDocument, statsText } from '../../harness/test-support/cells.js';
import type { Recommendation } from '../../core/result/schema.js';

const MiB = 1024 * 1024;
const find = (recs: Recommendation[], id: string) => recs.find((r) => r.id === id);
// GC paused 20 % of the measured time: the heap rule speaks.
const gcHeavyHeap = (throughput: number) => craftCell({ backend: 'heap', gcPauseMs: 2000, runMs: 10_000, throughput });

describe('a backend switch the document measured', () => {
  it('the GC rule suggesting lsm beside a heap measured 4x lsm is marked refuted, with the figures', () => {
    const doc = craftDocument(gcHeavyHeap(400_000), craftCell({ backend: 'lsm', throughput: 94_800 }));
    const recs = adviseDocument(doc);
    const gc = find(recs, 'heap-gc-or-memory');
    expect(gc?.refutedBy?.reason).toMatch(/measured on ycsb-a.*lsm 94,800 ops\/s against heap 400,000 ops\/s \(0\.24x\)/);
    expect(gc?.refutedBy?.cellIds).toEqual(['lsm/ycsb-a#0', 'heap/ycsb-a#0']);
    expect(gc?.refutedBy?.figures).toEqual([
      { metric: 'heap throughput (ops/s)', value: 400_000 },
      { metric: 'lsm throughput (ops/s)', value: 94_800 },
    ]);
    // The measurement that refutes it stands unmarked.
    expect(find(recs, 'best-backend')?.refutedBy).toBeUndefined();
  });

  it('stands when the target was measured faster, or not measured at all', () => {
    const faster = adviseDocument(craftDocument(gcHeavyHeap(40_000), craftCell({ backend: 'lsm', throughput: 90_000 })));
    expect(find(faster, 'heap-gc-or-memory')?.refutedBy).toBeUndefined();
    const alone = adviseDocument(craftDocument(gcHeavyHeap(400_000)));
    expect(find(alone, 'heap-gc-or-memory')?.refutedBy).toBeUndefined();
  });

  it('a switch for memory is not refuted by speed: the measured slowdown is stated as its cost', () => {
    const heap = craftCell({ backend: 'heap', throughput: 400_000, metrics: { heapUsedBytes: 200 * MiB, valueBytes: 30 * MiB } });
    const recs = adviseDocument(craftDocument(heap, craftCell({ backend: 'lsm', throughput: 94_800 })), { memoryBudgetBytes: 256 * MiB });
    const r = find(recs, 'heap-gc-or-memory');
    expect(r?.refutedBy).toBeUndefined();
    expect(r?.suggestion.rationale).toMatch(/Measured cost: lsm 94,800 ops\/s against heap 400,000 ops\/s \(0\.24x\).*for capacity, not speed/);
    // The purpose steers the reconciler only: it is not written into the document.
    expect(r?.suggestion).not.toHaveProperty('purpose');
  });
});

describe('a backend switch across durability classes', () => {
  const heap = craftCell({ backend: 'heap', gcPauseMs: 2000, runMs: 10_000, throughput: 400_000, durabilityClass: 'none' });
  const lsm = (wal: boolean, throughput: number) =>
    craftCell({ backend: 'lsm', id: `lsm/ycsb-a/walEnabled=${wal}#0`, knobs: { walEnabled: wal }, throughput, durabilityClass: wal ? 'process' : 'none' });

  it('measured against the target in the same class when the document has it, as best-backend ranks', () => {
    // The lsm with its WAL (process) ran with other knobs faster; the like-for-like lsm (none) is what refutes.
    const r = find(adviseDocument(craftDocument(heap, lsm(false, 94_800), { ...lsm(true, 120_000), knobs: { ...lsm(true, 0).knobs, bloomBitsPerKey: 10 } })), 'heap-gc-or-memory');
    expect(r?.refutedBy?.reason).toMatch(/^measured on ycsb-a in this document: lsm 94,800 ops\/s against heap 400,000 ops\/s \(0\.24x\); the suggested configuration is no faster than the current one$/);
    expect(r?.refutedBy?.cellIds).toEqual(['lsm/ycsb-a/walEnabled=false#0', 'heap/ycsb-a#0']);
  });

  it('measured only in a stronger class: refuted with both classes named and the comparison said to be unlike', () => {
    const r = find(adviseDocument(craftDocument(heap, lsm(true, 94_800))), 'heap-gc-or-memory');
    expect(r?.refutedBy?.reason).toMatch(
      /lsm \(process\) 94,800 ops\/s against heap \(none\) 400,000 ops\/s \(0\.24x\); the suggested configuration is no faster than the current one; measured only in a stronger durability class than the current one \(process against none\): no like-for-like configuration was measured$/,
    );
    expect(r?.refutedBy?.figures.map((f) => f.metric)).toEqual(['heap (none) throughput (ops/s)', 'lsm (process) throughput (ops/s)']);
  });
});

describe('a knob value the sweep measured', () => {
  const writes = { insert: [10_000, 10] as [number, number] };
  // Write amplification 12 with 16 MiB write buffers: lsm-write-amp-high suggests RocksDB's 64 MiB.
  const small = craftCell({ backend: 'lsm', id: 'lsm/fillrandom/wbs=16MiB#0', workload: 'fillrandom', ops: writes, throughput: 50_000, knobs: { writeBufferSize: 16 * MiB }, engine: { writeAmp: 12 } });
  const large = (throughput: number) =>
    craftCell({ backend: 'lsm', id: 'lsm/fillrandom/wbs=64MiB#0', workload: 'fillrandom', ops: writes, throughput, knobs: { writeBufferSize: 64 * MiB }, engine: { writeAmp: 4 } });

  it('measured slower than the current value: refuted, naming both values and their throughput', () => {
    const r = find(adviseDocument(craftDocument(small, large(41_000))), 'lsm-write-amp-high');
    expect(r?.suggestion.changes).toEqual({ writeBufferSize: 64 * MiB });
    expect(r?.refutedBy?.reason).toMatch(/lsm writeBufferSize=64MiB 41,000 ops\/s against lsm writeBufferSize=16MiB 50,000 ops\/s/);
    expect(r?.refutedBy?.cellIds).toEqual(['lsm/fillrandom/wbs=64MiB#0', 'lsm/fillrandom/wbs=16MiB#0']);
  });

  it('measured faster: stands', () => {
    expect(find(adviseDocument(craftDocument(small, large(70_000))), 'lsm-write-amp-high')?.refutedBy).toBeUndefined();
  });

  it('a configuration that differs in another knob too is not the suggested one', () => {
    const other = craftCell({ backend: 'lsm', id: 'lsm/fillrandom/x#0', workload: 'fillrandom', ops: writes, throughput: 10_000, knobs: { writeBufferSize: 64 * MiB, bloomBitsPerKey: 10 } });
    expect(find(adviseDocument(craftDocument(small, other)), 'lsm-write-amp-high')?.refutedBy).toBeUndefined();
  });
});

describe('two suggestions for one configuration never contradict each other', () => {
  it('two backends: the measured move stays, the unmeasured one is marked with why', () => {
    // lmdb measured 5x lsm; the heap was not measured, and the small read-mostly rule suggests it.
    const readMostly = { read: [9500, 5] as [number, number], update: [500, 10] as [number, number] };
    const recs = adviseDocument(craftDocument(craftCell({ backend: 'lsm', ops: readMostly, records: 10_000, throughput: 10_000 }), craftCell({ backend: 'lmdb', ops: readMostly, records: 10_000, throughput: 50_000 })));
    const best = find(recs, 'best-backend');
    expect(best?.suggestion.backend).toBe('lmdb');
    expect(best?.refutedBy).toBeUndefined();
    const small = recs.find((r) => r.id === 'small-read-mostly-engine' && r.backend === 'lsm');
    expect(small?.refutedBy?.reason).toMatch(/contradicts best-backend \(use backend lmdb\).*one moves to lmdb, the other to heap.*lmdb 50,000 ops\/s against lsm 10,000 ops\/s \(5\.00x\), while this one was not measured/);
    expect(small?.refutedBy?.figures.map((f) => f.value)).toEqual([10_000, 50_000]);
    // lmdb's own small-read-mostly finding is about another configuration: it stands.
    expect(recs.find((r) => r.id === 'small-read-mostly-engine' && r.backend === 'lmdb')?.refutedBy).toBeUndefined();
  });

  const writes = { insert: [10_000, 10] as [number, number] };
  // Pending-compaction stalls on a 32-core machine: one rule gives a job per core (32), another caps at 16.
  const stalled = (id: string, knobs: Record<string, number>, throughput: number) =>
    craftCell({ backend: 'lsm', id, workload: 'fillrandom', ops: writes, knobs, throughput, runMs: 10_000, engine: { stallMicros: 4_000_000, raw: { stats: statsText({ pending: 10 }) } } });
  const on32Cores = (...cells: ReturnType<typeof craftCell>[]) => {
    const doc = craftDocument(...cells);
    return { ...doc, environment: { ...doc.environment, cpuCount: 32 } };
  };

  it('one knob to two values, neither measured: the rule listed first stays', () => {
    const recs = adviseDocument(on32Cores(stalled('lsm/fillrandom#0', {}, 10_000)));
    expect(find(recs, 'lsm-stall-pending-compaction')?.suggestion.changes).toEqual({ maxBackgroundJobs: 32 });
    expect(find(recs, 'lsm-stall-pending-compaction')?.refutedBy).toBeUndefined();
    const jobs = find(recs, 'lsm-background-jobs');
    expect(jobs?.suggestion.changes).toEqual({ maxBackgroundJobs: 16 });
    expect(jobs?.refutedBy?.reason).toMatch(/contradicts lsm-stall-pending-compaction \(increase maxBackgroundJobs to 32\).*both set maxBackgroundJobs, to 32 and 16.*neither was measured here/);
  });

  it('one knob to two values, one measured better in the sweep: the measured one stays', () => {
    const recs = adviseDocument(on32Cores(stalled('lsm/fillrandom/a#0', {}, 10_000), stalled('lsm/fillrandom/jobs=16#0', { maxBackgroundJobs: 16 }, 15_000)));
    const forDefaults = (id: string) => recs.find((r) => r.id === id && r.cellIds[0] === 'lsm/fillrandom/a#0');
    expect(forDefaults('lsm-background-jobs')?.refutedBy).toBeUndefined();
    expect(forDefaults('lsm-stall-pending-compaction')?.refutedBy?.reason).toMatch(/kept lsm-background-jobs because lsm-background-jobs was measured in this document: lsm maxBackgroundJobs=16 15,000 ops\/s against lsm maxBackgroundJobs=2 10,000 ops\/s \(1\.50x\), while this one was not measured/);
  });
});
