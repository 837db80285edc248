// statebench merge and tune on bad input: one line naming what is wrong, exit 2.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runCli } from './main.js';
import { cell, documentOf } from '../core/result/test-support/documents.js';
import { ResultDocumentSchema } from '../core/result/schema.js';
import { tempDir } from '../core/test-support/temp-dir.js';

const dir = tempDir('statebench-merge-cli-');
function write(name: string, seed: number, index: number): string {
  const doc = documentOf([{ ...cell({ throughput: 100 }), id: `c${index}` }]);
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify({ ...doc, plan: { ...doc.plan, seed, cellCount: 2, shard: { index: index + 1, count: 2 } } }));
  return path;
}

async function cli(args: string[]): Promise<{ code: number; stderr: string }> {
  let stderr = '';
  const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  try {
    return { code: await runCli(args), stderr };
  } finally {
    spy.mockRestore();
    out.mockRestore();
  }
}

afterEach(() => {
  process.exitCode = 0;
});

describe('statebench merge', () => {
  it('merges shards into -o DIR/results.json, a valid document', async () => {
    const r = await cli(['merge', write('a.json', 42, 0), write('b.json', 42, 1), '-o', join(dir, 'all')]);
    expect(r.code).toBe(0);
    const doc = ResultDocumentSchema.parse(JSON.parse(readFileSync(join(dir, 'all', 'results.json'), 'utf8')));
    expect(doc.cells.map((c) => c.id)).toEqual(['c0', 'c1']);
  });
  it('refuses documents of different plans: one line, exit 2', async () => {
    const r = await cli(['merge', write('c.json', 42, 0), write('d.json', 7, 1), '-o', join(dir, 'bad')]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/different plan .*plan\.seed: 42 vs 7/);
  });
});

describe('statebench tune on bad input', () => {
  it('a backend without a knob space, a budget the defaults cannot fit, a bad budget: exit 2', async () => {
    expect((await cli(['tune', '-b', 'heap', '-w', 'ycsb-a'])).stderr).toMatch(/^statebench: --backend: tune searches lsm or lmdb/);
    const small = await cli(['tune', '-b', 'lsm', '-w', 'ycsb-a', '--unbounded-memory', '--memory-budget', '64MiB']);
    expect(small.code).toBe(2);
    expect(small.stderr).toMatch(/--memory-budget 64MiB: even lsm's defaults do not fit/);
    expect((await cli(['tune', '-b', 'lsm', '-w', 'ycsb-a', '--unbounded-memory', '--memory-budget', 'x'])).code).toBe(2);
  });
});
