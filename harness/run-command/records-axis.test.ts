// --records as a sweep axis: parsed from the flag, a --config file or a --sweep file; one cell per
// size in the plan, the size in the ids; shards, resume and merge keep sizes apart.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../core/errors.js';
import { cell, documentOf } from '../../core/result/test-support/documents.js';
import { ResultDocumentSchema, type CellResult, type ResultDocument } from '../../core/result/schema.js';
import { mergeDocuments } from '../merge/merge.js';
import { selectShard } from '../plan/shard.js';
import { matchResumed } from '../plan/resume.js';
import { buildPlan } from '../plan/run-cells.js';
import { parseRecords, resolveRunOptions } from './resolve-options.js';
import { tempDir } from '../../core/test-support/temp-dir.js';

const dir = tempDir('statebench-records-');

describe('--records', () => {
  it('one size is a number as before; a list is the sizes, ascending, each written as --records takes it', () => {
    expect(parseRecords('1e6')).toBe(1_000_000);
    expect(parseRecords(50_000)).toBe(50_000);
    expect(parseRecords('1M,100k,10M,100k')).toEqual([100_000, 1_000_000, 10_000_000]);
    expect(parseRecords(['10k', 20_000])).toEqual([10_000, 20_000]);
    expect(parseRecords(undefined)).toBeNull();
  });
  it.each(['10k,,20k', 'lots', '10k,x'])('%s is bad input naming the flag', (raw) => {
    expect(() => parseRecords(raw)).toThrow(UsageError);
    expect(() => parseRecords(raw)).toThrow(/^--records: '.*' is not valid; expected a whole number/);
  });
  it('a --config file may give a list; a --sweep file a top-level records list; the flag wins over both', async () => {
    const config = join(dir, 'config.json');
    writeFileSync(config, JSON.stringify({ backend: ['heap'], records: ['10k', 20000] }));
    expect((await resolveRunOptions({ config })).records).toEqual([10_000, 20_000]);
    const sweep = join(dir, 'sweep.yaml');
    writeFileSync(sweep, 'records: [5k, 1k]\nheap:\n  valueMode: [bytes, object]\n');
    const fromSweep = await resolveRunOptions({ backend: ['heap'], sweep });
    expect(fromSweep.records).toEqual([1_000, 5_000]);
    expect(fromSweep.sets).toEqual(['heap.valueMode=bytes,object']);
    expect((await resolveRunOptions({ backend: ['heap'], sweep, records: '3k' })).records).toBe(3_000);
  });
});

describe('a plan over state sizes', () => {
  const options = (records: string, more: Record<string, unknown> = {}) => resolveRunOptions({ backend: ['heap'], workload: ['ycsb-a', 'value-state'], set: ['heap.valueMode=bytes,object'], records, ops: '1000', ...more });

  it('has one cell per size x knob values x workload x repeat, each loading its own size, the size in its id', async () => {
    const plan = await buildPlan(await options('1k,2k', { repeat: '2' }));
    expect(plan.cells).toHaveLength(2 * 2 * 2 * 2);
    expect(new Set(plan.cells.map((c) => c.id)).size).toBe(plan.cells.length);
    for (const c of plan.cells) expect(c.id).toContain(`/records=${c.workloadParams.records === 1000 ? '1k' : '2k'}/`);
    expect(plan.cells.map((c) => c.id)).toContain('heap/value-state/records=2k/valueMode=object#1');
    // Every configuration at every size, in every repeat.
    const perSize = (n: number) => plan.cells.filter((c) => c.workloadParams.records === n).length;
    expect([perSize(1000), perSize(2000)]).toEqual([8, 8]);
  });

  it('runs the smaller size first in a round without repeats; ids of one size stay as they were', async () => {
    const plan = await buildPlan(await options('2k,1k'));
    expect(plan.cells.map((c) => c.workloadParams.records)).toEqual([1000, 1000, 1000, 1000, 2000, 2000, 2000, 2000]);
    const one = await buildPlan(await options('2k'));
    expect(one.cells.map((c) => c.id)).toEqual(['heap/ycsb-a/valueMode=bytes#0', 'heap/value-state/valueMode=bytes#0', 'heap/ycsb-a/valueMode=object#0', 'heap/value-state/valueMode=object#0']);
  });

  it('shards share every size, and together are the plan', async () => {
    const plan = await buildPlan(await options('1k,2k', { repeat: '2' }));
    const shards = [1, 2, 3].map((index) => selectShard(plan.cells, { index, count: 3 }));
    expect(shards.flat().map((c) => c.id).sort()).toEqual(plan.cells.map((c) => c.id).sort());
    for (const s of shards) expect(new Set(s.map((c) => c.workloadParams.records))).toEqual(new Set([1000, 2000]));
  });

  it('resume keeps a finished cell only for its own size', async () => {
    const plan = await buildPlan(await options('1k,2k'));
    const small = plan.cells.find((c) => c.workloadParams.records === 1000 && c.workload === 'ycsb-a' && c.setKnobs.valueMode === 'bytes');
    const big = plan.cells.find((c) => c.workloadParams.records === 2000 && c.workload === 'ycsb-a' && c.setKnobs.valueMode === 'bytes');
    const done = (id: string, records: number): CellResult => ({ ...cell({ backend: 'heap', throughput: 1, workload: { name: 'ycsb-a', records } }), id, knobs: small!.knobs, seed: small!.seed });
    // A line claiming the 2k cell's id but measured at 1k is not taken for it.
    const m = matchResumed(plan.cells, [done(small!.id, 1000), done(big!.id, 1000)]);
    expect([...m.done.keys()]).toEqual([small!.id]);
    expect(m.ignored).toBe(1);
  });
});

describe('the plan record of a size sweep', () => {
  const shard = (records: ResultDocument['plan']['records'], index: number, ids: string[]): ResultDocument => {
    const doc = documentOf(ids.map((id) => ({ ...cell({ throughput: 1 }), id })));
    return { ...doc, plan: { ...doc.plan, records, cellCount: 4, shard: { index: index + 1, count: 2 } } };
  };

  it('is a list in the document, which older readers of one number still load', () => {
    const doc = shard([1000, 2000], 0, ['a', 'c']);
    expect(ResultDocumentSchema.parse(doc).plan.records).toEqual([1000, 2000]);
    expect(ResultDocumentSchema.parse({ ...doc, plan: { ...doc.plan, records: 1000 } }).plan.records).toBe(1000);
    expect(ResultDocumentSchema.safeParse({ ...doc, plan: { ...doc.plan, records: [1000] } }).success).toBe(false);
  });

  it('merges shards of one size sweep, and refuses a shard of other sizes naming them', () => {
    const merged = mergeDocuments([{ name: 's0', document: shard([1000, 2000], 0, ['a', 'c']) }, { name: 's1', document: shard([1000, 2000], 1, ['b', 'd']) }]);
    expect(merged.cells.map((c) => c.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(merged.plan.records).toEqual([1000, 2000]);
    expect(() => mergeDocuments([{ name: 's0', document: shard([1000, 2000], 0, ['a']) }, { name: 's1', document: shard([1000, 3000], 1, ['b']) }])).toThrow(
      /plan.records: \[1000,2000\] vs \[1000,3000\]/,
    );
  });

  it("a shard's findings saw only its cells: the merge leaves them to be found again", () => {
    const withFindings = { ...shard([1000, 2000], 0, ['a']), findings: [{ kind: 'scaling' as const, workload: 'ycsb-a', sizes: [1000], crossover: null, cacheFalloff: [] }] };
    expect(mergeDocuments([{ name: 's0', document: withFindings }]).findings).toBeUndefined();
  });
});
