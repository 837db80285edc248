import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliProcess } from '../harness/test-support/cli.js';
import { expectValidAgainstJsonSchema } from '../harness/test-support/schema.js';
import { ResultDocumentSchema } from '../core/result/schema.js';
import { tempDir } from '../core/test-support/temp-dir.js';


describe('statebench run --json', () => {
  it('prints a result document valid against the exported JSON Schema, and writes the same files', async () => {
    const out = tempDir('statebench-json-');
    const r = await runCliProcess(['run', '--backend', 'heap', '--workload', 'ycsb-a', '--records', '100000', '--ops', '1000000', '--json', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as unknown;
    expectValidAgainstJsonSchema(doc);
    const parsed = ResultDocumentSchema.parse(doc);
    expect(parsed.cells).toHaveLength(1);
    const cell = parsed.cells[0]!;
    expect(cell.status).toBe('ok');
    if (cell.status !== 'ok') return;
    expect(cell.phases.load?.ops).toBe(100_000);
    expect(cell.phases.run?.ops).toBe(1_000_000);
    const ops = cell.phases.run!.operations;
    expect(Object.keys(ops).sort()).toEqual(['read', 'update']);
    expect((ops.read?.count ?? 0) + (ops.update?.count ?? 0)).toBe(1_000_000);
    expect(cell.resources?.rssPeakBytes).toBeGreaterThan(0);
    expect(parsed.environment.clock.overheadNs).toBeGreaterThan(0);
    expect(parsed.plan.seed).toBe(42);
    // Files: the same document, and one jsonl line per cell.
    const fromFile = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as { cells: unknown[] };
    expect(fromFile.cells).toEqual(parsed.cells);
    const lines = readFileSync(join(out, 'results.jsonl'), 'utf8').trim().split('\n');
    expect(lines).toHaveLength(1);
  });
});
