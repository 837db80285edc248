// mkdir -p without Node's recursive mkdir, which spins at full CPU forever when a parent exists
// but the child still cannot be made and the kernel says ENOENT (procfs: `--out /proc/x` hung
// the run; nodejs/node's recursive mkdir steps back to the parent on ENOENT and retries). Here
// each missing directory is made on its own, from the top down, and an error is final.

import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

export function makeDirs(path: string): string {
  const full = resolve(path);
  const missing: string[] = [];
  for (let p = full; !existsSync(p); p = dirname(p)) {
    missing.push(p);
    if (dirname(p) === p) break;
  }
  for (let i = missing.length - 1; i >= 0; i--) {
    const dir = missing[i] as string;
    try {
      mkdirSync(dir);
    } catch (err) {
      // made meanwhile by someone else: fine when it is a directory
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || !statSync(dir).isDirectory()) throw err;
    }
  }
  // an existing file where the directory should be
  if (missing.length === 0 && !statSync(full).isDirectory()) mkdirSync(full);
  return full;
}
