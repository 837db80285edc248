import { describe, expect, it } from 'vitest';
import { craftCell, craftDocument } from '../../harness/test-support/cells.js';
import type { Recommendation } from '../../core/result/schema.js';
import { measureEffect } from './effect.js';
import { configsFor } from './verify-advice.js';

const MiB = 1024 * 1024;
function rec(cellIds: string[], suggestion: Partial<Recommendation['suggestion']>): Recommendation {
  return {
    id: 'x',
    backend: 'lsm',
    cellIds,
    title: 't',
    suggestion: { knob: null, action: 'set', value: null, rationale: 'r', changes: {}, ...suggestion },
    evidence: [],
    verification: null,
  };
}

describe('what a verification runs', () => {
  const cell = craftCell({ backend: 'lsm', workload: 'fillrandom', id: 'lsm/fillrandom/w#0', knobs: { writeBufferSize: MiB, level0SlowdownWritesTrigger: 4 } });
  const doc = craftDocument(cell);
  it("a knob change: the cell's own knobs against the same plus the suggestion's changes", async () => {
    const pair = await configsFor(rec([cell.id], { changes: { level0SlowdownWritesTrigger: 20, level0StopWritesTrigger: 36 } }), doc);
    expect(pair?.current.knobs).toEqual({ writeBufferSize: String(MiB), level0SlowdownWritesTrigger: '4' });
    expect(pair?.suggested).toEqual({ label: 'suggested', backend: 'lsm', knobs: { writeBufferSize: String(MiB), level0SlowdownWritesTrigger: '20', level0StopWritesTrigger: '36' } });
    expect(pair?.workload).toBe('fillrandom');
  });
  it('a backend switch: the target backend with only the changes it names', async () => {
    const pair = await configsFor(rec([cell.id], { backend: 'heap', value: 'heap' }), doc);
    expect(pair?.suggested).toEqual({ label: 'suggested', backend: 'heap', knobs: {} });
  });
  it('null when the cell is not in the document', async () => {
    expect(await configsFor(rec(['nope'], {}), doc)).toBeNull();
  });
});

describe('measured effect', () => {
  const cells = (xs: number[], stall: number[]) => xs.map((t, i) => craftCell({ backend: 'lsm', throughput: t, repeat: i, engine: { stallMicros: stall[i] ?? 0 } }));
  it('throughput: the Mann-Whitney interval over positive repeats; a clear gain has its whole interval above 0', () => {
    const e = measureEffect('throughput', cells([100, 102, 98, 101, 99], []), cells([150, 149, 152, 151, 148], []));
    expect(e.method).toBe('mann-whitney');
    expect(e.changePct).toBeCloseTo(50, 0);
    expect(e.ciLowPct).toBeGreaterThan(40);
  });
  it('stall time brought to 0: the bootstrap of the ratio of means (no logs of 0)', () => {
    const e = measureEffect('stallMicros', cells([1, 1, 1, 1, 1], [1000, 1100, 900, 1000, 1000]), cells([1, 1, 1, 1, 1], [0, 0, 0, 10, 0]));
    expect(e.method).toBe('bootstrap');
    expect(e.changePct).toBeCloseTo(-99.8, 1);
  });
  it('too few repeats: no interval', () => {
    expect(measureEffect('throughput', cells([1, 2], []), cells([3, 4], [])).changePct).toBeNull();
  });
});
