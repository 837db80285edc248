import { describe, expect, it } from 'vitest';
import { craftCell } from '../../harness/test-support/cells.js';
import type { CellResult } from '../../core/result/schema.js';
import { harnessShare, medianMemory, memoryOf, overBound } from './candidate-memory.js';

const MiB = 1024 * 1024;
/** An lsm cell under Flink's bound whose cache peaked at `cacheMiB`, and whose process grew from 80 MiB to `rssMiB`. */
function cell(cacheMiB: number, rssMiB: number): CellResult {
  const c = craftCell({ backend: 'lsm', metrics: { maxBlockCacheUsageBytes: cacheMiB * MiB, tableReadersBytes: MiB, writeBufferManagerChargedToCache: 1 } });
  return { ...c, resources: { ...(c.status === 'ok' ? c.resources : null), rssPeakBytes: rssMiB * MiB, rssAtStartBytes: 80 * MiB } } as CellResult;
}

describe("a candidate's memory against its TaskManager's bound", () => {
  it("reads RocksDB's own figures and the process's growth after the engine opened", () => {
    expect(memoryOf(cell(100, 300))).toEqual({ engineBytes: 101 * MiB, engineWhat: 'block cache usage at its peak (write buffers charged to it) + table readers', rssBytes: 220 * MiB });
  });
  it('is over the bound when either figure is, and says which with the numbers', () => {
    expect(overBound(memoryOf(cell(100, 300)), 256 * MiB, 'the slot', null)).toBeNull();
    expect(overBound(memoryOf(cell(300, 300)), 256 * MiB, 'the slot', null)).toBe('the engine reported 301MiB (block cache usage at its peak (write buffers charged to it) + table readers), over the slot of 256MiB');
    // The process figure has 10 % of room past 256 MiB: 280 MiB of growth is within it, 320 MiB is not.
    expect(overBound(memoryOf(cell(100, 360)), 256 * MiB, 'the slot', null)).toBeNull();
    expect(overBound(memoryOf(cell(100, 400)), 256 * MiB, 'the slot', null)).toBe('the process grew by 320MiB of resident memory after the engine opened, more than 10 % past the bound, over the slot of 256MiB');
  });
  it("takes the harness's share, measured on the control, off the process's growth", () => {
    // The control's two cells grew 55 and 65 MiB beyond what the engine reported: 60 MiB is the harness's.
    const share = harnessShare([memoryOf(cell(100, 236)), memoryOf(cell(100, 246))]);
    expect(share).toBe(60 * MiB);
    expect(overBound(memoryOf(cell(100, 400)), 256 * MiB, 'the slot', share)).toBeNull();
    expect(overBound(memoryOf(cell(100, 450)), 256 * MiB, 'the slot', share)).toBe("the process grew by 370MiB of resident memory after the engine opened, 310MiB less the harness's share of 60MiB, more than 10 % past the bound, over the slot of 256MiB");
  });
  it('takes the medians of a verification\'s repeats', () => {
    expect(medianMemory([cell(100, 300), cell(120, 280), cell(110, 500)])).toMatchObject({ engineBytes: 111 * MiB, rssBytes: 220 * MiB });
  });
});
