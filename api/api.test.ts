// The programmatic API: run, compare and report driven as a program would, defineBackend's
// checks, the JSON Schema; and docs/api.md's example type-checked against the built package
// ('statebench' resolved through package.json "exports" to dist/api/index.d.ts).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compare, defineBackend, report, resultDocumentJsonSchema, ResultDocumentSchema, run } from './index.js';
import { tempDir } from '../core/test-support/temp-dir.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = tempDir('statebench-api-');

describe('the programmatic API', () => {
  it('run returns the document it writes; compare and report read it', async () => {
    const settings = { backend: 'heap', workload: 'ycsb-a', records: 2000, ops: 5000, repeat: 5 };
    const base = await run({ ...settings, out: join(out, 'base') });
    const head = await run({ ...settings, out: join(out, 'head') });
    expect(ResultDocumentSchema.parse(base).cells.map((c) => c.status)).toEqual(['ok', 'ok', 'ok', 'ok', 'ok']);
    expect(JSON.parse(readFileSync(join(out, 'base', 'results.json'), 'utf8')).cells).toHaveLength(5);
    const c = compare(base, head, { threshold: '50%' });
    expect(c.exitCode).toBe(0);
    const files = await report(head, ['md', 'json']);
    expect(files.map((f) => f.path).sort()).toEqual(expect.arrayContaining(['summary.md']));
    expect(files.find((f) => f.path === 'summary.md')?.content).toMatch(/heap/);
  }, 60_000);

  it("runs Flink's event-time operators and TTL cleanup as the CLI does, with accesses per input element", async () => {
    // A sliding window of size 4 x its slide: every in-order element adds to 4 windows and registers their timers.
    const windows = await run({
      backend: ['heap', 'lsm'],
      workload: 'sliding-window',
      param: ['windowSize=400', 'slide=100', 'outOfOrderShare=0'],
      records: 500,
      ops: 20_000,
      taskmanagerMemory: 'none',
      out: join(out, 'windows'),
    });
    for (const cell of windows.cells) {
      expect(cell.status).toBe('ok');
      if (cell.status !== 'ok') continue;
      const ops = cell.phases.run?.operations ?? {};
      const elements = cell.phases.run?.elements;
      expect(elements?.count).toBeGreaterThan(0);
      // window.add is the first window's add (the element's first access), window.add.more the other three.
      expect((ops['window.add.more']?.count ?? 0) / (ops['window.add']?.count ?? 1)).toBeCloseTo(3, 0);
      expect(ops['timer.fire']?.count).toBeGreaterThan(0);
      expect(Object.values(ops).every((o) => o.errors === 0)).toBe(true);
      expect(elements?.accessesPerElement).toBeGreaterThan(8);
    }
    const ttl = await run({ backend: 'lsm', workload: 'ttl-dedupe', param: ['ttlCleanup=compaction', 'newKeyShare=0.5'], records: 2000, ops: 20_000, taskmanagerMemory: 'none', out: join(out, 'ttl') });
    expect(ttl.cells.map((c) => c.status)).toEqual(['ok']);
  }, 120_000);

  it('run throws the CLI message for a bad setting; report refuses an unknown format', async () => {
    await expect(run({ backend: 'nosuch', out: join(out, 'bad') })).rejects.toThrow(/--backend: unknown backend 'nosuch'/);
    const doc = ResultDocumentSchema.parse(JSON.parse(readFileSync(join(out, 'base', 'results.json'), 'utf8')));
    await expect(report(doc, ['pdf'])).rejects.toThrow(/unknown format pdf; known: html, md/);
  });

  it('defineBackend returns the backend, or throws naming what is wrong', () => {
    const knob = { name: 'cache', type: 'size' as const, default: 0, help: 'x' };
    const describeWith = (knobs: (typeof knob)[]) => () => ({ name: 'mine', engine: 'x', version: null, available: true, durable: false, knobs });
    const ok = { describe: describeWith([knob]), open: async () => ({}) as never };
    expect(defineBackend(ok)).toBe(ok);
    expect(() => defineBackend({ describe: describeWith([knob, knob]), open: ok.open })).toThrow(/defineBackend: knob 'cache' of mine is described twice/);
  });

  it('gives the JSON Schema of the document', () => {
    expect(resultDocumentJsonSchema()).toMatchObject({ $schema: expect.stringContaining('2020-12') });
  });

  it("docs/api.md's example type-checks against the package's exports and generated types", () => {
    const doc = readFileSync(join(root, 'docs', 'api.md'), 'utf8');
    const code = /```ts\n([\s\S]*?)```/.exec(doc)?.[1];
    expect(code).toBeDefined();
    // Inside the package folder, so 'statebench' resolves to this package by its "exports".
    const dir = mkdtempSync(join(root, 'dist', 'api-example-'));
    try {
      writeFileSync(join(dir, 'example.ts'), code as string);
      writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, types: ['node'], skipLibCheck: false }, files: ['example.ts'] }));
      const tsc = join(root, 'node_modules', '.bin', 'tsc');
      expect(() => execFileSync(tsc, ['-p', join(dir, 'tsconfig.json')], { encoding: 'utf8', stdio: 'pipe' })).not.toThrow();
      // A wrong use fails: the types are real.
      writeFileSync(join(dir, 'example.ts'), `${code as string}\nconst n: number = base.cells;\n`);
      expect(() => execFileSync(tsc, ['-p', join(dir, 'tsconfig.json')], { encoding: 'utf8', stdio: 'pipe' })).toThrow();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
