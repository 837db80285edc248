// Global setup of the test run (vitest.config.ts): the whole run, its workers, the cells they fork
// and the CLIs they spawn, writes its temporary files into one private directory (Node's
// os.tmpdir() and Chromium read TMPDIR), so other processes' files in the OS temp dir do not count
// and none of ours can hide among them. At the end the run fails naming whatever a test left
// behind, and the directory goes, leftovers and all.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// tsx's compile cache (tsx-<uid>), made by the children that run the TypeScript sources through
// tsx: no test's leftover, and it goes with the directory.
const TSX_CACHE = /^tsx-\d+$/;

export default function setup(): () => void {
  const before = process.env.TMPDIR;
  const root = mkdtempSync(join(tmpdir(), 'statebench-tests-'));
  // Workers inherit the environment the pool starts them with, which is this process's.
  process.env.TMPDIR = root;
  return () => {
    if (before === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = before;
    const left = readdirSync(root)
      .filter((name) => !TSX_CACHE.test(name))
      .sort();
    rmSync(root, { recursive: true, force: true });
    if (left.length > 0) {
      // A teardown error alone is only logged by vitest; the exit code makes it fail the run.
      process.exitCode = 1;
      throw new Error(
        `the tests left ${left.length} entries in the temp dir (make them with tempDir() from core/test-support/temp-dir.ts, which removes them; a test that failed or timed out may leave its run's data directory): ${left.join(', ')}`,
      );
    }
  };
}
