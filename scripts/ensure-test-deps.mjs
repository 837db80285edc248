#!/usr/bin/env node
// Before `npm test`: the system packages the tests need (Chromium for the report's browser test,
// db_bench for the RocksDB comparison). As root with apt-get they are installed; otherwise the
// exact command is printed and the tests that need them report it. Then the example plugin's own
// dependency (examples/sqlite-backend: better-sqlite3, built from source by its install script),
// which statebench itself does not depend on.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const example = join(resolve(dirname(fileURLToPath(import.meta.url)), '..'), 'examples', 'sqlite-backend');
if (!existsSync(join(example, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'))) {
  process.stderr.write('statebench: installing the example plugin\'s dependencies (examples/sqlite-backend)\n');
  execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: example, stdio: 'inherit' });
}

const wanted = [
  { pkg: 'chromium', present: () => existsSync('/usr/bin/chromium') },
  { pkg: 'librocksdb-dev', present: () => existsSync('/usr/include/rocksdb/db.h') },
];
const missing = wanted.filter((w) => !w.present()).map((w) => w.pkg);
if (missing.length === 0) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
if (isRoot && hasApt) {
  process.stderr.write(`statebench: installing ${missing.join(', ')} with apt-get\n`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', ...missing], { stdio: 'inherit', env });
} else {
  process.stderr.write(`statebench: tests need ${missing.join(', ')}; install with: sudo apt-get install -y ${missing.join(' ')}\n`);
}
