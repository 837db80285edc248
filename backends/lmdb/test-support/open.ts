// Opens the LMDB backend on a fresh temporary directory with textual knobs, as the CLI would
// pass them, and removes every directory at the end of the test file.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { resolveKnobs } from '../../resolve-knobs.js';
import type { BackendInstance } from '../../types.js';
import { lmdbBackend } from '../backend.js';

const dirs: string[] = [];
const instances: BackendInstance[] = [];

afterEach(async () => {
  for (const db of instances.splice(0)) {
    try {
      await db.close();
    } catch {
      /* closed by the test, or failed as the test intended */
    }
  }
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

export function tempDir(prefix = 'statebench-lmdb-'): string {
  const d = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(d);
  return d;
}

export async function openLmdb(knobs: Record<string, string> = {}, dir = tempDir()): Promise<{ db: BackendInstance; dir: string }> {
  const resolved = resolveKnobs(lmdbBackend.describe(), knobs);
  const db = await lmdbBackend.open(dir, resolved, { keySize: 16, seed: 1 });
  instances.push(db);
  return { db, dir };
}

export const bytes = (n: number, fill = 1): Uint8Array => new Uint8Array(n).fill(fill);
