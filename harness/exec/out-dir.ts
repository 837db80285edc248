// --out: the directory a command writes its results into, made if missing and checked writable
// before any cell runs.

import { accessSync, constants } from 'node:fs';
import { resolve } from 'node:path';
import { makeDirs } from '../../core/make-dirs.js';
import { UsageError } from '../../core/errors.js';

export function prepareOutDir(out: string): string {
  const dir = resolve(out);
  try {
    makeDirs(dir);
    accessSync(dir, constants.W_OK);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'error';
    throw new UsageError(`--out: cannot write to ${dir} (${code}); give a writable directory`);
  }
  return dir;
}
