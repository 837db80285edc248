// statebench history as a user runs it (the built CLI): exit 0 / 1 / 2, commit order from a real
// git repository, a directory of documents, --out and the job summary.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliProcess } from '../../harness/test-support/cli.js';
import { tempDir } from '../../core/test-support/temp-dir.js';
import type { LabelledDocument } from './order.js';
import { noisyHistory } from './test-support/series-documents.js';

const dir = tempDir('statebench-history-cli-');
function writeAll(name: string, docs: readonly LabelledDocument[]): string {
  const folder = join(dir, name);
  mkdirSync(folder, { recursive: true });
  for (const d of docs) writeFileSync(join(folder, d.label), JSON.stringify(d.doc));
  return folder;
}
const regressed = writeAll('regressed', noisyHistory(40, { stepAt: 25, factor: 0.9 }));
const flat = writeAll('flat', noisyHistory(40, { seed: 5 }));

describe('history: exit codes and outputs', () => {
  it('exits 1 when a series ends in a regression, naming it on stderr', async () => {
    const r = await runCliProcess(['history', regressed]);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toMatch(/^FAIL: 2 series end in a regression/m);
    expect(r.stderr).toMatch(/regression: delay\/ycsb-a throughput at #2[456]/);
  });

  it('exits 0 on a flat history, and on the regression when --fail-on leaves its metrics out', async () => {
    const ok = await runCliProcess(['history', flat]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/^PASS: no gating series ends in a regression; 0 change point\(s\)/m);
    const unGated = await runCliProcess(['history', regressed, '--fail-on', 'p99']);
    expect(unGated.code, unGated.stderr).toBe(0);
  });

  it('writes --out (HTML here) and appends the Markdown to GITHUB_STEP_SUMMARY', async () => {
    const summary = join(dir, 'summary.md');
    writeFileSync(summary, '# earlier step\n');
    const out = join(dir, 'out', 'history.html');
    const r = await runCliProcess(['history', regressed, '--format', 'html', '--out', out], { env: { GITHUB_STEP_SUMMARY: summary } });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(readFileSync(out, 'utf8')).toMatch(/^<!doctype html>/);
    expect(readFileSync(summary, 'utf8')).toMatch(/^# earlier step\n## statebench history :x:/);
  });

  it('orders by commit order with --git, and by createdAt (saying why) when git cannot read the directory', async () => {
    const repo = join(dir, 'repo');
    mkdirSync(repo);
    const git = (...args: string[]): string => execFileSync('git', ['-C', repo, '-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args]).toString();
    git('init', '-q');
    for (let i = 0; i < 3; i++) git('commit', '-q', '--allow-empty', '-m', `c${i}`);
    const commits = git('rev-list', '--reverse', 'HEAD').trim().split('\n');
    // Made in the reverse of commit order: the newest commit's document first.
    const docs = noisyHistory(3).map((d, i) => ({ ...d, doc: { ...d.doc, environment: { ...d.doc.environment, gitCommit: commits[2 - i] ?? null } } }));
    const folder = writeAll('committed', docs);
    const byGit = await runCliProcess(['history', folder, '--format', 'json', '--git', repo]);
    expect(JSON.parse(byGit.stdout).documents.map((d: { label: string }) => d.label.split('/').pop())).toEqual(['doc-02.json', 'doc-01.json', 'doc-00.json']);
    expect(JSON.parse(byGit.stdout).orderedBy).toBe('git');
    const noRepo = await runCliProcess(['history', folder, '--format', 'json', '--git', join(dir, 'regressed')]);
    expect(noRepo.code, noRepo.stderr).toBe(0);
    expect(JSON.parse(noRepo.stdout).orderedBy).toBe('createdAt');
    expect(noRepo.stderr).toMatch(/ordered by createdAt: git cannot read a repository at .*regressed/);
  });
});

describe('history: bad input is one clear line and exit 2', () => {
  const one = join(regressed, 'doc-00.json');
  const cases: [string, string[], RegExp][] = [
    ['one document', ['history', one], /history: 1 result document given; name at least 2/],
    ['an empty directory', ['history', join(dir, 'out')], /no result document in this directory/],
    ['a missing file', ['history', one, join(dir, 'nope.json')], /nope\.json: no such file$/],
    ['a bad alpha', ['history', regressed, '--alpha', '0.9'], /--alpha: '0\.9' is not valid; expected a number from 0\.0001 to 0\.2/],
    ['an unknown format', ['history', regressed, '--format', 'xml'], /--format: 'xml' is not valid; expected one of text, md, json, html/],
    ['an unknown --fail-on metric', ['history', regressed, '--fail-on', 'p42'], /--fail-on: 'p42' matches no metric/],
  ];
  it.each(cases)('%s', async (_name, args, message) => {
    mkdirSync(join(dir, 'out'), { recursive: true });
    const r = await runCliProcess(args);
    expect(r.code, r.stderr).toBe(2);
    // One line on stderr, naming what is wrong.
    expect(r.stderr.trim().split('\n'), r.stderr).toEqual([expect.stringMatching(/^statebench: /)]);
    expect(r.stderr.trim()).toMatch(message);
  });
});
