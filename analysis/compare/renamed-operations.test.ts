// A document written before the Flink workloads' operations were named after the Flink call
// compares with a newer one: its operations read under today's names.
import { describe, expect, it } from 'vitest';
import { craftCell } from '../../harness/test-support/cells.js';
import { cellMetrics } from './metrics.js';

describe('renamed operations', () => {
  it("an older document's value-get and a newer one's value.get are one metric", () => {
    const older = craftCell({ backend: 'heap', workload: 'value-state', ops: { 'value-get': [5000, 1], 'value-update': [5000, 2] } });
    const newer = craftCell({ backend: 'heap', workload: 'value-state', ops: { 'value.get': [5000, 1], 'value.update': [5000, 2] } });
    const ids = (c: typeof older) => cellMetrics(c).map((m) => m.def.id);
    expect(ids(older)).toEqual(ids(newer));
    expect(ids(older)).toContain('value.get.p99');
    // A name never renamed stays as it is.
    expect(ids(craftCell({ backend: 'heap', ops: { read: [10, 1] } }))).toContain('read.p99');
  });
});
