// A heap cell that outgrows the JS heap limit of its process (STATEBENCH_CELL_HEAP, tiny here)
// ends errored with the reason in plain words, at its state size, and the run goes on.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ResultDocumentSchema } from '../../core/result/schema.js';
import { runCliProcess } from '../test-support/cli.js';
import { cellHeapLimitMiB } from './heap-limit.js';
import { tempDir } from '../../core/test-support/temp-dir.js';

describe('a heap cell out of memory', () => {
  it('is errored with "out of memory" and its size; the other cells still run', async () => {
    const out = tempDir('statebench-oom-');
    // Two rounds: whatever the shuffled order, a cell runs after the first one that dies.
    const args = ['run', '-b', 'heap', '-w', 'value-state', '--records', '1k,600k', '--repeat', '2', '--duration', '500ms', '--warmup', '0', '--out', out];
    const r = await runCliProcess(args, { env: { STATEBENCH_CELL_HEAP: '48MiB' } });
    expect(r.code, r.stderr).toBe(1);
    const doc = ResultDocumentSchema.parse(JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')));
    const at = (records: number) => doc.cells.filter((c) => c.workload.records === records);
    expect(at(1000).map((c) => c.status)).toEqual(['ok', 'ok']);
    expect(at(600_000).map((c) => c.status)).toEqual(['errored', 'errored']);
    for (const c of at(600_000)) expect(c.status === 'errored' && c.error).toMatch(/out of memory: the JavaScript heap reached its limit \(48 MiB, set by STATEBENCH_CELL_HEAP\)/);
    expect(r.stdout).toMatch(/errored heap\/value-state\/records=600k#\d: cell process killed by SIGABRT: out of memory/);
  });

  it('a bad STATEBENCH_CELL_HEAP is bad input, one line, before any cell', async () => {
    const r = await runCliProcess(['run', '-b', 'heap', '--records', '1k', '--ops', '10'], { env: { STATEBENCH_CELL_HEAP: 'lots' } });
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toMatch(/^statebench: STATEBENCH_CELL_HEAP: 'lots' is not valid; expected a size of at least 1MiB/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(cellHeapLimitMiB({ STATEBENCH_CELL_HEAP: '2GiB' })).toBe(2048);
    expect(cellHeapLimitMiB({})).toBeNull();
  });
});
