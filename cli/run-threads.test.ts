// statebench run --threads as a user runs it: a sweep over thread counts on every built-in engine
// gives a valid document with one cell per count, each threaded cell with its threads' shares; a
// Ctrl-C during a threaded cell keeps what its threads measured; a bad count is one line, exit 2.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { interruptAfterLoad, runCliProcess, startCli } from '../harness/test-support/cli.js';
import { expectValidAgainstJsonSchema } from '../harness/test-support/schema.js';
import { ResultDocumentSchema } from '../core/result/schema.js';
import { tempDir } from '../core/test-support/temp-dir.js';


describe('statebench run --threads', () => {
  it('sweeps 1 and 2 threads on heap, lmdb and lsm: a valid document, one cell per count, per-thread shares', async () => {
    const out = tempDir('statebench-threads-cli-');
    const r = await runCliProcess(['run', '-b', 'heap,lmdb,lsm', '-w', 'ycsb-a', '--records', '20000', '--ops', '40000', '--threads', '1,2', '--warmup', '0', '--json', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as unknown;
    expectValidAgainstJsonSchema(doc);
    const parsed = ResultDocumentSchema.parse(doc);
    expect(parsed.plan.threads).toEqual([1, 2]);
    expect(parsed.cells.map((c) => c.id).sort()).toEqual(
      ['heap', 'lmdb', 'lsm'].flatMap((b) => [`${b}/ycsb-a/threads=1#0`, `${b}/ycsb-a/threads=2#0`]).sort(),
    );
    for (const cell of parsed.cells) {
      expect(cell.status, cell.id).toBe('ok');
      if (cell.status !== 'ok') continue;
      const run = cell.phases.run!;
      expect(run.ops).toBe(40_000);
      expect(cell.phases.load?.ops).toBe(20_000);
      if (cell.id.includes('threads=2')) {
        expect(cell.threads).toBe(2);
        expect(run.perThread?.map((t) => t.ops)).toEqual([20_000, 20_000]);
        expect(run.perThread?.every((t) => (t.windowOpsPerSec ?? 0) > 0)).toBe(true);
      } else {
        expect(cell.threads).toBeUndefined();
        expect(run.perThread).toBeUndefined();
      }
    }
    // The report carries the cells as the document does.
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toContain('threads=2');
  }, 120_000);

  it('Ctrl-C during a threaded cell keeps what its threads measured', async () => {
    const out = tempDir('statebench-threads-int-');
    const run = startCli(['run', '-b', 'heap', '-w', 'ycsb-a', '--records', '10000', '--duration', '20s', '--warmup', '0', '--interval', '200ms', '--threads', '2', '--out', out], { detached: true });
    const r = await interruptAfterLoad(run);
    expect(r.code, r.stderr).toBe(130);
    const doc = ResultDocumentSchema.parse(JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')));
    const cell = doc.cells[0];
    expect(cell?.status).toBe('interrupted');
    if (cell?.status !== 'interrupted') return;
    expect(cell.threads).toBe(2);
    expect(cell.phases.run?.perThread).toHaveLength(2);
    expect(cell.phases.run?.perThread?.every((t) => t.ops > 0)).toBe(true);
  }, 60_000);

  it('a slot that fails in its run phase stops the others: the cell ends errored long before its duration', async () => {
    const out = tempDir('statebench-threads-fail-');
    const started = Date.now();
    const r = await runCliProcess(['run', '-b', './backends/test-support/plugins/slot-fails.mjs', '-w', 'ycsb-a', '--records', '1000', '--duration', '30s', '--warmup', '0', '--interval', '200ms', '--threads', '2', '--out', out]);
    expect(r.code, r.stderr).toBe(1);
    expect(Date.now() - started).toBeLessThan(20_000);
    const cell = ResultDocumentSchema.parse(JSON.parse(readFileSync(join(out, 'results.json'), 'utf8'))).cells[0];
    expect(cell?.status).toBe('errored');
    if (cell?.status === 'errored') expect(cell.error).toMatch(/^thread 1: slotfails: this slot failed in its run phase/);
  }, 60_000);

  it('a bad count is one line naming the flag, exit 2', async () => {
    const r = await runCliProcess(['run', '-b', 'heap', '--threads', '0']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/--threads: '0' is not valid; expected a whole number from 1 to 256/);
  });
});
