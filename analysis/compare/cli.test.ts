// statebench compare as a user runs it (the built CLI): exit 0 / 1 / 2, outputs, job summary.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliProcess } from '../../harness/test-support/cli.js';
import { cell, documentOf, repeatsDocument } from '../../core/result/test-support/documents.js';
import { tempDir } from '../../core/test-support/temp-dir.js';

const dir = tempDir('statebench-compare-cli-');
const write = (name: string, value: unknown): string => {
  const path = join(dir, name);
  writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value));
  return path;
};
const base = write('base.json', repeatsDocument([1000, 1010, 990, 1005, 995]));
const same = write('same.json', repeatsDocument([1001, 1009, 991, 1004, 996]));
const slower = write('slower.json', repeatsDocument([800, 808, 792, 804, 796]));
const otherBackend = write('other.json', documentOf([0, 1, 2, 3].map((r) => cell({ repeat: r, backend: 'heap', throughput: 1 }))));
const v2 = write('v2.json', { ...repeatsDocument([1, 2, 3]), schemaVersion: 2 });
const broken = write('broken.json', '{"schemaVersion": 1, "cells": [');

describe('compare: exit codes', () => {
  it('exits 0 with a PASS line when nothing regressed', async () => {
    const r = await runCliProcess(['compare', base, same]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^PASS: no gating regression/m);
  });

  it('exits 1 on a regression, naming it on stderr', async () => {
    const r = await runCliProcess(['compare', base, slower]);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/regression: delay\/ycsb-a throughput/);
  });

  it('exits 0 on that regression when --fail-on leaves throughput out', async () => {
    const r = await runCliProcess(['compare', base, slower, '--fail-on', 'p99,p50']);
    expect(r.code, r.stderr).toBe(0);
  });

  it('appends the Markdown to GITHUB_STEP_SUMMARY and writes --out files', async () => {
    const summary = join(dir, 'summary.md');
    writeFileSync(summary, '# earlier step\n');
    const out = join(dir, 'out', 'gab.json');
    const r = await runCliProcess(['compare', base, slower, '--format', 'gab', '--out', out], { env: { GITHUB_STEP_SUMMARY: summary } });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(readFileSync(summary, 'utf8')).toMatch(/^# earlier step\n## statebench compare :x:/);
    expect(JSON.parse(readFileSync(join(dir, 'out', 'gab.bigger.json'), 'utf8'))[0].unit).toBe('ops/s');
  });
});

describe('compare: bad input is one clear line and exit 2', () => {
  const cases: [string, string[], RegExp][] = [
    ['a missing file', ['compare', join(dir, 'nope.json'), base], /nope\.json: no such file$/],
    ['a wrong schema version', ['compare', base, v2], /v2\.json: schemaVersion 2 is not supported; this statebench reads schemaVersion 1$/],
    ['invalid JSON', ['compare', broken, base], /broken\.json: not valid JSON/],
    ['no cells in common', ['compare', base, otherBackend], /no cells in common between .*base\.json \(5 cells\) and .*other\.json \(4 cells\)/],
    ['a bad threshold', ['compare', base, same, '--threshold', 'p99=lots'], /--threshold: 'p99=lots' is not valid/],
    ['an unknown --fail-on metric', ['compare', base, same, '--fail-on', 'p42'], /--fail-on: 'p42' matches no metric/],
    ['an unknown format', ['compare', base, same, '--format', 'xml'], /--format: 'xml' is not valid; expected one of text, md, json, bmf, gab/],
    ['an unknown method', ['compare', base, same, '--method', 'ttest'], /--method: 'ttest' is not valid/],
    ['a missing HEAD', ['compare', base], /Not enough non-option arguments/i],
  ];
  it.each(cases)('%s', async (_name, args, message) => {
    const r = await runCliProcess(args);
    expect(r.code, r.stderr).toBe(2);
    const lines = r.stderr.split('\n').filter((l) => l.trim() !== '');
    expect(lines, r.stderr).toHaveLength(1);
    expect(lines[0]).toMatch(/^statebench: /);
    expect(lines[0]).toMatch(message);
    expect(r.stdout).toBe('');
  });
});
