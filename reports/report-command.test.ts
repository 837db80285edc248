// `statebench report` as a user runs it (the built CLI in dist/, built by `npm test`).
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliProcess } from '../harness/test-support/cli.js';
import { makeDocument } from './test-support/fixtures.js';
import { tempDir } from '../core/test-support/temp-dir.js';

const dir = tempDir('statebench-report-cli-');
const a = join(dir, 'a.json');
const b = join(dir, 'b.json');
writeFileSync(a, JSON.stringify(makeDocument({ backends: ['heap'], repeats: 1, intervals: 5 })));
writeFileSync(b, JSON.stringify(makeDocument({ backends: ['lsm'], repeats: 1, intervals: 5 })));

describe('statebench report', () => {
  it('combines documents and writes the formats asked for, listing the paths on stdout', async () => {
    const out = join(dir, 'out');
    const r = await runCliProcess(['report', a, b, '--out', out, '--format', 'html,md,json']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n')).toEqual([join(out, 'report.html'), join(out, 'summary.md'), join(out, 'report.json')]);
    expect(existsSync(join(out, 'charts'))).toBe(false);
  });

  it('rejects an unknown format with one line and exit 2', async () => {
    const r = await runCliProcess(['report', a, '--format', 'html,pdf']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toMatch(/^statebench: --format: unknown format pdf; accepted: html, md, svg, json\b[^\n]*$/);
  });

  it('rejects a file that is not a result document with one line and exit 2', async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ schemaVersion: 1, cells: 'no' }));
    const r = await runCliProcess(['report', bad, '--out', join(dir, 'never')]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('bad.json: not a valid result document');
  });
});
