// Outside backends/, no code knows a backend by its name: what the harness, the tuner and the
// reports need of a backend comes through the contract (backends/types.ts, BackendTraits) and the
// registry, so that a plugin can take part in all a built-in backend does. This scans the shipped
// TypeScript for a built-in backend's name as a string literal and names each file:line found.
// Allowed: backends/ itself, tests and test-support/ (fixtures), bench/ (scripts about the tool),
// and an engine's own advice rules (analysis/advice/<engine>-rules.ts, cross-rules.ts), which
// name the engines they are written for.

import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { backendNames } from '../backends/registry.js';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SCANNED = ['core', 'workloads', 'harness', 'analysis', 'reports', 'cli', 'api'];
const ALLOWED = [/\.test\.ts$/, /(^|\/)test-support\//, /^analysis\/advice\/[a-z-]+-rules\.ts$/];

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return tsFiles(path);
    return e.name.endsWith('.ts') ? [path] : [];
  });
}

/** file:line of each line (outside comments) holding one of `names` as a '...' or `...` literal. */
function namedIn(files: readonly string[], names: readonly string[]): string[] {
  // Source here is single-quoted (prettier): a double-quoted name sits inside a message's example.
  const literal = new RegExp(`(['\`])(${names.join('|')})\\1`);
  const out: string[] = [];
  for (const file of files) {
    const rel = relative(repo, file).split('\\').join('/');
    if (ALLOWED.some((re) => re.test(rel))) continue;
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        const code = line.trim();
        if (code.startsWith('//') || code.startsWith('*') || code.startsWith('/*')) return;
        if (literal.test(line)) out.push(`${rel}:${i + 1}: ${code}`);
      });
  }
  return out;
}

describe('backends answer for themselves', () => {
  it('no shipped code outside backends/ names a built-in backend in a string literal', () => {
    const files = SCANNED.flatMap((d) => tsFiles(join(repo, d)));
    expect(files.length).toBeGreaterThan(100);
    expect(namedIn(files, backendNames())).toEqual([]);
  });

  it('finds a planted switch on a name, with its line, and passes comments and messages', () => {
    const dir = mkdtempSync(join(tmpdir(), 'statebench-names-'));
    try {
      const file = join(dir, 'budget.ts');
      writeFileSync(file, ["// the 'lsm' backend", 'const msg = `e.g. {"lsm": {}}`;', "if (backend === 'lsm') grow();", 'const b = `heap`;'].join('\n'));
      const found = namedIn([file], backendNames());
      expect(found.map((f) => f.replace(/^.*budget\.ts/, 'budget.ts'))).toEqual(["budget.ts:3: if (backend === 'lsm') grow();", 'budget.ts:4: const b = `heap`;']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
