// The scaling findings over crafted state-size sweeps: where heap stops leading (slower, out of
// memory, over the budget), the figures that show it, and where a block cache stops holding.
import { describe, expect, it } from 'vitest';
import { documentOf } from '../../core/result/test-support/documents.js';
import type { CellOk, CellResult } from '../../core/result/schema.js';
import { craftCell, type Craft } from '../../harness/test-support/cells.js';
import { documentFindings, scalingFindings } from './findings.js';

const K = 1000;

function ok(c: Craft & { records: number }): CellOk {
  return craftCell({ workload: 'value-state', id: `${c.backend}/value-state/records=${c.records / K}k${c.knobs ? `/${Object.entries(c.knobs).map(([k, v]) => `${k}=${v}`).join(',')}` : ''}#${c.repeat ?? 0}`, ...c });
}

function errored(c: Craft & { records: number }, error: string): CellResult {
  return { ...ok(c), status: 'errored', error };
}

function overBudget(c: Craft & { records: number }): CellResult {
  const { id, backend, knobs, workload, repeat, seed } = ok(c);
  return { id, backend, knobs, workload, repeat, seed, startedAt: null, warnings: [], status: 'skipped', reason: 'over the memory budget: heap state measured 900MiB > --memory-budget 512MiB' };
}

describe('the heap crossover', () => {
  it('is the smallest size at which another backend is faster, with both measurements and the size below', () => {
    const doc = documentOf([
      ok({ backend: 'heap', records: 100 * K, throughput: 900 * K }),
      ok({ backend: 'lsm', records: 100 * K, throughput: 300 * K }),
      ok({ backend: 'heap', records: 1000 * K, throughput: 250 * K }),
      ok({ backend: 'lsm', records: 1000 * K, throughput: 280 * K }),
      ok({ backend: 'heap', records: 4000 * K, throughput: 100 * K }),
      ok({ backend: 'lsm', records: 4000 * K, throughput: 260 * K }),
    ]);
    const [finding] = scalingFindings(doc);
    expect(finding?.sizes).toEqual([100 * K, 1000 * K, 4000 * K]);
    const x = finding?.crossover;
    expect(x?.records).toBe(1000 * K);
    expect(x?.reason).toBe('slower');
    expect(x?.heap).toMatchObject({ backend: 'heap', status: 'ok', opsPerSec: 250 * K, cellIds: ['heap/value-state/records=1000k#0'] });
    expect(x?.other).toMatchObject({ backend: 'lsm', configuration: 'lsm', opsPerSec: 280 * K, cellIds: ['lsm/value-state/records=1000k#0'] });
    expect(x?.before?.heap.opsPerSec).toBe(900 * K);
    expect(x?.before?.other?.opsPerSec).toBe(300 * K);
  });

  it('compares medians over repeats, naming every repeat behind each figure', () => {
    const cells = [
      ...[500, 520, 900].map((t, r) => ok({ backend: 'heap', records: 10 * K, throughput: t * K, repeat: r })),
      ...[400, 450, 460].map((t, r) => ok({ backend: 'lsm', records: 10 * K, throughput: t * K, repeat: r })),
      ...[300, 310, 700].map((t, r) => ok({ backend: 'heap', records: 50 * K, throughput: t * K, repeat: r })),
      ...[320, 330, 340].map((t, r) => ok({ backend: 'lsm', records: 50 * K, throughput: t * K, repeat: r })),
    ];
    const x = scalingFindings(documentOf(cells))[0]?.crossover;
    // heap's fastest repeat at 50k (700k) beats lsm, its median (310k) does not.
    expect(x?.records).toBe(50 * K);
    expect(x?.heap.opsPerSec).toBe(310 * K);
    expect(x?.other?.opsPerSec).toBe(330 * K);
    expect(x?.heap.cellIds).toHaveLength(3);
  });

  it('is the size at which heap ran out of memory, with the error, when nothing was faster before', () => {
    const doc = documentOf([
      ok({ backend: 'heap', records: 10 * K, throughput: 900 * K }),
      ok({ backend: 'lsm', records: 10 * K, throughput: 300 * K }),
      errored({ backend: 'heap', records: 50 * K }, 'cell process killed by SIGABRT: out of memory: the JavaScript heap reached its limit (48 MiB, set by STATEBENCH_CELL_HEAP)'),
      ok({ backend: 'lsm', records: 50 * K, throughput: 280 * K }),
    ]);
    const x = scalingFindings(doc)[0]?.crossover;
    expect(x).toMatchObject({ records: 50 * K, reason: 'errored', heap: { status: 'errored', opsPerSec: null, cellIds: ['heap/value-state/records=50k#0'] } });
    expect(x?.heap.reason).toMatch(/out of memory/);
    expect(x?.other?.opsPerSec).toBe(280 * K);
  });

  it('is the size at which heap exceeded --memory-budget', () => {
    const doc = documentOf([
      ok({ backend: 'heap', records: 10 * K, throughput: 900 * K }),
      ok({ backend: 'lmdb', records: 10 * K, throughput: 300 * K }),
      overBudget({ backend: 'heap', records: 50 * K }),
      ok({ backend: 'lmdb', records: 50 * K, throughput: 280 * K }),
    ]);
    expect(scalingFindings(doc)[0]?.crossover).toMatchObject({ records: 50 * K, reason: 'over-budget', heap: { status: 'over-budget' }, other: { backend: 'lmdb' } });
  });

  it('when heap leads at every size: no crossover size, the figures at the largest', () => {
    const doc = documentOf([
      ok({ backend: 'heap', records: 10 * K, throughput: 900 * K }),
      ok({ backend: 'lsm', records: 10 * K, throughput: 300 * K }),
      ok({ backend: 'heap', records: 50 * K, throughput: 800 * K }),
      ok({ backend: 'lsm', records: 50 * K, throughput: 280 * K }),
    ]);
    expect(scalingFindings(doc)[0]?.crossover).toMatchObject({ records: null, reason: null, heap: { records: 50 * K, opsPerSec: 800 * K }, other: { opsPerSec: 280 * K }, before: null });
  });

  it('takes the best of several configurations on each side, labelled by their varying knobs', () => {
    const wb = (v: number) => ({ writeBufferSize: v * 1024 * 1024 });
    const doc = documentOf([
      ok({ backend: 'heap', records: 10 * K, throughput: 500 * K }),
      ok({ backend: 'lsm', records: 10 * K, throughput: 300 * K, knobs: wb(4) }),
      ok({ backend: 'lsm', records: 10 * K, throughput: 600 * K, knobs: wb(64) }),
      ok({ backend: 'heap', records: 50 * K, throughput: 500 * K }),
      ok({ backend: 'lsm', records: 50 * K, throughput: 300 * K, knobs: wb(4) }),
      ok({ backend: 'lsm', records: 50 * K, throughput: 600 * K, knobs: wb(64) }),
    ]);
    const x = scalingFindings(doc)[0]?.crossover;
    expect(x?.records).toBe(10 * K);
    expect(x?.before).toBeNull();
    expect(x?.other?.configuration).toBe('lsm writeBufferSize=64MiB');
  });

  it('none without heap or without another backend; no finding for one size', () => {
    const lsmOnly = documentOf([ok({ backend: 'lsm', records: 10 * K }), ok({ backend: 'lsm', records: 50 * K })]);
    expect(scalingFindings(lsmOnly)[0]?.crossover).toBeNull();
    const oneSize = documentOf([ok({ backend: 'heap', records: 10 * K }), ok({ backend: 'lsm', records: 10 * K })]);
    expect(scalingFindings(oneSize)).toEqual([]);
    expect(documentFindings(oneSize)).toEqual({});
  });

  it('keeps workloads apart, and workloads of one name with other parameters too', () => {
    const a = (records: number, backend: 'heap' | 'lsm', t: number) => ok({ backend, records, throughput: t });
    const bigValues = (records: number, backend: 'heap' | 'lsm', t: number) => ({ ...ok({ backend, records, throughput: t, valueSize: '1000' }), id: `${backend}/${records}/1000#0` });
    const doc = documentOf([a(10 * K, 'heap', 9), a(10 * K, 'lsm', 3), a(50 * K, 'heap', 8), a(50 * K, 'lsm', 2), bigValues(10 * K, 'heap', 1), bigValues(10 * K, 'lsm', 3), bigValues(50 * K, 'heap', 1), bigValues(50 * K, 'lsm', 2)]);
    const findings = scalingFindings(doc);
    expect(findings.map((f) => f.workload)).toEqual(['value-state', 'value-state [2]']);
    expect(findings.map((f) => f.crossover?.records)).toEqual([null, 10 * K]);
  });
});

describe('the block-cache falloff', () => {
  it('is the smallest size whose median hit ratio is below 0.9, with the ratio at every size', () => {
    const hit = (records: number, ratio: number | null) => ok({ backend: 'lsm', records, engine: { blockCacheHitRatio: ratio } });
    const doc = documentOf([hit(10 * K, null), hit(100 * K, 0.99), hit(1000 * K, 0.95), hit(4000 * K, 0.6), ok({ backend: 'heap', records: 10 * K }), ok({ backend: 'heap', records: 100 * K })]);
    const [falloff, ...rest] = scalingFindings(doc)[0]?.cacheFalloff ?? [];
    expect(rest).toEqual([]); // heap reports no hit ratio
    expect(falloff?.records).toBe(4000 * K);
    expect(falloff?.threshold).toBe(0.9);
    // A size whose cells read nothing through the cache has no point.
    expect(falloff?.points.map((p) => [p.records, p.hitRatio])).toEqual([[100 * K, 0.99], [1000 * K, 0.95], [4000 * K, 0.6]]);
    expect(falloff?.points[2]?.cellIds).toEqual(['lsm/value-state/records=4000k#0']);
  });

  it('none when the ratio stays at or above 0.9', () => {
    const doc = documentOf([ok({ backend: 'lsm', records: 10 * K, engine: { blockCacheHitRatio: 0.9 } }), ok({ backend: 'lsm', records: 20 * K, engine: { blockCacheHitRatio: 0.97 } })]);
    expect(scalingFindings(doc)[0]?.cacheFalloff[0]?.records).toBeNull();
  });
});

describe('a state-size sweep with a thread sweep', () => {
  it('finds each thread count apart: a sum over two threads is compared with sums over two threads only', () => {
    const t = (threads: number, c: Craft & { records: number }): CellOk => ({ ...ok(c), ...(threads > 1 ? { threads, id: ok(c).id.replace('#', `/threads=${threads}#`) } : {}) });
    const doc = documentOf([
      t(1, { backend: 'heap', records: 100 * K, throughput: 900 * K }),
      t(1, { backend: 'lsm', records: 100 * K, throughput: 300 * K }),
      t(1, { backend: 'heap', records: 1000 * K, throughput: 250 * K }),
      t(1, { backend: 'lsm', records: 1000 * K, throughput: 280 * K }),
      // Two heap threads are faster than one lsm thread at 1M, not than two.
      t(2, { backend: 'heap', records: 100 * K, throughput: 1700 * K }),
      t(2, { backend: 'lsm', records: 100 * K, throughput: 550 * K }),
      t(2, { backend: 'heap', records: 1000 * K, throughput: 450 * K }),
      t(2, { backend: 'lsm', records: 1000 * K, throughput: 500 * K }),
    ]);
    const findings = scalingFindings(doc);
    expect(findings.map((f) => f.workload)).toEqual(['value-state', 'value-state (2 threads)']);
    for (const f of findings) {
      expect(f.crossover?.records).toBe(1000 * K);
      expect(f.crossover?.reason).toBe('slower');
    }
    expect(findings[1]?.crossover?.heap.opsPerSec).toBe(450 * K);
    expect(findings[1]?.crossover?.other?.opsPerSec).toBe(500 * K);
    expect(findings[1]?.crossover?.other?.cellIds).toEqual(['lsm/value-state/records=1000k/threads=2#0']);
  });
});

describe('a state-size sweep in TaskManagers of two sizes', () => {
  const inTm = (c: CellResult, taskManager: string): CellResult => ({ ...c, id: `${c.id}/tm=${taskManager}`, memory: { taskManager, slots: 1, bound: null } });
  it('is two sweeps, each named with its TaskManager: heap out of memory in the small one only', () => {
    const doc = documentOf([
      inTm(ok({ backend: 'heap', records: 100 * K, throughput: 900 * K }), '1728m'),
      inTm(ok({ backend: 'lsm', records: 100 * K, throughput: 300 * K }), '1728m'),
      inTm(errored({ backend: 'heap', records: 400 * K }, 'out of memory in a 1728m TaskManager: heap state needs 420MiB or more'), '1728m'),
      inTm(ok({ backend: 'lsm', records: 400 * K, throughput: 280 * K }), '1728m'),
      inTm(ok({ backend: 'heap', records: 100 * K, throughput: 950 * K }), '4g'),
      inTm(ok({ backend: 'lsm', records: 100 * K, throughput: 310 * K }), '4g'),
      inTm(ok({ backend: 'heap', records: 400 * K, throughput: 700 * K }), '4g'),
      inTm(ok({ backend: 'lsm', records: 400 * K, throughput: 290 * K }), '4g'),
    ]);
    const findings = scalingFindings(doc);
    expect(findings.map((f) => f.workload)).toEqual(['value-state in a 1728m TaskManager with 1 slot', 'value-state in a 4g TaskManager with 1 slot']);
    expect(findings[0]?.crossover).toMatchObject({ records: 400 * K, reason: 'errored', other: { backend: 'lsm', opsPerSec: 280 * K } });
    expect(findings[0]?.crossover?.before?.heap.opsPerSec).toBe(900 * K);
    expect(findings[1]?.crossover).toMatchObject({ records: null, heap: { opsPerSec: 700 * K } });
  });
});
