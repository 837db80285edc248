// statebench as an installed package: `npm pack` of this checkout (dist as `npm test` built it),
// installed into a fresh temporary project with no other files. There, as a user would: the
// tarball holds no tests, test-support code or bench scripts; the install builds the RocksDB
// addon (`statebench backends` lists lsm as available); `npx statebench run` runs a tiny plan on
// all three engines; the example plugin runs by path; a TypeScript file using the API type-checks
// against the package's generated types, and a wrong use of them does not.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../core/test-support/temp-dir.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const work = tempDir('statebench-package-');
const project = join(work, 'project');
let tarball = '';
let files: string[] = [];

const sh = (cmd: string, args: readonly string[], cwd: string): string =>
  execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: 'pipe', env: { ...process.env, GITHUB_STEP_SUMMARY: '' }, maxBuffer: 64 << 20 });
const statebench = (args: readonly string[]): string => sh('npx', ['--no-install', 'statebench', ...args], project);

beforeAll(() => {
  // --ignore-scripts: no rebuild of dist while other test files use it.
  sh('npm', ['pack', '--ignore-scripts', '--pack-destination', work], root);
  tarball = join(work, readdirSync(work).find((f) => f.endsWith('.tgz')) as string);
  files = sh('tar', ['tzf', tarball], work).split('\n').filter((f) => f !== '');
  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  sh('npm', ['install', tarball, '--no-audit', '--no-fund'], project);
}, 300_000);

describe('the packed package, installed into a fresh project', () => {
  it('holds the CLI, the built API and the addon sources, and no tests, test-support code or bench scripts', () => {
    expect(files).toEqual(expect.arrayContaining(['package/bin/statebench.js', 'package/dist/api/index.d.ts', 'package/backends/lsm/native/binding.gyp']));
    expect(files.filter((f) => /\.test\.|test-support|\/bench\/|ensure-test-deps|\/build\//.test(f))).toEqual([]);
  });

  it('the install builds the addon: statebench backends lists lsm as available', () => {
    const backends = JSON.parse(statebench(['backends', '--json'])) as { name: string; available: boolean; reason?: string }[];
    expect(backends.find((b) => b.name === 'lsm')).toMatchObject({ available: true });
  });

  it('npx statebench run runs a tiny plan on heap, lmdb and lsm', () => {
    statebench(['run', '-b', 'heap,lmdb,lsm', '-w', 'ycsb-a', '--records', '1000', '--ops', '2000', '--out', join(work, 'run')]);
    const doc = JSON.parse(readFileSync(join(work, 'run', 'results.json'), 'utf8')) as { cells: { backend: string; status: string }[] };
    expect(doc.cells.map((c) => [c.backend, c.status])).toEqual([
      ['heap', 'ok'],
      ['lmdb', 'ok'],
      ['lsm', 'ok'],
    ]);
  }, 120_000);

  it('runs the example plugin by path', () => {
    const example = join(root, 'examples', 'sqlite-backend', 'index.mjs');
    statebench(['run', '-b', example, '-w', 'ycsb-a', '--records', '1000', '--ops', '2000', '--out', join(work, 'plugin')]);
    const doc = JSON.parse(readFileSync(join(work, 'plugin', 'results.json'), 'utf8')) as { cells: { backend: string; status: string }[] };
    expect(doc.cells.map((c) => [c.backend, c.status])).toEqual([['sqlite', 'ok']]);
  }, 120_000);

  it('a TypeScript file importing the API type-checks against the installed types; a wrong use does not', () => {
    const code = [
      "import { defineBackend, run, compare, type Backend, type ResultDocument } from 'statebench';",
      "const mine: Backend = defineBackend({ describe: () => ({ name: 'mine', engine: 'none', version: null, available: true, durable: false, knobs: [] }), open: async () => { throw new Error('not opened here'); } });",
      'export async function main(): Promise<number> {',
      "  const base: ResultDocument = await run({ backend: 'heap', records: 1000, ops: 1000, out: 'base' });",
      "  const head: ResultDocument = await run({ backend: 'heap', records: 1000, ops: 1000, out: 'head' });",
      "  return compare(base, head, { threshold: '5%' }).exitCode + mine.describe().knobs.length;",
      '}',
      '',
    ].join('\n');
    writeFileSync(join(project, 'tsconfig.json'), JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, types: [], skipLibCheck: false }, files: ['use.ts'] }));
    const tsc = join(root, 'node_modules', '.bin', 'tsc');
    writeFileSync(join(project, 'use.ts'), code);
    expect(() => sh(tsc, ['-p', 'tsconfig.json'], project)).not.toThrow();
    writeFileSync(join(project, 'use.ts'), `${code}export const wrong: number = mine.describe().name;\n`);
    let diagnostics = '';
    try {
      sh(tsc, ['-p', 'tsconfig.json'], project);
    } catch (err) {
      diagnostics = String((err as { stdout?: string }).stdout);
    }
    expect(diagnostics).toMatch(/use\.ts.*not assignable to type 'number'/);
  });
});
