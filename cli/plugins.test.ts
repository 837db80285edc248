// Plugin backends as a user runs them: `--backend ./module.mjs` in run (with a --set sweep over
// the plugin's own knob, the cells in child processes), micro and conformance; modules that do
// not load, export no backend or describe themselves wrongly get one line and exit 2.
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCliProcess } from '../harness/test-support/cli.js';
import { tempDir } from '../core/test-support/temp-dir.js';

const fixtures = fileURLToPath(new URL('../backends/test-support/plugins/', import.meta.url));
/** As a user types it: relative to the working directory. */
const plugin = (file: string): string => `./${relative(process.cwd(), join(fixtures, file))}`;
const out = tempDir('statebench-plugins-');

describe('plugin backends', () => {
  it('run: a plugin by path, known by its own name, its knob swept with --set, cells in child processes', async () => {
    const r = await runCliProcess(['run', '-b', plugin('map-store.mjs'), '-w', 'ycsb-a', '--records', '2000', '--ops', '5000', '--set', 'mapstore.shards=1,2', '--out', join(out, 'run'), '--json']);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as { plan: { backends: string[] }; cells: { backend: string; status: string; knobs: { shards: number } }[] };
    expect(doc.plan.backends).toEqual(['mapstore']);
    expect(doc.cells.map((c) => [c.backend, c.status, c.knobs.shards])).toEqual([
      ['mapstore', 'ok', 1],
      ['mapstore', 'ok', 2],
    ]);
    expect(readFileSync(join(out, 'run', 'report.html'), 'utf8')).toContain('mapstore');
  }, 60_000);

  it('run: a plugin beside a built-in backend in one command', async () => {
    const r = await runCliProcess(['run', '-b', `heap,${plugin('map-store.mjs')}`, '-w', 'ycsb-a', '--records', '1000', '--ops', '2000', '--out', join(out, 'both'), '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as { cells: { backend: string }[] }).cells.map((c) => c.backend).sort()).toEqual(['heap', 'mapstore']);
  }, 60_000);

  it('conformance: a conforming plugin passes (exit 0); one that breaks get() fails with what was expected and what came back (exit 1)', async () => {
    const ok = await runCliProcess(['conformance', plugin('map-store.mjs')]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/^conformance of mapstore:/);
    expect(ok.stdout).toMatch(/0 failed/);
    const bad = await runCliProcess(['conformance', plugin('bad-get.mjs')]);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/put-get\s+FAIL .*expected get\(42\) = "forty-two"; got undefined/);
    const json = await runCliProcess(['conformance', plugin('bad-get.mjs'), '--json']);
    const parsed = JSON.parse(json.stdout) as { backend: string; results: { id: string; status: string; expected?: string; got?: string }[] };
    expect(parsed.backend).toBe('forgetful');
    expect(parsed.results.find((x) => x.id === 'put-get')).toMatchObject({ status: 'fail', expected: 'get(42) = "forty-two"', got: 'undefined' });
    expect(parsed.results.find((x) => x.id === 'delete')?.status).toBe('pass');
  }, 60_000);

  for (const b of ['heap', 'lmdb', 'lsm', 'delay']) {
    it(`conformance: the built-in ${b} passes every point that applies`, async () => {
      const r = await runCliProcess(['conformance', b, '--json']);
      expect(r.code, r.stderr).toBe(0);
      const results = (JSON.parse(r.stdout) as { results: { status: string }[] }).results;
      expect(results.filter((x) => x.status === 'fail')).toEqual([]);
      expect(results.filter((x) => x.status === 'pass').length).toBeGreaterThanOrEqual(16);
    }, 60_000);
  }

  const broken: [string, RegExp][] = [
    ['no-export.mjs', /exports no backend \(a default export, or an export named `backend`/],
    ['duplicate-knob.mjs', /knob 'cache' of dupes is described twice/],
    ['untyped-knob.mjs', /knob 'cache' of untyped has no valid type \(got undefined; one of int, float/],
    ['throws-on-load.mjs', /the module did not load: cannot find the engine library/],
    ['missing.mjs', /no such file/],
  ];
  for (const [file, message] of broken) {
    it(`refuses ${file} in one line naming it, exit 2`, async () => {
      const r = await runCliProcess(['run', '-b', plugin(file), '-w', 'ycsb-a']);
      expect(r.code).toBe(2);
      const lines = r.stderr.split('\n').filter((l) => l.trim() !== '');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(`--backend ${plugin(file)}: `);
      expect(lines[0]).toMatch(message);
    });
  }

  it('refuses a package that is not installed, saying how to get one', async () => {
    const r = await runCliProcess(['conformance', '@nosuch/statebench-backend']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toMatch(/^statebench: --backend @nosuch\/statebench-backend: not a built-in backend, and no package '@nosuch\/statebench-backend' is installed here \(npm install it, or give a path/);
  });
});
