import { describe, expect, it } from 'vitest';
import { craftCell, craftDocument } from '../../harness/test-support/cells.js';
import type { Recommendation } from '../../core/result/schema.js';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { adviseDocument } from '../advice/advise.js';
import { resolveRunOptions } from '../../harness/run-command/resolve-options.js';
import type { ProgressSink } from '../../harness/exec/progress.js';
import { measureEffect } from './effect.js';
import { configsFor, verifyAll } from './verify-advice.js';
import { tempDir } from '../../core/test-support/temp-dir.js';

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
    expect(pair?.current.knobs).toEqual({ writeBufferSize: MiB, level0SlowdownWritesTrigger: 4 });
    expect(pair?.suggested).toEqual({ label: 'suggested', backend: 'lsm', knobs: { writeBufferSize: MiB, level0SlowdownWritesTrigger: 20, level0StopWritesTrigger: 36 } });
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

describe('a recommendation the document already refutes', () => {
  it('is not measured again: unverified with a note, no cell run, nothing logged', async () => {
    // GC paused 20 % of the heap's run: the heap rule suggests lsm, which the document measured at a quarter of the heap.
    const doc = craftDocument(craftCell({ backend: 'heap', gcPauseMs: 2000, runMs: 10_000, throughput: 400_000 }), craftCell({ backend: 'lsm', throughput: 94_800 }));
    const refuted = adviseDocument(doc).filter((r) => r.refutedBy !== undefined);
    expect(refuted.map((r) => r.id)).toEqual(['heap-gc-or-memory']);
    const calls: string[] = [];
    const progress: ProgressSink = {
      cellStarted: (_i, _n, id) => calls.push(`cell ${id}`),
      update: () => undefined,
      phaseFinished: (phase) => calls.push(`phase ${phase}`),
      cellFinished: (id) => calls.push(`finished ${id}`),
      line: (text) => calls.push(text),
    };
    const logPath = join(tempDir('statebench-verify-'), 'verify.jsonl');
    const base = await resolveRunOptions({ backend: ['heap,lsm'] });
    const [out] = await verifyAll({ ...doc, recommendations: refuted }, { base, repeats: 3, progress, logPath });
    expect(out?.refutedBy).toEqual(refuted[0]?.refutedBy);
    expect(out?.verification).toMatchObject({ status: 'unverified', changePct: null, repeats: 0, note: expect.stringMatching(/^not measured: this document already refutes it/) });
    expect(calls).toEqual([expect.stringMatching(/^verify heap-gc-or-memory: skipped, refuted by this document \(measured on ycsb-a/)]);
    expect(existsSync(logPath)).toBe(false);
  });
});

describe('a recommendation made for a threaded cell', () => {
  it('is measured at that cell thread count', async () => {
    const made = { ...craftCell({ backend: 'heap', id: 'heap/ycsb-a/threads=2#0', records: 2000 }), threads: 2 };
    const doc = craftDocument(made);
    const logPath = join(tempDir('statebench-verify-threads-'), 'verify.jsonl');
    const base = await resolveRunOptions({ backend: ['heap'], workload: ['ycsb-a'], threads: '1,2', records: '2000', ops: '4000', warmup: '0' });
    const quiet: ProgressSink = { cellStarted: () => undefined, update: () => undefined, phaseFinished: () => undefined, cellFinished: () => undefined, line: () => undefined };
    await verifyAll({ ...doc, recommendations: [{ ...rec([made.id], { backend: 'heap', knob: 'valueMode', value: 'object', changes: { valueMode: 'object' } }), backend: 'heap' }] }, { base, repeats: 2, progress: quiet, logPath });
    const logged = readFileSync(logPath, 'utf8').trim().split('\n').map((l) => (JSON.parse(l) as { cell: { threads?: number; status: string; workload: { records: number } } }).cell);
    expect(logged).toHaveLength(4);
    for (const c of logged) {
      expect(c.status).toBe('ok');
      expect(c.threads).toBe(2);
      expect(c.workload.records).toBe(2000);
    }
  }, 60_000);
});
