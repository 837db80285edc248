// The layer rules (.dependency-cruiser.cjs) catch what they are for: each case plants a small
// tree of the repository's folder names in a temporary directory and runs dependency-cruiser on
// it with the repository's own configuration, as `npm run lint:layers` runs it on the real tree.

import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const depcruise = join(repo, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');
const config = join(repo, '.dependency-cruiser.cjs');

let dirs: string[] = [];
afterEach(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs = [];
});

/** Writes the files (path -> source) into a fresh directory and cruises it; exit code and output. */
function cruise(files: Record<string, string>): { code: number; output: string } {
  const root = mkdtempSync(join(tmpdir(), 'statebench-layers-'));
  dirs.push(root);
  writeFileSync(join(root, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext' } }));
  for (const [path, source] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), source);
  }
  const folders = [...new Set(Object.keys(files).map((p) => p.split('/')[0] as string))];
  try {
    const output = execFileSync(process.execPath, [depcruise, '--config', config, '--output-type', 'err', ...folders], { cwd: root, encoding: 'utf8', stdio: 'pipe' });
    return { code: 0, output };
  } catch (err) {
    const e = err as { status: number | null; stdout?: string; stderr?: string };
    return { code: e.status ?? -1, output: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}

describe('layer rules', () => {
  it('pass imports that point down: cli -> reports -> analysis -> harness -> backends, workloads -> core', () => {
    const r = cruise({
      'core/units.ts': 'export const MiB = 1024 * 1024;\n',
      'workloads/w.ts': "import { MiB } from '../core/units.js';\nexport const w = MiB;\n",
      'backends/b.ts': "import { MiB } from '../core/units.js';\nexport const b = MiB;\n",
      'harness/h.ts': "import { w } from '../workloads/w.js';\nimport { b } from '../backends/b.js';\nexport const h = w + b;\n",
      'analysis/a.ts': "import { h } from '../harness/h.js';\nexport const a = h;\n",
      'reports/r.ts': "import { a } from '../analysis/a.js';\nexport const r = a;\n",
      'cli/c.ts': "import { r } from '../reports/r.js';\nexport const c = r;\n",
    });
    expect(r.output).toContain('no dependency violations');
    expect(r.code).toBe(0);
  });

  it('fail a backwards import and name the rule', () => {
    const r = cruise({
      'core/errors.ts': "import { h } from '../harness/h.js';\nexport const e = h;\n",
      'harness/h.ts': 'export const h = 1;\n',
    });
    expect(r.code).not.toBe(0);
    expect(r.output).toContain('core-imports-no-layer-above: core/errors.ts → harness/h.ts');
  });

  it('fail harness importing analysis or reports (the run pipeline belongs in the CLI)', () => {
    const r = cruise({
      'harness/run.ts': "import { advise } from '../analysis/advise.js';\nexport const run = advise;\n",
      'analysis/advise.ts': 'export const advise = 1;\n',
    });
    expect(r.code).not.toBe(0);
    expect(r.output).toContain('harness-imports-no-layer-above: harness/run.ts → analysis/advise.ts');
  });

  it('fail an import between workloads and backends, which share a layer', () => {
    const r = cruise({
      'backends/delay.ts': "import { zipf } from '../workloads/zipf.js';\nexport const d = zipf;\n",
      'workloads/zipf.ts': 'export const zipf = 1;\n',
    });
    expect(r.code).not.toBe(0);
    expect(r.output).toContain('workloads-and-backends-apart: backends/delay.ts → workloads/zipf.ts');
  });

  it('fail an import cycle, even inside one folder', () => {
    const r = cruise({
      'harness/a.ts': "import { b } from './b.js';\nexport const a = () => b;\n",
      'harness/b.ts': "import { a } from './a.js';\nexport const b = () => a;\n",
    });
    expect(r.code).not.toBe(0);
    expect(r.output).toContain('no-cycles');
  });

  it('fail shipped code that imports test support', () => {
    const r = cruise({
      'harness/h.ts': "import { fake } from './test-support/fake.js';\nexport const h = fake;\n",
      'harness/test-support/fake.ts': 'export const fake = 1;\n',
      'harness/h.test.ts': "import { fake } from './test-support/fake.js';\nexport const t = fake;\n",
    });
    expect(r.code).not.toBe(0);
    expect(r.output).toContain('test-support-only-in-tests: harness/h.ts → harness/test-support/fake.ts');
    expect(r.output).not.toContain('harness/h.test.ts →');
  });

  it('pass harness folders importing down their tiers: run-command -> plan -> exec -> cell -> runner -> recorder', () => {
    const r = cruise({
      'harness/recorder/clock.ts': 'export const now = () => 1;\n',
      'harness/runner/phase.ts': "import { now } from '../recorder/clock.js';\nexport const phase = now;\n",
      'harness/cell/run-cell.ts': "import { phase } from '../runner/phase.js';\nexport const cell = phase;\n",
      'harness/exec/spawn.ts': "import { cell } from '../cell/run-cell.js';\nexport const spawn = cell;\n",
      'harness/plan/cells.ts': "import { spawn } from '../exec/spawn.js';\nexport const plan = spawn;\n",
      'harness/run-command/execute.ts': "import { plan } from '../plan/cells.js';\nexport const run = plan;\n",
    });
    expect(r.output).toContain('no dependency violations');
    expect(r.code).toBe(0);
  });

  it('fail a harness folder importing a tier above it (the cell importing the plan), but not its test', () => {
    const r = cruise({
      'harness/cell/run-cell.ts': "import { plan } from '../plan/cells.js';\nexport const cell = plan;\n",
      'harness/cell/run-cell.test.ts': "import { plan } from '../plan/cells.js';\nexport const t = plan;\n",
      'harness/plan/cells.ts': 'export const plan = 1;\n',
    });
    expect(r.code).not.toBe(0);
    expect(r.output).toContain('harness-cell-imports-no-harness-tier-above: harness/cell/run-cell.ts → harness/plan/cells.ts');
    expect(r.output).not.toContain('harness/cell/run-cell.test.ts →');
  });

  it('fail an import between harness folders of one tier (micro orchestration reaching into run)', () => {
    const r = cruise({
      'harness/micro-command/execute.ts': "import { out } from '../run-command/execute.js';\nexport const micro = out;\n",
      'harness/run-command/execute.ts': 'export const out = 1;\n',
    });
    expect(r.code).not.toBe(0);
    expect(r.output).toContain('harness-commands-apart: harness/micro-command/execute.ts → harness/run-command/execute.ts');
  });
});
