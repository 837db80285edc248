// statebench micro with bad input: one line naming the flag, exit 2, no stack trace, nothing on stdout.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliProcess } from '../test-support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'statebench-micro-bad-'));
// A regular file where --out wants a directory (mkdir -p under /proc hangs on Node 20).
const aFile = join(dir, 'a-file');
writeFileSync(aFile, '');

const cases: [string, string[], RegExp][] = [
  ['an unknown operation', ['micro', '-b', 'heap', '--ops', 'get-hit,frob'], /--ops: unknown operation 'frob'; accepted: get-hit, get-miss/],
  ['an unknown backend', ['micro', '-b', 'heap,nosuch'], /--backend: unknown backend 'nosuch'; known: .*heap/],
  ['too few records', ['micro', '-b', 'heap', '--records', '5'], /--records: '5' is not valid; expected a whole number >= 100/],
  ['a bad --time', ['micro', '-b', 'heap', '--time', 'forever'], /--time: 'forever' is not valid; expected milliseconds/],
  ['an unknown knob', ['micro', '-b', 'heap', '--set', 'heap.nope=1'], /unknown knob 'nope' for backend heap; known knobs: /],
  ['a bad knob value', ['micro', '-b', 'heap', '--set', 'heap.valueMode=tree'], /heap\.valueMode: 'tree' is not valid; expected one of bytes, object/],
  ['a --set for a backend not in the run', ['micro', '-b', 'heap', '--set', 'delay.latencyUs=5'], /--set delay\.…: backend 'delay' is not in this run's backends \(heap\)/],
  ['an unwritable --out', ['micro', '-b', 'heap', '--out', join(aFile, 'out')], /--out: cannot write to .*a-file\/out \(ENOTDIR\)/],
  ['an unknown flag', ['micro', '--frobnicate', '1'], /unknown argument/i],
];

describe('micro: bad input is one clear line and exit 2', () => {
  it.each(cases)('%s', async (_name, args, message) => {
    const r = await runCliProcess(args, { cwd: dir });
    expect(r.code, r.stderr).toBe(2);
    const lines = r.stderr.split('\n').filter((l) => l.trim() !== '');
    expect(lines, r.stderr).toHaveLength(1);
    expect(lines[0]).toMatch(/^statebench: /);
    expect(lines[0]).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stdout).toBe('');
  });
});
