// statebench overhead --json: the shape scripts read ({backend, results: [{op, rawOpsPerSec,
// harnessOpsPerSec, ratio}]}), and the human table otherwise.
import { describe, expect, it } from 'vitest';
import { runCliProcess } from '../harness/test-support/cli.js';

const SMALL = ['--records', '2000', '--ops', '20000', '--rounds', '2', '--warmup-rounds', '1'];

describe('statebench overhead', () => {
  it('prints {backend, results} with --json, one result per operation', async () => {
    const r = await runCliProcess(['overhead', '-b', 'heap', '--json', ...SMALL]);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as { backend: string; results: Record<string, unknown>[] };
    expect(doc.backend).toBe('heap');
    expect(doc.results.map((x) => x.op)).toEqual(['get', 'put']);
    for (const x of doc.results) {
      expect(Object.keys(x).sort()).toEqual(['harnessOpsPerSec', 'op', 'ratio', 'rawOpsPerSec']);
      expect(x.rawOpsPerSec).toBeGreaterThan(0);
      expect(x.harnessOpsPerSec).toBeGreaterThan(0);
      expect(x.ratio).toBeCloseTo((x.harnessOpsPerSec as number) / (x.rawOpsPerSec as number), 2);
    }
  });

  it('prints a table with both throughputs, the ratio and the sampling rate without --json', async () => {
    const r = await runCliProcess(['overhead', '-b', 'heap', ...SMALL]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/raw ops\/s\s+harness ops\/s\s+ratio\s+timed/);
    expect(r.stdout).toMatch(/^get\s+[\d,]+\s+[\d,]+\s+\d\.\d{3}\s+(every op|1 in \d+)/m);
    expect(r.stdout).toMatch(/^put\s+[\d,]+\s+[\d,]+\s+\d\.\d{3}/m);
  });

  it('--untimed adds the runner with timing off: its throughput and untimed / raw, in the JSON and the table', async () => {
    const r = await runCliProcess(['overhead', '-b', 'heap', '--untimed', '--json', ...SMALL]);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as { results: Record<string, number>[] };
    for (const x of doc.results) {
      expect(Object.keys(x).sort()).toEqual(['harnessOpsPerSec', 'op', 'ratio', 'rawOpsPerSec', 'untimedOpsPerSec', 'untimedToRaw']);
      expect(x.untimedToRaw).toBeCloseTo((x.untimedOpsPerSec as number) / (x.rawOpsPerSec as number), 2);
    }
    const table = await runCliProcess(['overhead', '-b', 'heap', '--untimed', ...SMALL]);
    expect(table.stdout).toMatch(/raw ops\/s\s+untimed ops\/s\s+untimed\/raw\s+harness ops\/s\s+ratio\s+timed/);
  });

  it('--native adds the loops inside the addon for lsm: their throughput and raw / native; refused for a backend without them', async () => {
    const r = await runCliProcess(['overhead', '-b', 'lsm', '--native', '--json', ...SMALL]);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as { results: Record<string, number>[] };
    for (const x of doc.results) {
      expect(Object.keys(x).sort()).toEqual(['harnessOpsPerSec', 'nativeOpsPerSec', 'op', 'ratio', 'rawOpsPerSec', 'rawToNative']);
      expect(x.nativeOpsPerSec).toBeGreaterThan(0);
      expect(x.rawToNative).toBeCloseTo((x.rawOpsPerSec as number) / (x.nativeOpsPerSec as number), 2);
    }
    const table = await runCliProcess(['overhead', '-b', 'lsm', '--native', ...SMALL]);
    expect(table.stdout).toMatch(/native ops\/s\s+raw\/native\s+raw ops\/s\s+harness ops\/s\s+ratio\s+timed/);
    const heap = await runCliProcess(['overhead', '-b', 'heap', '--native', ...SMALL]);
    expect(heap.code).toBe(2);
    expect(heap.stderr.trim()).toBe('statebench: --native: heap has no native loop (BackendInstance.nativeLoop); lsm has one');
  });
});
