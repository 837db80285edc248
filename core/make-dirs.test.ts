// makeDirs: mkdir -p that fails at once where Node's recursive mkdir never returns.
import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeDirs } from './make-dirs.js';
import { tempDir } from './test-support/temp-dir.js';

describe('makeDirs', () => {
  const base = tempDir('statebench-make-dirs-');

  it('makes every missing directory of a path, and accepts one that exists', () => {
    const dir = join(base, 'a', 'b', 'c');
    expect(makeDirs(dir)).toBe(dir);
    expect(statSync(dir).isDirectory()).toBe(true);
    expect(makeDirs(dir)).toBe(dir);
  });

  it('fails with the error of the first directory that cannot be made', () => {
    const file = join(base, 'file');
    writeFileSync(file, '');
    expect(() => makeDirs(join(file, 'x', 'y'))).toThrow(/ENOTDIR/);
    expect(() => makeDirs(file)).toThrow(/EEXIST/);
  });

  it('fails at once under /proc, where a recursive mkdirSync spins forever', () => {
    expect(() => makeDirs('/proc/statebench-no-such/x')).toThrow(/ENOENT/);
  });
});
