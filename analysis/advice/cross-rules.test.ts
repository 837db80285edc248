import { describe, expect, it } from 'vitest';
import { adviseDocument } from './advise.js';
import { craftCell, craftDocument } from '../../harness/test-support/cells.js';

describe('best-backend', () => {
  it('names the fastest backend of a workload with every backend measured', () => {
    const doc = craftDocument(
      craftCell({ backend: 'lsm', throughput: 20_000 }),
      craftCell({ backend: 'lmdb', throughput: 50_000 }),
      craftCell({ backend: 'heap', throughput: 400_000 }),
    );
    const r = adviseDocument(doc).find((x) => x.id === 'best-backend');
    expect(r?.suggestion).toMatchObject({ backend: 'heap', action: 'use backend' });
    // The current configuration (first cell id) is the runner-up: what verification runs against.
    expect(r?.cellIds[0]).toBe('lmdb/ycsb-a#0');
    expect(r?.evidence.map((e) => e.value)).toEqual([400_000, 50_000, 20_000]);
  });
  it('a document without classes (from before them) is ranked as one group, in the words it had', () => {
    const r = adviseDocument(craftDocument(craftCell({ backend: 'lsm', throughput: 20_000 }), craftCell({ backend: 'heap', throughput: 400_000 })));
    const best = r.filter((x) => x.id === 'best-backend');
    expect(best.map((x) => x.title)).toEqual(['heap serves ycsb-a best']);
    expect(best[0]?.suggestion.rationale).toBe('Measured on ycsb-a: heap 400,000 ops/s, lsm 20,000 ops/s (medians of the repeats; cells over the memory budget were skipped and are not ranked). heap is 20.00x lsm.');
    expect(best[0]?.evidence.map((e) => e.metric)).toEqual(['heap throughput (ops/s)', 'lsm throughput (ops/s)']);
  });
  it('silent with one backend', () => {
    expect(adviseDocument(craftDocument(craftCell({ backend: 'lsm' }))).map((r) => r.id)).not.toContain('best-backend');
  });
});

describe('best-backend within a durability class', () => {
  const best = (...cells: ReturnType<typeof craftCell>[]) => adviseDocument(craftDocument(...cells)).filter((r) => r.id === 'best-backend');

  it('ranks each class apart: a faster configuration of a weaker class does not win a stronger class', () => {
    // --semantics per-write: the heap keeps nothing, lsm and lmdb survive a process kill.
    const recs = best(
      craftCell({ backend: 'heap', throughput: 400_000, durabilityClass: 'none' }),
      craftCell({ backend: 'lsm', throughput: 20_000, durabilityClass: 'process' }),
      craftCell({ backend: 'lmdb', throughput: 50_000, durabilityClass: 'process' }),
    );
    const process = recs.find((r) => r.title === 'lmdb (process) serves ycsb-a best in its durability class');
    expect(process?.suggestion).toMatchObject({ action: 'use backend', backend: 'lmdb' });
    expect(process?.cellIds[0]).toBe('lsm/ycsb-a#0');
    expect(process?.evidence).toEqual([
      { metric: 'lmdb (process) throughput (ops/s)', value: 50_000, chart: 'throughput' },
      { metric: 'lsm (process) throughput (ops/s)', value: 20_000, chart: 'throughput' },
    ]);
    expect(process?.suggestion.rationale).toMatch(/^Measured on ycsb-a among the configurations of durability class process: lmdb \(process\) 50,000 ops\/s, lsm \(process\) 20,000 ops\/s .*lmdb \(process\) is 2\.50x lsm \(process\)\.$/);
    expect(process?.suggestion.rationale).not.toContain('heap');
    expect(process?.refutedBy).toBeUndefined();
  });

  it('the fastest overall in a weaker class than the one it beats: said plainly, with the classes in the evidence', () => {
    const recs = best(
      craftCell({ backend: 'heap', throughput: 420_000, durabilityClass: 'none' }),
      craftCell({ backend: 'lsm', throughput: 100_000, durabilityClass: 'process' }),
      craftCell({ backend: 'lmdb', throughput: 50_000, durabilityClass: 'process' }),
    );
    expect(recs.map((r) => r.title)).toEqual(['lsm (process) serves ycsb-a best in its durability class', 'heap (none) serves ycsb-a fastest, in a weaker durability class than lsm (process)']);
    const heap = recs[1];
    expect(heap?.suggestion.backend).toBe('heap');
    // Beaten: the fastest configuration of the stronger class, which verification runs against.
    expect(heap?.cellIds).toEqual(['lsm/ycsb-a#0', 'heap/ycsb-a#0']);
    expect(heap?.suggestion.rationale).toContain(
      'heap (none) is 4.20x lsm (process): heap keeps nothing across a process exit; with state rebuilt from checkpoints, as Flink does, that is the comparison. Where each acknowledged write must itself survive a process kill, lsm (process) is the fastest measured.',
    );
    expect(heap?.evidence.map((e) => e.metric)).toEqual(['heap (none) throughput (ops/s)', 'lsm (process) throughput (ops/s)', 'lmdb (process) throughput (ops/s)']);
    expect(heap?.refutedBy).toBeUndefined();
  });

  it('the quick preset (as Flink): heap and lsm ranked in class none, lmdb (process) named as what heap beats across classes', () => {
    const recs = best(
      craftCell({ backend: 'heap', throughput: 400_000, durabilityClass: 'none' }),
      craftCell({ backend: 'lsm', throughput: 95_000, durabilityClass: 'none', knobs: { walEnabled: false } }),
      craftCell({ backend: 'lmdb', throughput: 50_000, durabilityClass: 'process', knobs: { noSync: true } }),
    );
    expect(recs).toHaveLength(1);
    const r = recs[0];
    expect(r?.title).toBe('heap (none) serves ycsb-a best in its durability class');
    expect(r?.cellIds[0]).toBe('lsm/ycsb-a#0');
    expect(r?.suggestion.rationale).toMatch(/among the configurations of durability class none: heap \(none\) 400,000 ops\/s, lsm \(none\) 95,000 ops\/s .* heap \(none\) is 4\.21x lsm \(none\)\. Across classes: heap \(none\) is 8\.00x lmdb \(process\): heap keeps nothing across a process exit/);
    expect(r?.evidence.map((e) => e.metric)).toEqual(['heap (none) throughput (ops/s)', 'lsm (none) throughput (ops/s)', 'lmdb (process) throughput (ops/s)']);
  });

  it('the fastest overall in a stronger class: it gives nothing up, and says so', () => {
    const recs = best(
      craftCell({ backend: 'lmdb', throughput: 80_000, durabilityClass: 'machine' }),
      craftCell({ backend: 'lsm', throughput: 60_000, durabilityClass: 'none' }),
      craftCell({ backend: 'heap', throughput: 40_000, durabilityClass: 'none' }),
    );
    expect(recs.map((r) => r.title)).toEqual(['lsm (none) serves ycsb-a best in its durability class', 'lmdb (machine) serves ycsb-a fastest, in a stronger durability class than lsm (none)']);
    expect(recs[1]?.suggestion.rationale).toMatch(/lmdb \(machine\) is 1\.33x lsm \(none\), and keeps more: an acknowledged write of lmdb survives a power loss, one of lsm nothing across a process exit\.$/);
    expect(recs.every((r) => r.refutedBy === undefined)).toBe(true);
  });

  it('a switch that names its knobs is reconciled with the configuration that has them, not a slower one of the same backend', () => {
    // lsm without its WAL is fastest, alone in class none; lsm with it is slower than lmdb: "use lsm walEnabled=false" stands.
    const recs = best(
      craftCell({ backend: 'lsm', id: 'lsm/ycsb-a/walEnabled=false#0', knobs: { walEnabled: false }, throughput: 90_000, durabilityClass: 'none' }),
      craftCell({ backend: 'lsm', id: 'lsm/ycsb-a/walEnabled=true#0', knobs: { walEnabled: true }, throughput: 30_000, durabilityClass: 'process' }),
      craftCell({ backend: 'lmdb', throughput: 50_000, durabilityClass: 'process' }),
    );
    const lsm = recs.find((r) => r.backend === 'lsm');
    expect(lsm?.title).toBe('lsm walEnabled=false (none) serves ycsb-a fastest, in a weaker durability class than lmdb (process)');
    expect(lsm?.suggestion.changes).toEqual({ walEnabled: false });
    expect(lsm?.refutedBy).toBeUndefined();
    // Within class process, lmdb beats lsm with its WAL.
    expect(recs.find((r) => r.backend === 'lmdb')?.cellIds[0]).toBe('lsm/ycsb-a/walEnabled=true#0');
  });
});

describe('small-read-mostly-engine', () => {
  const readMostly = { read: [9500, 5] as [number, number], update: [500, 10] as [number, number] };
  it('an engine on a small read-mostly state: suggest the heap', () => {
    const doc = craftDocument(craftCell({ backend: 'lsm', ops: readMostly, records: 10_000 }));
    expect(adviseDocument(doc).find((r) => r.id === 'small-read-mostly-engine')?.suggestion.backend).toBe('heap');
  });
  it('silent when the measured heap is no faster, the state is large, or the mix writes', () => {
    const heapSlow = craftDocument(craftCell({ backend: 'lsm', ops: readMostly, records: 10_000, throughput: 10_000 }), craftCell({ backend: 'heap', ops: readMostly, records: 10_000, throughput: 11_000 }));
    expect(adviseDocument(heapSlow).map((r) => r.id)).not.toContain('small-read-mostly-engine');
    expect(adviseDocument(craftDocument(craftCell({ backend: 'lsm', ops: readMostly, records: 10_000_000, valueSize: '1000' }))).map((r) => r.id)).not.toContain('small-read-mostly-engine');
    expect(adviseDocument(craftDocument(craftCell({ backend: 'lsm', records: 10_000 }))).map((r) => r.id)).not.toContain('small-read-mostly-engine');
  });
});
