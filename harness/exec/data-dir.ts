// Data directories the harness creates, and only those, it removes. Each run makes one fresh
// directory (mkdtemp) under the chosen parent and marks it; cleanup refuses any directory that
// does not carry the mark, so `--data-dir ~/important` can never lose the user's files.

import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, sep } from 'node:path';
import { UsageError } from '../../core/errors.js';
import { makeDirs } from '../../core/make-dirs.js';

export const OWNED_MARK = '.statebench-owned';

export class RunDataDir {
  readonly root: string;

  constructor(parent: string | null) {
    const base = resolve(parent ?? tmpdir());
    try {
      makeDirs(base);
    } catch (err) {
      throw new UsageError(`--data-dir: cannot create ${base} (${(err as NodeJS.ErrnoException).code ?? 'error'}); give a writable directory`);
    }
    this.root = mkdtempSync(join(base, 'statebench-'));
    writeFileSync(join(this.root, OWNED_MARK), `created by statebench pid ${process.pid}\n`);
  }

  /** A fresh directory for one cell, inside the run's own directory. */
  cellDir(index: number): string {
    const dir = join(this.root, `cell-${String(index).padStart(4, '0')}`);
    mkdirSync(dir, { recursive: true });
    return dir;
  }

  /** Removes a cell directory: only one inside this run's own (marked) directory. */
  removeCell(dir: string): void {
    const full = resolve(dir);
    if (full.startsWith(this.root + sep) && existsSync(join(this.root, OWNED_MARK))) {
      rmSync(full, { recursive: true, force: true });
    }
  }

  removeAll(): void {
    removeOwned(this.root);
  }
}

/** Removes `dir` only if statebench created it (it holds the mark). */
export function removeOwned(dir: string): boolean {
  if (!existsSync(join(dir, OWNED_MARK))) return false;
  rmSync(dir, { recursive: true, force: true });
  return true;
}
