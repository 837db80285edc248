// A short real micro run on the heap backend, in a child process, through to results.json and the
// table `statebench micro` prints (the harness measures, reports renders: the CLI's layer joins them).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ResultDocumentSchema } from '../core/result/schema.js';
import { executeMicro } from '../harness/micro-command/execute.js';
import { MICRO_OPS } from '../harness/micro/ops.js';
import { resolveMicroOptions } from '../harness/micro-command/options.js';
import { renderMicroTable } from '../reports/micro-terminal.js';
import { tempDir } from '../core/test-support/temp-dir.js';

describe('a micro run on heap', () => {
  it('writes a schema-valid document with one ok cell holding every requested task', async () => {
    const out = tempDir('statebench-micro-');
    const lines: string[] = [];
    const options = resolveMicroOptions({ backend: ['heap'], records: '1000', time: '20', warmup: '5', out });
    const outcome = await executeMicro(options, { log: (l) => lines.push(l) });

    const doc = ResultDocumentSchema.parse(JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')));
    expect(doc).toEqual(JSON.parse(JSON.stringify(outcome.document)));
    expect(doc.cells).toHaveLength(1);
    const cell = doc.cells[0]!;
    expect(cell.status, cell.status === 'errored' ? cell.error : '').toBe('ok');
    if (cell.status !== 'ok') return;
    expect(cell.backend).toBe('heap');
    expect(cell.durabilityClass).toBe('none');
    expect(cell.phases).toEqual({});
    expect(cell.workload).toMatchObject({ name: 'micro', records: 1000 });
    expect(Object.keys(cell.micro ?? {})).toEqual(['null', ...MICRO_OPS]);
    for (const [name, t] of Object.entries(cell.micro ?? {})) {
      // tinybench's minimum of 64 calls per task, and a positive mean for each.
      expect(t.samples, name).toBeGreaterThanOrEqual(64);
      expect(t.meanNs, name).toBeGreaterThan(0);
    }
    expect(cell.micro?.['batch-put-100']?.opsPerCall).toBe(100);
    expect(cell.micro?.null?.atTimerResolution).toBe(true);
    expect(doc.plan).toMatchObject({ backends: ['heap'], workloads: ['micro'], records: 1000, durationMs: 20, warmupMs: 5 });

    // The state is named, and the table has a row per task plus the per-key row of the batch.
    expect(lines.some((l) => /preloaded 1,000 records/.test(l))).toBe(true);
    const table = renderMicroTable(doc, outcome.states);
    expect(table).toMatch(/1,000 records \(\S+ of keys and values; in memory\)/);
    for (const op of ['null', ...MICRO_OPS]) expect(table).toMatch(new RegExp(`^heap\\s+${op}\\s`, 'm'));
    expect(table).toMatch(/per key \(\/100\)/);
  });
});
