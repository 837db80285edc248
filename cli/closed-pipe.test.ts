import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { CLI } from '../harness/test-support/cli.js';

describe('a reader that closes the pipe early', () => {
  it('ends the command quietly, exit 0, no stack trace', () => {
    // `true` exits without reading, long before node has started: every write meets a closed pipe,
    // as the lines after the first do in `statebench backends | head -1`.
    const r = spawnSync('bash', ['-c', `"${process.execPath}" "${CLI}" backends | true; echo "exit=\${PIPESTATUS[0]}" >&2`], { encoding: 'utf8' });
    expect(r.stderr).not.toContain('EPIPE');
    expect(r.stderr.trim()).toBe('exit=0');
  });
});
