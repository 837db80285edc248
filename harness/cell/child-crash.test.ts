import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startCli, waitFor } from '../test-support/cli.js';
import { ResultDocumentSchema } from '../../core/result/schema.js';
import { tempDir } from '../../core/test-support/temp-dir.js';

function childrenOf(pid: number): number[] {
  try {
    return execFileSync('pgrep', ['-P', String(pid)]).toString().trim().split('\n').filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

describe('a cell whose process dies', () => {
  it('is marked errored with the reason, and the run goes on to the next cell', async () => {
    const out = tempDir('statebench-crash-');
    const run = startCli(['run', '-b', 'heap', '-w', 'ycsb-a', '-w', 'ycsb-c', '--records', '10000', '--duration', '4s', '--warmup', '0', '--out', out]);
    // Kill it in the run phase, once the load phase has been reported.
    await waitFor(() => run.stderrSoFar().includes('load done'), 30_000);
    await new Promise((r) => setTimeout(r, 500));
    for (const pid of childrenOf(run.child.pid!)) process.kill(pid, 'SIGKILL');
    const r = await run.done;
    expect(r.code, r.stderr).toBe(1);
    const doc = ResultDocumentSchema.parse(JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')));
    expect(doc.cells.map((c) => c.status)).toEqual(['errored', 'ok']);
    const first = doc.cells[0]!;
    expect(first.status === 'errored' && first.error).toMatch(/cell process killed by SIGKILL/);
    // What the child reported before it died is kept: its load phase.
    expect(first.status === 'errored' && first.phases.load?.ops).toBe(10_000);
    expect(readFileSync(join(out, 'results.jsonl'), 'utf8').trim().split('\n')).toHaveLength(2);
  });
});
