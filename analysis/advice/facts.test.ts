// The facts come from the result document alone: the operations it counted, never today's catalogue.
import { describe, expect, it } from 'vitest';
import { listWorkloads } from '../../workloads/catalogue.js';
import { craftCell, craftDocument } from '../../harness/test-support/cells.js';
import { adviseDocument } from './advise.js';
import { buildAdviceContext } from './facts.js';
import { classifyOperation, OPERATION_KINDS } from './operations.js';

describe('operation names', () => {
  it("every built-in workload's operation is listed with its declared action and write flag", () => {
    for (const def of listWorkloads()) {
      for (const k of def.operations) expect(OPERATION_KINDS[k.name], `${def.name}: ${k.name}`).toEqual({ action: k.action, writes: k.writes });
    }
  });
  it('a read-modify-write is a point read and a write; an unknown name is read from its wording', () => {
    expect(classifyOperation('read-modify-write')).toEqual({ read: true, scan: false, write: true });
    expect(classifyOperation('dedupe')).toEqual({ read: true, scan: false, write: true });
    expect(classifyOperation('map-iterate')).toEqual({ read: true, scan: true, write: false });
    expect(classifyOperation('list-clear')).toEqual({ read: false, scan: false, write: true });
    expect(classifyOperation('keys-scan')).toEqual({ read: true, scan: true, write: false });
  });
});

describe('a workload the catalogue does not know', () => {
  // 70 % reads, 30 % read-modify-writes: every operation reads, as in YCSB's workload F.
  const ops = { read: [7000, 5] as [number, number], 'read-modify-write': [3000, 8] as [number, number] };
  const custom = craftDocument(craftCell({ backend: 'lsm', workload: 'my-workloadf', ops, records: 10_000 }));
  const builtin = craftDocument(craftCell({ backend: 'lsm', workload: 'ycsb-f', ops, records: 10_000 }));

  it('gets its mix from the operations the document counted', () => {
    const [facts] = buildAdviceContext(custom, null).configs;
    expect(facts?.workload).toBe('my-workloadf');
    expect(facts?.shape).toEqual({ totalOps: 10_000, reads: 1, pointReads: 1, scans: 0, writes: 0.3 });
  });

  it('gets the advice a built-in with the same operations gets (a small read-mostly state: the heap)', () => {
    const advice = (doc: typeof custom) => adviseDocument(doc).map((r) => ({ id: r.id, suggestion: r.suggestion }));
    expect(advice(custom).map((r) => r.id)).toContain('small-read-mostly-engine');
    expect(advice(custom)).toEqual(advice(builtin));
  });
});
