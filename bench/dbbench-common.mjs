// What the scripts that run RocksDB's db_bench beside statebench share: their flags, the checks
// that db_bench is installed and statebench built, and statebench's own median (from the build:
// a plain-node script cannot load the .ts source).

import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const args = process.argv.slice(2);

/** --name value, else the default. */
export function flag(name, dflt) {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : dflt;
}

/** The db_bench to run (--db-bench, default Debian's), exiting with a line when it is missing. */
export function dbBenchPath() {
  const path = flag('db-bench', '/usr/bin/db_bench');
  if (!existsSync(path)) {
    console.error(`db_bench not found at ${path}; install it with: sudo apt-get install -y rocksdb-tools`);
    process.exit(2);
  }
  return path;
}

/** statebench's median, exiting with a line when statebench is not built. */
export async function builtMedian() {
  if (!existsSync(join(root, 'dist', 'harness')) || !existsSync(join(root, 'dist', 'core', 'stats.js'))) {
    console.error('statebench is not built; run `npm run build` first');
    process.exit(2);
  }
  return (await import(pathToFileURL(join(root, 'dist', 'core', 'stats.js')).href)).median;
}
