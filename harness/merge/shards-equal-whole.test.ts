// The acceptance test: the shards of one sweep, merged, equal the same sweep run whole,
// cell for cell (same cells in the same order; every operation's histogram with the same counts).
// Then --resume of a run cut short: only the missing cells run.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeHistogram } from '../recorder/histogram.js';
import type { CellResult, ResultDocument } from '../../core/result/schema.js';
import { executeRun } from '../run-command/execute.js';
import { createProgress } from '../exec/progress.js';
import { resolveRunOptions } from '../run-command/resolve-options.js';
import type { RunFlags } from '../run-command/run-flags.js';
import { mergeDocuments } from './merge.js';
import { tempDir } from '../../core/test-support/temp-dir.js';

const root = tempDir('statebench-shards-');
const sweep = join(root, 'sweep.yaml');
writeFileSync(sweep, 'heap:\n  valueMode: [bytes, object]\n');
const flags = (out: string, more: Partial<RunFlags> = {}): RunFlags => ({
  backend: ['heap'],
  workload: ['ycsb-a'],
  records: '2000',
  ops: '3000',
  warmup: '0',
  // Every operation timed: the heap's sampled timing does not time the same ops in every run.
  sampleEvery: '1',
  repeat: '2',
  sweep,
  out,
  ...more,
});

function quiet() {
  let started = 0;
  const p = createProgress(process.stderr, true);
  return { progress: { ...p, cellStarted: (...a: Parameters<typeof p.cellStarted>) => { started++; p.cellStarted(...a); } }, started: () => started };
}

/** Per cell: id, status, and for each operation its count and its histogram's total count. */
function fingerprint(doc: ResultDocument) {
  return doc.cells.map((c: CellResult) => ({
    id: c.id,
    status: c.status,
    ops: c.status === 'skipped' ? null : Object.fromEntries(Object.entries(c.phases.run?.operations ?? {}).map(([op, r]) => [op, { count: r.count, timed: r.timed, hdr: r.hdr ? decodeHistogram(r.hdr).totalCount : null }])),
  }));
}

describe('a sweep in shards', () => {
  it('merged equals the sweep run whole, cell for cell', async () => {
    const whole = await executeRun(await resolveRunOptions(flags(join(root, 'whole'))), { progress: quiet().progress });
    const s0 = await executeRun(await resolveRunOptions(flags(join(root, 's0'), { shard: '1/2' })), { progress: quiet().progress });
    const s1 = await executeRun(await resolveRunOptions(flags(join(root, 's1'), { shard: '2/2' })), { progress: quiet().progress });
    expect(s0.document.cells).toHaveLength(2);
    expect(s1.document.cells).toHaveLength(2);
    const merged = mergeDocuments([{ name: 's1', document: s1.document }, { name: 's0', document: s0.document }]);
    expect(whole.document.cells.map((c) => c.status)).toEqual(['ok', 'ok', 'ok', 'ok']);
    expect(fingerprint(merged)).toEqual(fingerprint(whole.document));
    expect(fingerprint(merged).every((c) => Object.values(c.ops ?? {}).every((o) => o.hdr !== null && o.hdr > 0))).toBe(true);
    // Same plan apart from the shard.
    expect({ ...merged.plan, shard: null }).toEqual({ ...whole.document.plan, shard: null });

    // --resume: a run stopped after two cells (the third line cut short) runs only the other two.
    const lines = readFileSync(join(root, 'whole', 'results.jsonl'), 'utf8').trim().split('\n');
    const stopped = join(root, 'stopped.jsonl');
    writeFileSync(stopped, `${lines[0]}\n${lines[1]}\n${(lines[2] as string).slice(0, 40)}`);
    const q = quiet();
    const resumed = await executeRun(await resolveRunOptions(flags(join(root, 'resumed'), { resume: stopped })), { progress: q.progress });
    expect(q.started()).toBe(2);
    expect(resumed.document.cells.map((c) => c.id)).toEqual(whole.document.cells.map((c) => c.id));
    expect(resumed.document.cells.slice(0, 2)).toEqual(whole.document.cells.slice(0, 2));
    expect(readFileSync(join(root, 'resumed', 'results.jsonl'), 'utf8').trim().split('\n')).toHaveLength(4);
  }, 120_000);
});

describe('--memory-budget in a run', () => {
  it('skips an LSM cell that cannot fit without running it, and a heap cell whose measured state is over', async () => {
    // RocksDB's own write buffers and cache, outside a TaskManager.
    const q = quiet();
    const out = await executeRun(
      await resolveRunOptions({ backend: ['lsm', 'heap'], workload: ['ycsb-c'], records: '2000', ops: '2000', warmup: '0', memoryBudget: '4MiB', taskmanagerMemory: 'none', out: join(root, 'budget') }),
      { progress: q.progress },
    );
    expect(q.started()).toBe(1); // the heap cell only
    const [lsm, heap] = out.document.cells;
    expect(lsm?.status === 'skipped' && lsm.reason).toMatch(/^over the memory budget: write buffers 128MiB \+ block cache 8MiB = 136MiB > --memory-budget 4MiB$/);
    expect(heap?.status === 'skipped' && heap.reason).toMatch(/heap state measured .* > --memory-budget 4MiB/);
    expect(out.document.plan.memoryBudgetBytes).toBe(4 * 1024 * 1024);
  }, 60_000);
});
