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
  it("every built-in workload's operation classifies from its recorded kind as declared", () => {
    for (const def of listWorkloads()) {
      const kinds = def.operations.map((k) => ({ name: k.name, action: k.action, writes: k.writes }));
      for (const k of def.operations) {
        expect(classifyOperation(k.name, kinds).write, `${def.name}: ${k.name}`).toBe(k.writes);
      }
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

describe('operation kinds recorded in the document', () => {
  it('classify a name from its recorded action, whatever the name says', () => {
    const kinds = [
      { name: 'timer.fire', action: 'timer-fire', writes: true },
      { name: 'join.probe.left', action: 'iterate', writes: false },
      { name: 'element.late', action: 'none', writes: false, element: true },
      { name: 'window.add', action: 'rmw', writes: true, element: true },
    ];
    expect(classifyOperation('timer.fire', kinds)).toEqual({ read: true, scan: false, write: true });
    expect(classifyOperation('join.probe.left', kinds)).toEqual({ read: true, scan: true, write: false });
    expect(classifyOperation('element.late', kinds)).toEqual({ read: false, scan: false, write: false });
    expect(classifyOperation('window.add', kinds)).toEqual({ read: true, scan: false, write: true });
  });

  it("older documents' Flink names still classify as they did", () => {
    expect(classifyOperation('value-get')).toEqual({ read: true, scan: false, write: false });
    expect(classifyOperation('list-append')).toEqual({ read: false, scan: false, write: true });
    expect(classifyOperation('window-fire')).toEqual({ read: false, scan: false, write: true });
    expect(classifyOperation('dedupe')).toEqual(classifyOperation('value.get+update'));
    expect(classifyOperation('map-iterate')).toEqual(classifyOperation('map.iterate'));
  });

  it("the workload shape of a cell comes from its recorded kinds", () => {
    const cell = {
      ...craftCell({ backend: 'heap', workload: 'probe', ops: { 'a.b': [600, 2], 'c.d': [400, 3] } }),
      operationKinds: [
        { name: 'a.b', action: 'iterate', writes: false },
        { name: 'c.d', action: 'timer-register', writes: true },
      ],
    };
    const shape = buildAdviceContext(craftDocument(cell), null).configs[0]?.shape;
    expect(shape).toMatchObject({ reads: 0.6, scans: 0.6, pointReads: 0, writes: 0.4 });
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
