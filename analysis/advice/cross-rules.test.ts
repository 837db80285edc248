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
  it('silent with one backend', () => {
    expect(adviseDocument(craftDocument(craftCell({ backend: 'lsm' }))).map((r) => r.id)).not.toContain('best-backend');
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
