// Opening where the environment cannot be written gives one clear line, not a crash.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openLmdb, tempDir } from './test-support/open.js';

const CHILD = fileURLToPath(new URL('./test-support/open-child.ts', import.meta.url));
const NOBODY = 65534;

/** Runs the open in a child; as root, the child turns into an unprivileged user (after loading
 *  its modules) so that permission bits apply. */
function openAsOtherUser(dir: string): { ok?: boolean; error?: string } {
  const asRoot = process.getuid?.() === 0;
  const out = spawnSync(process.execPath, ['--import', 'tsx', CHILD, dir, ...(asRoot ? [String(NOBODY)] : [])], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  expect(out.status, out.stderr).toBe(0);
  return JSON.parse(out.stdout) as { ok?: boolean; error?: string };
}

describe('lmdb on a directory it cannot write', () => {
  it('names a read-only or locked directory when the lock file cannot be set up', () => {
    const base = tempDir();
    chmodSync(base, 0o755);
    const dir = join(base, 'env');
    mkdirSync(dir);
    chmodSync(dir, 0o555);
    const result = openAsOtherUser(dir);
    expect(result.error).toBe(
      `lmdb: permission denied on ${dir} or its lock file (read-only or locked directory); make it writable or choose another --data-dir`,
    );
  });

  it('names the data directory when a parent is a file', async () => {
    const base = tempDir();
    writeFileSync(join(base, 'file'), 'x');
    const dir = join(base, 'file', 'env');
    await expect(openLmdb({}, dir)).rejects.toThrow(`lmdb: cannot create the environment at ${dir} (ENOTDIR: a parent is missing or not a directory); choose another --data-dir`);
  });
});
