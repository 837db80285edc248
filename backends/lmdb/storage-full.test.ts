// When the storage refuses a write (here a file size limit, EFBIG, standing in for a full
// disk), the write fails with one clear line and the process does not crash: on the sync path
// and on the async path, where lmdb-js would otherwise leak an unhandled rejection.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempDir } from './test-support/open.js';

const CHILD = fileURLToPath(new URL('./test-support/fill-child.ts', import.meta.url));
const LIMIT_KIB = 2048;

function fillUnderLimit(writePath: 'sync' | 'async'): { written: number; error: string | null; readable: boolean; dir: string } {
  const dir = join(tempDir(), 'env');
  // SIGXFSZ ignored: the write then fails with EFBIG instead of killing the process.
  const script = `trap '' XFSZ; ulimit -f ${LIMIT_KIB}; exec "${process.execPath}" --import tsx "${CHILD}" "${dir}" ${writePath}`;
  const out = spawnSync('bash', ['-c', script], { encoding: 'utf8', timeout: 120_000 });
  expect(out.status, out.stderr).toBe(0);
  return { ...(JSON.parse(out.stdout) as { written: number; error: string | null; readable: boolean }), dir };
}

describe('lmdb when the storage refuses a write', () => {
  for (const writePath of ['sync', 'async'] as const) {
    it(`fails ${writePath} writes with one line naming the cause`, () => {
      const r = fillUnderLimit(writePath);
      expect(r.error).toBe(
        `lmdb: file size limit reached writing ${r.dir} (EFBIG); raise the process file size limit (ulimit -f) or lower the data set`,
      );
      expect(r.written).toBeGreaterThan(100);
      expect(r.written).toBeLessThan(2100);
      expect(r.readable).toBe(true);
    });
  }
});
